namespace Approvals.Azure.Tables;

/// <summary>
/// A Query Entities request: an OData <see cref="Filter"/> (build literals with <see cref="TableFilter"/>), the
/// properties to <see cref="Select"/> and the page size <see cref="Top"/> (the service returns at most 1000 per page).
/// </summary>
public sealed record TableQuery(string? Filter = null, IReadOnlyList<string>? Select = null, int? Top = null);
