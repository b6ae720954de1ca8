namespace Approvals.Utilities;

/// <summary>
/// External events a utilities joint application waits for: one name per utility and step, so an answer for one
/// utility never counts for another, and the applicant's one connection request after completion acceptance.
/// </summary>
public static class UtilitySignals
{
    public const string Surveyed = "surveyed";
    public const string Complete = "complete";
    public const string Connected = "connected";

    public static IReadOnlyList<string> Steps { get; } = [Surveyed, Complete, Connected];

    public static string Answer(string utility, string step) => $"utility:{utility.ToUpperInvariant()}:{step}";

    public const string ConnectionRequested = "utility-connection-requested";
}

/// <summary>
/// A utility's answer for one step: surveyed (with who attended the joint survey), complete (the application accepted
/// in full, with the fee charged) or connected.
/// </summary>
public sealed record UtilityAnswer(string Utility, string Step, DateTimeOffset At, string? Note, IReadOnlyList<string>? Attendees, decimal? Fee);

/// <summary>The applicant's request to connect, with the completion acceptance certificate (竣工联合验收) that allows it.</summary>
public sealed record ConnectionRequest(string AcceptanceCertificate, DateTimeOffset At);
