namespace Approvals.Functions.Tests.BadInput;

/// <summary>
/// One hostile or broken request of the corpus. <c>{app}</c>, <c>{uscc}</c> and <c>{material}</c> in the path or the
/// body stand for a real application, the signed-in applicant and one of its uploaded materials.
/// </summary>
/// <param name="Name">What is wrong with it, in a few words.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">Path and query, as sent (not escaped again).</param>
/// <param name="Token">The dev token of the caller; null for an anonymous call.</param>
/// <param name="Body">The body as text, or null for none.</param>
/// <param name="ContentType">The body's Content-Type.</param>
/// <param name="IdempotencyKey">The Idempotency-Key header, if any.</param>
/// <param name="Skip">Why the case is skipped today (the defect that waits for the HTTP layer), or null.</param>
public sealed record BadRequest(
    string Name,
    string Method,
    string Path,
    string? Token,
    string? Body = null,
    string ContentType = "application/json",
    string? IdempotencyKey = null,
    string? Skip = null)
{
    public override string ToString() => $"{Method} {(Path.Length > 60 ? Path[..60] + "…" : Path)}: {Name}";
}
