using Approvals.Applications;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Tests.Defects;

/// <summary>
/// Issue 14, defect 9: workingDaysUsed counts review time only. It stops at the last decision, less the lawful stops,
/// and does not run on through the verification period.
/// </summary>
public sealed class ReviewClockScenarios
{
    private static readonly DateTimeOffset Accepted = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)); // a Monday

    private static ApplicationQueries Queries(DateTimeOffset now) =>
        new(null!, CalendarDeadlineCalculator.FromEmbeddedData(), new FakeTimeProvider(now));

    private static ApplicationStatusView View(string status, params TaskView[] tasks) => new()
    {
        ApplicationId = "APP-CLOCK",
        Procedure = "commitment-approval",
        Status = status,
        RiskLevel = "low",
        Uscc = "91350100M000100Y43",
        ProjectCode = "2609-350102-04-01-123456",
        AcceptedAt = Accepted,
        Tasks = tasks,
    };

    private static TaskView Decided(string state, DateTimeOffset at) => new("HUD", "CP-PERMIT", state, Accepted.AddDays(14), "green", null, DecidedAt: at);

    [Fact]
    public void Verification_after_the_approval_is_not_review_time()
    {
        var approvedOnThursday = Decided("approved", Accepted.AddDays(3));
        var view = View("verifying", approvedOnThursday);

        Assert.Equal(2, Queries(Accepted.AddDays(60)).WorkingDaysUsed(view));
    }

    [Fact]
    public void Approved_on_the_day_of_acceptance_used_no_working_day()
    {
        var view = View("verifying", Decided("approved", Accepted.AddHours(1)));

        Assert.Equal(0, Queries(Accepted.AddDays(60)).WorkingDaysUsed(view));
    }

    [Fact]
    public void A_pending_task_keeps_the_clock_running_less_its_stops()
    {
        var view = View("under-review", new TaskView("HUD", "CP-PERMIT", "pending", Accepted.AddDays(14), "green", null, Round: 2)) with
        {
            Clock = new ClockView([new PauseView(Accepted.AddDays(1), Accepted.AddDays(3), "awaiting-corrections")], null),
        };

        Assert.Equal(2, Queries(Accepted.AddDays(4)).WorkingDaysUsed(view));
    }

    [Fact]
    public void Unattended_only_approval_used_no_working_day()
    {
        Assert.Equal(0, Queries(Accepted.AddDays(30)).WorkingDaysUsed(View("verifying")));
    }
}
