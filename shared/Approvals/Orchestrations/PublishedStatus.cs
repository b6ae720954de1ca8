using System.Text.Json;
using Approvals.Applications;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// Publishes a case's view as its orchestration's custom status, within what Durable Functions accepts: it refuses a
/// custom status whose JSON is 17 KB or more in UTF-16 (two bytes per character), and the orchestration then fails. A
/// view over the budget (16 KB, measured with the serializer that sends it) publishes its newest timeline entries only and counts the older ones it
/// left out; the orchestration itself keeps every entry. Everything else in the view (tasks, lights, commitments,
/// certificates) is always published whole: lists and commands read those.
/// </summary>
public static class PublishedStatus
{
    /// <summary>How payloads are written (web defaults, Chinese text as itself): the host's serializer, so the size measured here is the size sent.</summary>
    public static JsonSerializerOptions JsonOptions => Json.PayloadJson.Options;

    /// <summary>Characters of JSON a published view may take: 16 KB in UTF-16, the limit as documented.</summary>
    public const int BudgetChars = 16 * 1024 / 2;

    /// <summary>Sets <paramref name="view"/> (or, over the budget, its newest timeline) as the custom status.</summary>
    public static void Set<TView>(TaskOrchestrationContext context, TView view) where TView : TimelineView =>
        context.SetCustomStatus(Fit(view));

    /// <summary>
    /// The view itself when it fits; else the view with the fewest oldest timeline entries left out that fits. When even
    /// no timeline is too much (a call reopened again and again keeps every answer), the fewest oldest rounds are left
    /// out first, then as few timeline entries as that leaves room for.
    /// </summary>
    public static TView Fit<TView>(TView view) where TView : TimelineView
    {
        if (Size(view) <= BudgetChars) return view;
        if (view.OmittableRounds > 0 && Size(Without(view, view.Timeline, view.Timeline.Count)) > BudgetChars)
        {
            var rounds = Fewest(view.OmittableRounds, r => Size(Without(Rounds(view, r), view.Timeline, view.Timeline.Count)) <= BudgetChars);
            view = Rounds(view, rounds);
            if (Size(view) <= BudgetChars) return view;
        }
        var timeline = view.Timeline;
        return Without(view, timeline, Fewest(timeline.Count, omitted => Size(Without(view, timeline, omitted)) <= BudgetChars));
    }

    /// <summary>The smallest n in 1..<paramref name="most"/> for which <paramref name="fits"/> holds (sizes fall as n grows), by bisection; <paramref name="most"/> when none does.</summary>
    private static int Fewest(int most, Func<int, bool> fits)
    {
        int enough = most, tooFew = 0;
        while (enough - tooFew > 1)
        {
            var middle = (enough + tooFew) / 2;
            if (fits(middle)) enough = middle;
            else tooFew = middle;
        }
        return enough;
    }

    private static TView Rounds<TView>(TView view, int rounds) where TView : TimelineView => (TView)view.WithoutOldestRounds(rounds);

    private static TView Without<TView>(TView view, IReadOnlyList<TimelineEntry> timeline, int omitted) where TView : TimelineView =>
        (TView)(view with { Timeline = timeline.Skip(omitted).ToList(), TimelineOmitted = omitted });

    private static int Size<TView>(TView view) => JsonSerializer.Serialize(view, JsonOptions).Length;
}
