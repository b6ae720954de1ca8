namespace Approvals.Catalog;

/// <summary>A department (职能部门) that owns items and verifies commitments.</summary>
/// <param name="Code">Short code used in URLs and tokens, e.g. <c>HUD</c>.</param>
/// <param name="Name">Chinese name, e.g. 住房和城乡建设局.</param>
/// <param name="NameEn">English name.</param>
public sealed record Department(string Code, string Name, string NameEn);
