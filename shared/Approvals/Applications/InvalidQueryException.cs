namespace Approvals.Applications;

/// <summary>A query the caller got wrong (a continuation token not issued here, a status no application has): a 400, not a fault.</summary>
public sealed class InvalidQueryException(string field, string message) : ArgumentException(message, field)
{
    /// <summary>The query parameter at fault, as the caller spelled it.</summary>
    public string Field { get; } = field;
}
