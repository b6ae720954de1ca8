namespace Approvals.Catalog;

/// <summary>How commitments of an item are chosen for verification (核查): always, by the project's risk level, or not at all.</summary>
public enum SamplingRule
{
    Always,
    RiskBased,
    None,
}
