namespace Approvals.LandToStart;

/// <summary>
/// An application for land-to-start (拿地即开工): the project as the park and the investment promotion bureau fixed it,
/// whether the company applies of its own will, whether the land is sold with a design scheme (带设计方案出让), the plan
/// conditions (规划条件) and the materials the simulated opinions rest on.
/// </summary>
public sealed record LandToStartRequest
{
    public LandProject? Project { get; init; }
    public string? EnterpriseName { get; init; }
    public bool Voluntary { get; init; }
    public bool SoldWithDesignScheme { get; init; }
    public IReadOnlyDictionary<string, string>? PlanConditions { get; init; }
    public IReadOnlyList<LandMaterialRef>? Materials { get; init; }
}

/// <summary>The project: new or extended (new | extension), industrial, key, in a park, fitting the spatial plan, no hazardous chemicals.</summary>
public sealed record LandProject(string? Code, string? Name, string? Park, string? Kind, string? Industry, bool KeyProject, bool FitsSpatialPlan, bool HazardousChemicals);

public sealed record LandMaterialRef(string? Code, string? MaterialId);
