using System.Security.Claims;

namespace Approvals.Functions.Identity;

/// <summary>Who is calling, in the terms of api.md.</summary>
public static class CallerExtensions
{
    public static bool IsSupervisor(this ClaimsPrincipal user) => user.IsInRole(Roles.Supervisor);

    /// <summary>A project steward (项目管家) or a supervisor: who keeps steward plans.</summary>
    public static bool IsSteward(this ClaimsPrincipal user) => user.IsInRole(Roles.Steward) || user.IsSupervisor();

    public static bool IsApplicant(this ClaimsPrincipal user, string uscc) =>
        user.IsInRole(Roles.Applicant) && string.Equals(user.FindFirstValue(Roles.UsccClaim), uscc, StringComparison.OrdinalIgnoreCase);

    public static string? Uscc(this ClaimsPrincipal user) => user.IsInRole(Roles.Applicant) ? user.FindFirstValue(Roles.UsccClaim) : null;

    /// <summary>
    /// An applicant's own identity as a person, for callers that have no company yet (a founder, 开户即开业): the token's
    /// object id or subject where it has one, else its applicant id claim (a dev token's <c>dev:applicant:&lt;id&gt;</c>).
    /// </summary>
    public static string? Subject(this ClaimsPrincipal user) => user.IsInRole(Roles.Applicant)
        ? SubjectClaims.Select(user.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } subject ? subject : null
        : null;

    private static readonly string[] SubjectClaims =
        ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "sub", ClaimTypes.NameIdentifier, Roles.UsccClaim];

    public static bool IsDepartment(this ClaimsPrincipal user, string department) =>
        user.IsInRole(Roles.Department) && string.Equals(user.FindFirstValue(Roles.DepartmentClaim), department, StringComparison.OrdinalIgnoreCase);

    /// <summary>The department (or utility company) code of a Department caller, upper case; null for anyone else.</summary>
    public static string? Department(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Department) ? user.FindFirstValue(Roles.DepartmentClaim)?.ToUpperInvariant() : null;

    /// <summary>The owner or a supervisor may read an applicant's data.</summary>
    public static bool MayRead(this ClaimsPrincipal user, string uscc) => user.IsSupervisor() || user.IsApplicant(uscc);
}
