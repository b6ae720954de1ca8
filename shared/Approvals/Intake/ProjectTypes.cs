namespace Approvals.Intake;

/// <summary>The project types the portal offers.</summary>
public static class ProjectTypes
{
    public const string Industrial = "industrial";
    public const string Warehouse = "warehouse";

    public static readonly IReadOnlyList<string> All = [Industrial, Warehouse, "residential", "public", "municipal"];
}
