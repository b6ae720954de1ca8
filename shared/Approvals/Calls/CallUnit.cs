namespace Approvals.Calls;

/// <summary>
/// A unit that answers enterprise calls (承办单位), or a body a call goes to (the platform office, the district leaders).
/// <see cref="Responsible"/> is the person an assignment slip (交办单) names for the unit; the units keep it as data.
/// </summary>
public sealed record CallUnit(string Code, string Name, string NameEn, string? Responsible = null);
