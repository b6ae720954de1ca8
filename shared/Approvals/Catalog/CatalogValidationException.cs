namespace Approvals.Catalog;

/// <summary>A catalog that cannot be used; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class CatalogValidationException : Exception
{
    public CatalogValidationException(IReadOnlyList<string> problems)
        : base($"The catalog has {problems.Count} problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)))
        => Problems = problems;

    public CatalogValidationException() : this(["unknown problem"])
    {
    }

    public CatalogValidationException(string message) : base(message) => Problems = [message];

    public CatalogValidationException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
