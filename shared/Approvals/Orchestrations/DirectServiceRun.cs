using Approvals.Activities;
using Approvals.Applications;
using Approvals.DirectService;
using Microsoft.DurableTask;
using static Approvals.Calendar.ShanghaiTime;

namespace Approvals.Orchestrations;

/// <summary>
/// The state of one booking while its orchestration runs, published as the custom status after every change.
/// Deterministic: time only from the context, working days only from the ComputeDeadline activity.
/// </summary>
internal sealed partial class DirectServiceRun(TaskOrchestrationContext context, BookingPlan plan)
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(30)));

    private readonly List<BookedItemView> items = plan.Items.Select(i => new BookedItemView
    {
        Code = i.Code, Name = i.Name, NameEn = i.NameEn, Department = i.Department, OnSiteAcceptance = i.OnSiteAcceptance, OnSiteApproval = i.OnSiteApproval, State = "booked",
    }).ToList();
    private readonly List<PlanNodeView> nodes = plan.PlanNodes.Select(n => new PlanNodeView(n.Key, n.Name, n.PlannedOn, null, false)).ToList();
    private readonly List<VisitView> visits = [];
    private readonly List<string> escalations = [];
    private readonly List<TimelineEntry> timeline = [];
    private string status = "booked";
    private string? contactLight;
    private FirstContact? contact;
    private ServiceTeam? team;

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    private bool Finished => items.All(i => i.Settled) && nodes.All(n => n.TickedOn is not null);

    public async Task<BookingStatusView> ExecuteAsync()
    {
        Record($"预约 / booked by {plan.Channel.Name} ({plan.BookedBy}): {plan.ProjectName} ({plan.KeyLevel.Name}), " +
            $"{string.Join("、", plan.Items.Select(i => i.Name))}; 首次联系时限 / first contact by {Local(plan.FirstContact.DueAt):yyyy-MM-dd HH:mm}");
        contactLight = LightOf(plan.FirstContact);
        Publish();
        await FirstContactAsync();

        var visit = context.WaitForExternalEvent<VisitRecord>(DirectServiceSignals.Visit);
        var supply = context.WaitForExternalEvent<KeyDocumentSupply>(DirectServiceSignals.Supply);
        while (!Finished)
        {
            using var cancel = new CancellationTokenSource();
            var due = items.Where(i => i.State == "gap-accepted").Select(i => i.SupplyDueAt!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            var waiting = new List<Task> { visit, supply };
            Task? expiry = due != DateTimeOffset.MaxValue ? context.CreateTimer(due.UtcDateTime, cancel.Token) : null;
            if (expiry is not null) waiting.Add(expiry);
            var winner = await Task.WhenAny(waiting);
            cancel.Cancel();
            if (winner == visit)
            {
                await ApplyVisitAsync(visit.Result);
                visit = context.WaitForExternalEvent<VisitRecord>(DirectServiceSignals.Visit);
            }
            else if (winner == supply)
            {
                await ApplySupplyAsync(supply.Result);
                supply = context.WaitForExternalEvent<KeyDocumentSupply>(DirectServiceSignals.Supply);
            }
            else
            {
                await RevokeUnsuppliedAsync();
            }
        }
        status = "closed";
        Record("办结 / closed: 全部事项办结，服务计划逐项销号 / every item settled and every plan node ticked off");
        return Publish();
    }

    private string LightOf(Deadline deadline) => LitWait.LightAt(Now, deadline);

    private void Replace(string code, Func<BookedItemView, BookedItemView> change)
    {
        var index = items.FindIndex(i => i.Code == code);
        items[index] = change(items[index]);
    }

    private void Record(string text) => timeline.Add(new TimelineEntry(Now, text));

    private BookingStatusView Publish()
    {
        var view = new BookingStatusView
        {
            BookingId = plan.BookingId,
            Uscc = plan.Uscc,
            EnterpriseName = plan.EnterpriseName,
            ProjectCode = plan.ProjectCode,
            ProjectName = plan.ProjectName,
            KeyLevel = plan.KeyLevel,
            Channel = plan.Channel,
            BookedBy = plan.BookedBy,
            HoldsLand = plan.HoldsLand,
            Urgent = plan.Urgent,
            Status = status,
            BookedAt = plan.BookedAt,
            ContactDueAt = plan.FirstContact.DueAt,
            ContactDueProvisional = plan.FirstContact.Provisional,
            ContactLight = status == "booked" ? contactLight : null,
            ContactedAt = contact?.At,
            ContactLate = contact is { } c && c.At > plan.FirstContact.DueAt,
            ContactedBy = contact?.ContactedBy,
            Team = team,
            Items = items.ToList(),
            Visits = visits.ToList(),
            Plan = nodes.ToList(),
            Escalations = escalations.ToList(),
            Timeline = timeline.ToList(),
        };
        PublishedStatus.Set(context, view);
        return view;
    }
}
