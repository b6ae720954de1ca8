namespace Approvals.BusinessOpenings;

/// <summary>A body that issues the licence or a permit of a business opening and post-checks it.</summary>
public sealed record OpeningDepartment(string Code, string Name, string NameEn);
