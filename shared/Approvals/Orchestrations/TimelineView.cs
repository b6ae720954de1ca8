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

    /// <summary>
    /// Oldest rounds whose details this published view leaves out, for a case that repeats rounds (a call reopened again
    /// and again), when leaving out the whole timeline is not enough (absent when none).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int RoundsOmitted { get; init; }

    /// <summary>How many of the oldest rounds a published view may leave out: none unless the case repeats rounds.</summary>
    [JsonIgnore]
    public virtual int OmittableRounds => 0;

    /// <summary>This view without the details of its oldest <paramref name="rounds"/> rounds (itself when it has no rounds).</summary>
    public virtual TimelineView WithoutOldestRounds(int rounds) => this;
}
