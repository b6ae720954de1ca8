using System.Security.Claims;
using Approvals.Functions.Identity;

namespace Approvals.Functions.Http;

/// <summary>Who may call an HTTP function (api.md's roles); finer checks (whose application, which department) stay in the function.</summary>
public enum Access
{
    Anonymous,
    Authenticated,
    Applicant,
    Department,
    Supervisor,

    /// <summary>A project steward (项目管家) or a supervisor.</summary>
    Steward,
}

public static class AccessRules
{
    public static bool Allows(this Access access, ClaimsPrincipal user) => access switch
    {
        Access.Anonymous => true,
        Access.Authenticated => user.Identity?.IsAuthenticated == true,
        Access.Applicant => user.IsInRole(Roles.Applicant),
        Access.Department => user.IsInRole(Roles.Department),
        Access.Supervisor => user.IsInRole(Roles.Supervisor),
        Access.Steward => user.IsInRole(Roles.Steward) || user.IsInRole(Roles.Supervisor),
        _ => false,
    };
}
