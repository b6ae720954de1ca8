namespace Approvals.Functions.Problems;

/// <summary>Collects every problem with a request so the answer names them all at once (400 problem+json).</summary>
public sealed class ValidationProblem
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    public ValidationProblem Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public IResult ToResult(string title = "The request has problems.", string? detail = null) =>
        Results.ValidationProblem(ToDictionary(), detail: detail, title: title, type: "https://approvals.example/problems/validation");
}
