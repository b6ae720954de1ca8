namespace Approvals.Calls;

/// <summary>
/// What an enterprise registers (挂号) through the direct line (政企直通车): the problem, and the unit it picks
/// (<see cref="Unit"/>) or a topic that routes it; <see cref="MajorUrgent"/> marks a major urgent problem (重大紧急问题).
/// </summary>
public sealed record CallRequest
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Unit { get; init; }
    public string? Topic { get; init; }
    public bool MajorUrgent { get; init; }
    public string? EnterpriseName { get; init; }
}
