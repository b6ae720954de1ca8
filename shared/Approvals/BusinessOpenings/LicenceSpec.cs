namespace Approvals.BusinessOpenings;

/// <summary>The business licence (营业执照) as data: its certificate item code, names, and the department that issues it.</summary>
public sealed record LicenceSpec(string Code, string Name, string NameEn, string Department);
