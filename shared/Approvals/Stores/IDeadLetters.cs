namespace Approvals.Stores;

/// <summary>Where unusable messages go, with their reason, for a person to look at.</summary>
public interface IDeadLetters
{
    Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, CancellationToken cancellationToken = default);
}
