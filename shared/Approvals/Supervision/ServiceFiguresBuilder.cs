using Approvals.Applications;
using Approvals.Calendar;
using Approvals.Calls;
using Approvals.DirectService;
using Approvals.LandToStart;
using Approvals.Stewardship;
using Approvals.Utilities;
using Microsoft.DurableTask.Client;

namespace Approvals.Supervision;

/// <summary>Counts what happened in a month in each seed system of service, from the cases' published status.</summary>
public sealed class ServiceFiguresBuilder(DurableTaskClient client)
{
    public async Task<ServiceFigures> BuildAsync(DateTimeOffset monthStart, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        bool In(DateTimeOffset? t) => t >= monthStart && t < end;
        bool InDay(DateOnly? day) => day is { } d && In(WorkingDayCalendar.StartOfDay(d));

        int registered = 0, answered = 0, answeredLate = 0, escalated = 0, reopened = 0, closed = 0;
        foreach (var call in await ViewsAsync<CallStatusView>(CallQueries.IdPrefix, cancellationToken))
        {
            if (In(call.RegisteredAt)) registered++;
            answered += call.Answers.Count(a => In(a.AnsweredAt));
            answeredLate += call.Answers.Count(a => In(a.AnsweredAt) && a.Late);
            escalated += call.Escalations.Count(e => In(e.At));
            reopened += call.Ratings.Count(r => In(r.At) && r.Rating == "unsatisfied");
            if (In(call.ClosedAt)) closed++;
        }

        int submitted = 0, completed = 0, afterStart = 0, connected = 0, utilityEscalations = 0;
        foreach (var u in await ViewsAsync<UtilityStatusView>(UtilityQueries.IdPrefix, cancellationToken))
        {
            if (In(u.SubmittedAt))
            {
                submitted++;
                utilityEscalations += u.Tracks.Sum(t => t.Escalations.Count);
            }
            if (In(u.CompletedAt)) completed++;
            if (In(u.CompletedAt) && u.DoneBeforeStart == false) afterStart++;
            if (In(u.ConnectedAt)) connected++;
        }

        int booked = 0, contactedLate = 0, onSite = 0, toHall = 0, supplied = 0, revoked = 0;
        foreach (var b in await ViewsAsync<BookingStatusView>(DirectServiceQueries.IdPrefix, cancellationToken))
        {
            if (In(b.BookedAt)) booked++;
            if (In(b.ContactedAt) && b.ContactLate) contactedLate++;
            onSite += b.Items.Count(i => i.State == "approved-on-site" && In(i.DecidedAt));
            toHall += b.Items.Count(i => i.State == "to-hall" && In(i.DecidedAt));
            supplied += b.Items.Count(i => i.State == "opinion-issued" && In(i.SuppliedAt));
            revoked += b.Items.Count(i => i.State == "revoked" && In(i.DecidedAt));
        }

        int applied = 0, signed = 0, fourOnTheDay = 0, reviewedAgain = 0;
        foreach (var l in await ViewsAsync<LandToStartStatusView>(LandToStartQueries.IdPrefix, cancellationToken))
        {
            if (In(l.AppliedAt)) applied++;
            if (!In(l.ContractAt)) continue;
            signed++;
            if (l.Documents.All(d => d.IssuedAt is { } at && WorkingDayCalendar.ShanghaiDate(at) == l.ContractSignedOn)) fourOnTheDay++;
            reviewedAgain += l.Documents.Count(d => d.Formal is not null || d.State == "re-review");
        }

        int toOwners = 0, toLead = 0, nodesDone = 0, nodesLate = 0;
        foreach (var p in await ViewsAsync<StewardPlanView>(StewardQueries.IdPrefix, cancellationToken))
        {
            foreach (var node in p.Nodes)
            {
                toOwners += node.Warnings.Count(w => w.Level == "owner" && In(w.At));
                toLead += node.Warnings.Count(w => w.Level == "lead-department" && In(w.At));
                if (node.IsDone && InDay(node.DoneOn))
                {
                    nodesDone++;
                    if (node.Late) nodesLate++;
                }
            }
        }

        return new ServiceFigures(
            new CallFigures(registered, answered, answeredLate, escalated, reopened, closed),
            new UtilityFigures(submitted, completed, afterStart, connected, utilityEscalations),
            new DirectServiceFigures(booked, contactedLate, onSite, toHall, supplied, revoked),
            new LandToStartFigures(applied, signed, fourOnTheDay, reviewedAgain),
            new WarningFigures(toOwners, toLead, nodesDone, nodesLate));
    }

    private async Task<List<T>> ViewsAsync<T>(string prefix, CancellationToken cancellationToken) where T : class
    {
        var views = new List<T>();
        await foreach (var instance in client.InstancesWithPrefixAsync(prefix, cancellationToken))
        {
            if (instance.ReadCustomStatusAs<T>() is { } view) views.Add(view);
        }
        return views;
    }
}
