using System.Text.Json.Serialization;
using Approvals.Applications;

namespace Approvals.Orchestrations;

/// <summary>A case's view with its timeline (办理过程), which a published view may shorten.</summary>
public abstract record TimelineView
{
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Older timeline entries this published view leaves out to stay within the custom status limit (absent when none).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int TimelineOmitted { get; init; }
}
