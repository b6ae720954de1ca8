namespace Approvals.Intake;

/// <summary>Every problem of a submission, by field (the <c>errors</c> map of a problem+json answer).</summary>
public sealed class IntakeProblems
{
    private readonly SortedDictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.ContainsKey(field);

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
