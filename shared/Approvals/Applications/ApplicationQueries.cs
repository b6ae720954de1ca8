using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Approvals.Applications;

/// <summary>
/// Read-side views over the running and finished applications: a caller's list, a department's inbox, the
/// supervisor's lights. Everything comes from the orchestrations' published status; nothing replays.
/// </summary>
public sealed class ApplicationQueries(DurableTaskClient client, IDeadlineCalculator calendar, TimeProvider timeProvider)
{
    /// <summary>Instance ids of applications start with this, so queries skip the engine's other instances.</summary>
    public const string IdPrefix = "APP-";

    private const int ScanPageSize = 500;

    /// <summary>A page of applications visible to the caller (<paramref name="uscc"/> null: all, for the supervisor).</summary>
    public async Task<(IReadOnlyList<ApplicationStatusView> Items, string? ContinuationToken)> ListAsync(
        string? uscc, string? status, DateTimeOffset? from, DateTimeOffset? to, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        if (status is not null && (status.Length is 0 or > 40 || !status.All(c => c is (>= 'a' and <= 'z') or '-')))
        {
            throw new InvalidQueryException("status", "status 是申请状态，如 under-review / status is an application status such as under-review or verifying.");
        }
        var items = new List<ApplicationStatusView>();
        var token = continuationToken;
        do
        {
            var (page, next) = await QueryAsync(new OrchestrationQuery
            {
                // Custom status travels with the payloads: without this Durable Functions leaves it out.
                FetchInputsAndOutputs = true,
                InstanceIdPrefix = IdPrefix,
                CreatedFrom = from,
                CreatedTo = to,
                // Filtering happens here, so read the engine in large pages: one applicant's few among many.
                PageSize = Math.Max(pageSize, ScanPageSize),
                ContinuationToken = token,
            }, cancellationToken);
            token = next;
            items.AddRange(page.Select(p => p.ReadCustomStatusAs<ApplicationStatusView>()).OfType<ApplicationStatusView>()
                .Where(v => uscc is null || string.Equals(v.Uscc, uscc, StringComparison.OrdinalIgnoreCase))
                .Where(v => status is null || v.Status == status));
        }
        while (items.Count < pageSize && token is not null);
        return (items, token);
    }

    /// <summary>One page of instances; a continuation token the engine did not issue is the caller's mistake.</summary>
    private async Task<(IReadOnlyList<OrchestrationMetadata> Page, string? Next)> QueryAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await client.QueryInstancesAsync(query, cancellationToken);
        }
        catch (Exception ex) when (query.ContinuationToken is not null && ex is ArgumentException or FormatException)
        {
            throw new InvalidQueryException("continuationToken", "continuationToken 须原样使用上一页的值 / continuationToken must be the value the previous page answered, unchanged.");
        }
    }

    /// <summary>A department's tasks across applications, oldest deadline first.</summary>
    public async Task<IReadOnlyList<InboxEntry>> InboxAsync(string department, string? state, CancellationToken cancellationToken = default)
    {
        var entries = new List<InboxEntry>();
        await foreach (var view in RunningAsync(cancellationToken))
        {
            entries.AddRange(view.Tasks
                .Where(t => string.Equals(t.Department, department, StringComparison.OrdinalIgnoreCase) && (state is null || t.State == state))
                .Select(t => new InboxEntry(view.ApplicationId, view.ProjectCode, "review", t.Item, null, t.State, t.DueAt, t.Light)));
            entries.AddRange(view.Commitments
                .Where(c => string.Equals(c.VerifyingDepartment, department, StringComparison.OrdinalIgnoreCase) && view.Status == "verifying"
                    && (c.Sampled || c.Class == "supplement") && c.Status is "open" or "supplied"
                    && (state is null || state == "pending"))
                .Select(c => new InboxEntry(view.ApplicationId, view.ProjectCode, "verification", string.Join(",", c.Items), c.Id, "pending", c.DueAt, c.Light ?? "green")));
        }
        return entries.OrderBy(e => e.DueAt ?? DateTimeOffset.MaxValue).ToList();
    }

    /// <summary>Every open task and verification with its light, red first (亮灯管理).</summary>
    public async Task<IReadOnlyList<LightEntry>> LightsAsync(CancellationToken cancellationToken = default)
    {
        var lights = new List<LightEntry>();
        await foreach (var view in RunningAsync(cancellationToken))
        {
            lights.AddRange(view.Tasks.Where(t => t.State == "pending")
                .Select(t => new LightEntry(view.ApplicationId, t.Department, t.Item, "review", t.DueAt, t.Light)));
            lights.AddRange(view.Steps.Where(s => s.State != "done")
                .Select(s => new LightEntry(view.ApplicationId, "APPROVAL", s.Name, "acceptance-step", s.DueAt, s.Light)));
            lights.AddRange(view.Commitments.Where(c => c.Status is "open" or "supplied" && c.DueAt is not null)
                .Select(c => new LightEntry(view.ApplicationId, c.VerifyingDepartment, c.Id, "verification", c.DueAt, c.Light ?? "green")));
        }
        return lights.OrderBy(l => l.Light switch { "red" => 0, "yellow" => 1, _ => 2 }).ThenBy(l => l.DueAt).ToList();
    }

    /// <summary>
    /// Working days the application's review clock has run (审批用时): from acceptance until the review ended (now while a
    /// task is pending), minus the lawful stops before that. The verification period after the decision is not review
    /// time (issue 14, defect 9).
    /// </summary>
    public int WorkingDaysUsed(ApplicationStatusView view)
    {
        var end = ReviewEnd(view) ?? view.Clock.ClosedAt ?? timeProvider.GetUtcNow();
        var used = calendar.WorkingDaysBetween(view.AcceptedAt, end);
        foreach (var pause in view.Clock.Paused.Where(p => p.From < end))
        {
            used -= calendar.WorkingDaysBetween(pause.From, pause.To is { } to && to < end ? to : end);
        }
        return Math.Max(0, used);
    }

    /// <summary>When a commitment approval's review ended: its last decision once no task is pending (at acceptance when no department reviews).</summary>
    private static DateTimeOffset? ReviewEnd(ApplicationStatusView view)
    {
        if (view.Procedure == JointAcceptance.JointAcceptanceCommands.Procedure) return null;
        if (view.Tasks.Count == 0) return view.Status is "submitted" or "under-review" ? null : view.AcceptedAt;
        if (view.Tasks.Any(t => t.State == "pending")) return null;
        return view.Tasks.Max(t => t.DecidedAt);
    }

    private IAsyncEnumerable<ApplicationStatusView> RunningAsync(CancellationToken cancellationToken) =>
        EveryAsync([OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending], cancellationToken);

    /// <summary>Every application's status view, page by page (<paramref name="statuses"/> null: running and finished).</summary>
    public async IAsyncEnumerable<ApplicationStatusView> EveryAsync(IReadOnlyList<OrchestrationRuntimeStatus>? statuses,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var (page, next) = await client.QueryInstancesAsync(new OrchestrationQuery
            {
                // Custom status travels with the payloads: without this Durable Functions leaves it out.
                FetchInputsAndOutputs = true,
                InstanceIdPrefix = IdPrefix,
                Statuses = statuses,
                PageSize = 200,
                ContinuationToken = token,
            }, cancellationToken);
            token = next;
            foreach (var view in page.Select(p => p.ReadCustomStatusAs<ApplicationStatusView>()).OfType<ApplicationStatusView>()) yield return view;
        }
        while (token is not null);
    }
}

/// <summary>One line of a department's inbox.</summary>
public sealed record InboxEntry(string ApplicationId, string ProjectCode, string Kind, string Item, string? CommitmentId, string State, DateTimeOffset? DueAt, string Light);

/// <summary>One light on the supervisor's board.</summary>
public sealed record LightEntry(string ApplicationId, string Department, string Subject, string Kind, DateTimeOffset? DueAt, string Light);
