namespace Approvals.Catalog;

/// <summary>
/// The class of a commitment (承诺类型), each verified its own way: supplement (补齐材料类: the material comes later),
/// retained (自留材料类: kept on file by the applicant, may be sampled) or on-site (现场达标类: inspected on site).
/// </summary>
public enum CommitmentClass
{
    Supplement,
    Retained,
    OnSite,
}
