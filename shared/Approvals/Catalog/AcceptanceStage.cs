namespace Approvals.Catalog;

/// <summary>
/// The stage of a joint-acceptance item (分期联合验收): early (先期: planning, fire, civil air defence...) or
/// late (后期: water, power, gas, heat, telecom, archives...).
/// </summary>
public enum AcceptanceStage
{
    Early,
    Late,
}
