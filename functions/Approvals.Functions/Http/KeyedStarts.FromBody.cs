namespace Approvals.Functions.Http;

/// <summary>A case's checked input, or every problem of the request by field.</summary>
public sealed record PlannedCase(object? Input, IReadOnlyDictionary<string, string[]> Errors)
{
    public static PlannedCase Of(object? input, IReadOnlyDictionary<string, string[]> errors) => new(errors.Count == 0 ? input : null, errors);
}

public sealed partial class KeyedStarts
{
    /// <summary>
    /// The whole start of a case from a JSON request: read and parse the body, answer a repeated
    /// <c>Idempotency-Key</c> as before, plan the case under its id (prefix + the key's hash), refuse with every problem
    /// at once (the header's among the body's), else schedule <paramref name="orchestrator"/> and record the key.
    /// <paramref name="owner"/> scopes the key: the same key from two callers is two cases.
    /// </summary>
    public async Task<IResult> StartFromBodyAsync<TRequest>(HttpRequest request, string scope, string owner, string idPrefix, int maxBodyBytes,
        Func<string, TRequest, Task<PlannedCase>> plan, string orchestrator, Func<string, IResult> accepted, string problemTitle, CancellationToken cancellationToken)
        where TRequest : class
    {
        var (body, unreadable) = await JsonBody.ReadTextAsync(request, maxBodyBytes, cancellationToken);
        if (unreadable is not null) return unreadable;
        var (parsed, malformed) = JsonBody.Parse<TRequest>(body!);
        if (malformed is not null) return malformed;

        var key = request.Headers[IdempotencyKeys.Header].ToString();
        var keyProblem = IdempotencyKeys.Problem(key);
        var recordKey = $"{owner}:{key}";
        var bodyHash = IdempotencyKeys.BodyHash(body!);
        if (keyProblem is null && await ReplayAsync(scope, recordKey, bodyHash, accepted, cancellationToken) is { } earlier) return earlier;

        var id = IdempotencyKeys.CaseId(idPrefix, recordKey);
        var planned = await plan(id, parsed!);
        if (planned.Input is null || keyProblem is not null)
        {
            var errors = new Dictionary<string, string[]>(planned.Errors);
            if (keyProblem is not null) errors[IdempotencyKeys.Header] = [keyProblem];
            return Results.ValidationProblem(errors, title: problemTitle, type: "https://approvals.example/problems/validation");
        }
        return await StartAsync(scope, recordKey, bodyHash, id, orchestrator, planned.Input, accepted, cancellationToken);
    }
}
