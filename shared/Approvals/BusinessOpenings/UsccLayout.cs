namespace Approvals.BusinessOpenings;

/// <summary>
/// The fixed parts of the unified social credit code (统一社会信用代码) a new company gets at its licence: the registration
/// authority (登记管理部门代码), the organisation category (机构类别代码) and the administrative division (行政区划码).
/// </summary>
public sealed record UsccLayout(string RegistrationAuthority, string OrganisationCategory, string RegionCode);
