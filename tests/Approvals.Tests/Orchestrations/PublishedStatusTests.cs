using System.Text;
using System.Text.Json;
using Approvals.Applications;
using Approvals.Calls;
using Approvals.Orchestrations;
using Approvals.Tests.Calls;

namespace Approvals.Tests.Orchestrations;

/// <summary>
/// A case's published view stays within what Durable Functions accepts as a custom status (it fails the orchestration
/// when the JSON is 17 KB or more in UTF-16), however long the case's timeline grows.
/// </summary>
public sealed class PublishedStatusTests
{
    private static readonly DateTimeOffset Accepted = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The check Durable Functions makes on a custom status: whole kilobytes of UTF-16, at most 16.</summary>
    private static bool DurableFunctionsAccepts(string json) => (int)(Encoding.Unicode.GetByteCount(json) / 1024.0) <= 16;

    private static ApplicationStatusView View(int entries) => new()
    {
        ApplicationId = "APP-LONG",
        Procedure = "commitment-approval",
        Status = "verifying",
        RiskLevel = "low",
        Uscc = "91350100M000100Y43",
        ProjectCode = "2609-350102-04-01-123456",
        AcceptedAt = Accepted,
        Timeline = Enumerable.Range(1, entries)
            .Select(i => new TimelineEntry(Accepted.AddHours(i), $"第 {i} 次抽查：住建局现场核查防空地下室结构，符合承诺 / sampling {i}: HUD checked on site, as committed"))
            .ToList(),
    };

    [Fact]
    public void A_view_within_the_budget_is_published_whole_and_says_nothing_about_omissions()
    {
        var view = View(10);
        var published = PublishedStatus.Fit(view);
        Assert.Same(view, published);
        Assert.DoesNotContain("timelineOmitted", JsonSerializer.Serialize(published, PublishedStatus.JsonOptions));
    }

    [Fact]
    public void A_long_timeline_publishes_its_newest_entries_that_fit_and_counts_the_ones_left_out()
    {
        var view = View(400);
        Assert.False(DurableFunctionsAccepts(JsonSerializer.Serialize(view, PublishedStatus.JsonOptions)));

        var published = PublishedStatus.Fit(view);
        var json = JsonSerializer.Serialize(published, PublishedStatus.JsonOptions);
        Assert.True(json.Length <= PublishedStatus.BudgetChars);
        Assert.True(DurableFunctionsAccepts(json));
        Assert.Equal(400, published.TimelineOmitted + published.Timeline.Count);
        Assert.Equal(view.Timeline[^1], published.Timeline[^1]);
        Assert.Equal(view.Timeline[published.TimelineOmitted], published.Timeline[0]);
        Assert.Contains($"\"timelineOmitted\":{published.TimelineOmitted}", json);
        // As few left out as fit: one more entry would be over the budget.
        var oneMore = view with { Timeline = view.Timeline.Skip(published.TimelineOmitted - 1).ToList(), TimelineOmitted = published.TimelineOmitted - 1 };
        Assert.True(JsonSerializer.Serialize(oneMore, PublishedStatus.JsonOptions).Length > PublishedStatus.BudgetChars);
    }

    private static CallStatusView Call(int rounds)
    {
        var at = Accepted;
        return new CallStatusView
        {
            CallId = "CALL-40",
            Uscc = "91350100M000100Y43",
            Title = "用地指标 / land quota",
            Description = "项目用地指标迟迟未下达 / the project's land quota is not issued",
            Status = "assigned",
            Unit = "NRP",
            UnitName = "自然资源和规划局 / Natural Resources and Planning",
            UnitChosenBy = "enterprise",
            Round = rounds,
            RegisteredAt = at,
            Slips = Enumerable.Range(1, rounds).Select(r => new AssignmentSlip(r, r == rounds ? "HUD" : "NRP", "自然资源和规划局", "王", at.AddDays(r), 5, at.AddDays(r + 7), at.AddDays(r + 6), false)).ToList(),
            Answers = Enumerable.Range(1, rounds - 1).Select(r => new CallAnswerView(r, "NRP", "explained", $"第 {r} 次答复：用地指标仍在等待省厅批复，预计下月下达，届时第一时间通知企业 / answer {r}: the quota still waits for the province, expected next month", "王", at.AddDays(r + 3), false)).ToList(),
            Ratings = Enumerable.Range(1, rounds - 1).Select(r => new CallRatingView(r, "unsatisfied", $"第 {r} 次不满意：仍无明确时间表 / still no timetable", at.AddDays(r + 4))).ToList(),
            Timeline = Enumerable.Range(1, rounds * 3).Select(i => new TimelineEntry(at.AddHours(i), $"第 {i} 条：交办、答复或评价 / entry {i}: assigned, answered or rated")).ToList(),
        };
    }

    [Fact]
    public void A_call_whose_rounds_alone_pass_the_limit_leaves_out_its_oldest_rounds_keeps_the_current_one_and_remembers_their_units()
    {
        var view = Call(40);
        Assert.True(JsonSerializer.Serialize(view with { Timeline = [] }, PublishedStatus.JsonOptions).Length > PublishedStatus.BudgetChars);

        var published = PublishedStatus.Fit(view);
        var json = JsonSerializer.Serialize(published, PublishedStatus.JsonOptions);

        Assert.True(DurableFunctionsAccepts(json), $"{json.Length} characters");
        Assert.True(published.RoundsOmitted is > 0 and < 39, $"{published.RoundsOmitted} rounds omitted");
        Assert.Contains($"\"roundsOmitted\":{published.RoundsOmitted}", json);
        Assert.Equal(40 - published.RoundsOmitted, published.Slips.Count);
        Assert.Equal(["NRP"], published.OmittedRoundUnits);
        Assert.Contains("NRP", published.UnitsEver);
        Assert.Equal(Enumerable.Range(published.RoundsOmitted + 1, 39 - published.RoundsOmitted), published.Answers.Select(a => a.Round));
        Assert.Equal(view.Answers[^1], published.Answers[^1]);
        Assert.Equal(view.Ratings[^1], published.Ratings[^1]);
        // As few rounds left out as fit with no timeline; then the newest entries that still fit.
        var oneRoundFewer = (CallStatusView)view.WithoutOldestRounds(published.RoundsOmitted - 1) with { Timeline = [] };
        Assert.True(JsonSerializer.Serialize(oneRoundFewer, PublishedStatus.JsonOptions).Length > PublishedStatus.BudgetChars);
        Assert.Equal(view.Timeline.Count, published.TimelineOmitted + published.Timeline.Count);
    }

    [Fact]
    public async Task A_call_reopened_again_and_again_keeps_running_and_its_status_keeps_within_the_limit()
    {
        await using var h = new CallHarness();
        await h.StartAsync();
        var id = await h.RegisterAsync("CALL-LONG", CallHarness.Request("NRP"));
        await h.WaitForAsync(id, v => v.Status == "assigned");
        // Twelve answers, each rated unsatisfied but the last: every answer stays in the view (件件有回音), and the timeline
        // of the rounds is what grows past the limit.
        const int rounds = 12;
        for (var round = 1; round < rounds; round++)
        {
            await h.Commands.AnswerAsync(id, "NRP", "explained", $"第 {round} 次答复：用地指标仍在等待省厅批复，预计下月下达 / answer {round}: the quota still waits for the province", "王");
            await h.WaitForAsync(id, v => v.Status == "answered" && v.Round == round);
            await h.Commands.RateAsync(id, CallHarness.Uscc, "unsatisfied", $"第 {round} 次不满意：仍无时间表 / still no timetable");
            await h.WaitForAsync(id, v => v.Status == "assigned" && v.Round == round + 1);
        }
        await h.Commands.AnswerAsync(id, "NRP", "solved", "指标已下达 / the quota is issued", "王");
        await h.WaitForAsync(id, v => v.Status == "answered" && v.Round == rounds);
        await h.Commands.RateAsync(id, CallHarness.Uscc, "satisfied", null);
        var closed = await h.WaitForAsync(id, v => v.Status == "closed");

        var instance = await h.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        var published = instance!.SerializedCustomStatus!;
        Assert.True(DurableFunctionsAccepts(published), $"custom status of {published.Length} characters");
        Assert.True(closed.TimelineOmitted > 0);
        Assert.Equal("rated-satisfied", closed.ClosedHow);
        Assert.Equal(rounds, closed.Answers.Count);
    }
}
