namespace Approvals.Utilities;

/// <summary>
/// The one form of a utilities joint application (联合报装): the project, the window that took it, the day construction is
/// planned to start (SD 20: the joint application is done before it), and each utility wanted with its quantity.
/// </summary>
public sealed record UtilityRequest
{
    public string? ProjectCode { get; init; }
    public string? ProjectName { get; init; }
    public string? Window { get; init; }
    public DateOnly? PlannedStartOn { get; init; }
    public IReadOnlyList<UtilityWanted>? Utilities { get; init; }
}

/// <summary>One utility on the form: its code (WATER, POWER, GAS, HEAT, TELECOM) and the quantity in its unit.</summary>
public sealed record UtilityWanted(string? Code, decimal? Quantity);
