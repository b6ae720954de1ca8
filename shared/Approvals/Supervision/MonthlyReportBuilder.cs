using System.Globalization;
using Approvals.Applications;
using Approvals.BusinessOpenings;

namespace Approvals.Supervision;

/// <summary>
/// Builds the monthly report from the applications' published status: applications accepted within the month,
/// department decisions taken within it (with the working days from acceptance to the decision, less the clock's
/// legal stops before it), and the commitment outcomes of those applications; with <paramref name="openings"/> and
/// <paramref name="services"/>, the business openings' and the other seed systems' figures too.
/// </summary>
public sealed class MonthlyReportBuilder(ApplicationQueries queries, IDeadlineCalculator calendar, BusinessOpeningQueries? openings = null,
    ServiceFiguresBuilder? services = null)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>Parses <c>yyyy-MM</c>; false for anything else.</summary>
    public static bool TryParseMonth(string? text, out DateTimeOffset start)
    {
        start = default;
        if (!DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return false;
        start = new DateTimeOffset(month, Shanghai);
        return true;
    }

    public async Task<MonthlyReport> BuildAsync(DateTimeOffset monthStart, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var end = monthStart.AddMonths(1);
        bool InMonth(DateTimeOffset t) => t >= monthStart && t < end;
        var accepted = 0;
        var byStatus = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var decisions = new List<(TaskView Task, int Days, bool Overdue)>();
        var overdueOpen = 0;
        int made = 0, fulfilled = 0, notSampled = 0, broken = 0, falseOnes = 0, open = 0, sampled = 0;

        await foreach (var view in queries.EveryAsync(null, cancellationToken))
        {
            if (InMonth(view.AcceptedAt))
            {
                accepted++;
                byStatus[view.Status] = byStatus.GetValueOrDefault(view.Status) + 1;
                foreach (var c in view.Commitments)
                {
                    made++;
                    if (c.Sampled) sampled++;
                    switch (c.Status)
                    {
                        case "fulfilled": fulfilled++; break;
                        case "not-sampled": notSampled++; break;
                        case "broken": broken++; break;
                        case "false": falseOnes++; break;
                        default: open++; break;
                    }
                }
            }
            foreach (var task in view.Tasks)
            {
                if (task.DecidedAt is { } decided && InMonth(decided))
                {
                    decisions.Add((task, WorkingDaysUsed(view, decided), decided > task.DueAt));
                }
                else if (task.State == "pending" && task.DueAt < now && task.DueAt < end) overdueOpen++;
            }
        }

        var items = decisions.GroupBy(d => (d.Task.Item, d.Task.Department))
            .Select(g => new ItemFigures(g.Key.Item, g.Key.Department, g.Count(),
                g.Count(d => d.Task.State == "approved"), g.Count(d => d.Task.State == "rejected"), g.Count(d => d.Task.State == "corrections"),
                Math.Round(g.Average(d => d.Days), 1), g.Max(d => d.Days), g.Count(d => d.Overdue)))
            .OrderBy(i => i.Item, StringComparer.Ordinal).ToList();
        var departments = decisions.GroupBy(d => d.Task.Department)
            .Select(g => new DepartmentFigures(g.Key, g.Count(), Math.Round(g.Average(d => d.Days), 1), g.Count(d => d.Overdue)))
            .OrderBy(d => d.Department, StringComparer.Ordinal).ToList();
        var credit = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["fulfilled"] = fulfilled,
            ["broken"] = broken,
            ["false-commitment"] = falseOnes,
        };
        return new MonthlyReport(monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), now, accepted, byStatus, items, departments,
            overdueOpen + decisions.Count(d => d.Overdue), new CommitmentFigures(made, fulfilled, broken, falseOnes, open, sampled, notSampled), credit)
        {
            BusinessOpenings = openings is null ? null : await BusinessOpeningFiguresAsync(openings, monthStart, end, now, cancellationToken),
            Services = services is null ? null : await services.BuildAsync(monthStart, end, cancellationToken),
        };
    }

    /// <summary>Openings submitted in the month, issued together, and the post-checks recorded (or overdue) within it.</summary>
    private static async Task<BusinessOpeningFigures> BusinessOpeningFiguresAsync(BusinessOpeningQueries openings, DateTimeOffset monthStart, DateTimeOffset end,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        bool InMonth(DateTimeOffset? t) => t >= monthStart && t < end;
        int opened = 0, together = 0, verified = 0, broken = 0, revoked = 0, overdue = 0;
        await foreach (var view in openings.EveryAsync(cancellationToken))
        {
            if (InMonth(view.SubmittedAt)) opened++;
            if (InMonth(view.IssuedAt) && view.Licence is not null && view.Items.All(i => i.Certificate is not null && i.IssuedAt == view.IssuedAt)) together++;
            foreach (var item in view.Items)
            {
                if (InMonth(item.CheckedAt) && item.PostCheckStatus == "verified") verified++;
                if (InMonth(item.CheckedAt) && item.PostCheckStatus == "broken") broken++;
                if (InMonth(item.CheckedAt) && item.Certificate?.Status == "revoked") revoked++;
                if (item.PostCheckStatus == "due" && item.DueAt < now && item.DueAt < end) overdue++;
            }
        }
        return new BusinessOpeningFigures(opened, together, verified, broken, revoked, overdue);
    }

    /// <summary>Working days from acceptance to <paramref name="decided"/>, less the stops (e.g. awaiting corrections) before it.</summary>
    private int WorkingDaysUsed(ApplicationStatusView view, DateTimeOffset decided)
    {
        var used = calendar.WorkingDaysBetween(view.AcceptedAt, decided);
        foreach (var pause in view.Clock.Paused.Where(p => p.From < decided))
        {
            used -= calendar.WorkingDaysBetween(pause.From, pause.To is { } to && to < decided ? to : decided);
        }
        return Math.Max(0, used);
    }
}
