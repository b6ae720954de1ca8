namespace Approvals.Functions.Identity;

/// <summary>The app roles of api.md and the claims that go with them.</summary>
public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Department = "Department";
    public const string Supervisor = "Supervisor";

    /// <summary>A project steward (项目管家, 帮办代办): keeps projects' plans, records causes, ticks nodes off.</summary>
    public const string Steward = "Steward";

    /// <summary>An applicant's unified social credit code.</summary>
    public const string UsccClaim = "uscc";

    /// <summary>A department's code (e.g. HUD).</summary>
    public const string DepartmentClaim = "dept";
}
