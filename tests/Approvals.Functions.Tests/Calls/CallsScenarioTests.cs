using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Calls;

/// <summary>
/// 呼叫即回应 through the HTTP API on the virtual clock (Monday 2026-09-28 09:00 Shanghai, the week before National Day):
/// registration with an assignment slip, lights, escalation, answers, ratings and closing.
/// </summary>
public sealed class CallsScenarioTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;
    private CallDriver Calls => new(app.Driver);

    public void Dispose() => app.Dispose();

    private static object Problem(string unit = "HUD", bool majorUrgent = false, string? topic = null) => new
    {
        title = "施工许可现场核查时间冲突",
        description = "厂房施工许可的现场核查与消防检查排在同一天，请协调。 / The site check clashes with the fire inspection.",
        unit = topic is null ? unit : null,
        topic,
        majorUrgent,
        enterpriseName = "福州示范建设有限公司",
    };

    [Fact]
    public async Task A_call_answered_late_escalates_to_the_platform_office_red_and_is_still_answered()
    {
        var id = await Calls.RegisterOkAsync(Problem(), "call-late");
        Assert.Equal(id, await Calls.RegisterOkAsync(Problem(), "call-late"));

        var assigned = await Calls.WaitAsync(id, s => CallDriver.Status(s) == "assigned");
        var slip = assigned.GetProperty("slips").EnumerateArray().Single();
        Assert.Equal("HUD", slip.GetProperty("unit").GetString());
        Assert.False(string.IsNullOrWhiteSpace(slip.GetProperty("person").GetString()));
        // 5 working days from Monday 28 Sep 2026: 29, 30 Sep, (1–7 Oct National Day off), 8, 9 Oct and Saturday 10 Oct (调休, worked).
        Assert.Equal(new DateTimeOffset(2026, 10, 11, 0, 0, 0, TimeSpan.FromHours(8)), slip.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("+08:00", slip.GetProperty("dueAt").GetString()![^6..]);
        Assert.Equal("green", assigned.GetProperty("light").GetString());

        var inbox = await Portal.Department("HUD").GetFromJsonAsync<JsonElement>("/api/departments/HUD/calls");
        Assert.Contains(inbox.EnumerateArray(), c => c.GetProperty("callId").GetString() == id && c.GetProperty("light").GetString() == "green");
        Assert.Equal(HttpStatusCode.Forbidden, (await Calls.AnswerAsync("NRP", id, "solved", "不是我们的 / not ours")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(14)).StatusCode);
        var escalated = await Calls.WaitAsync(id, s => CallDriver.Status(s) == "escalated");
        Assert.Equal("red", escalated.GetProperty("light").GetString());
        Assert.Equal("PLATFORM-OFFICE", escalated.GetProperty("escalations").EnumerateArray().Single().GetProperty("to").GetString());
        Assert.Contains("政企直通车", escalated.GetProperty("explanations").EnumerateArray().Single().GetProperty("text").GetString());

        var board = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/calls");
        var hud = board.EnumerateArray().First();
        Assert.Equal("HUD", hud.GetProperty("unit").GetString());
        Assert.Equal(1, hud.GetProperty("red").GetInt32());
        Assert.Equal("red", hud.GetProperty("calls").EnumerateArray().Single().GetProperty("light").GetString());

        var answer = await Calls.AnswerAsync("HUD", id, "solved", "已协调现场核查改期至下周一 / the site check moved to next Monday");
        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, await answer.Content.ReadAsStringAsync());
        var answered = await Calls.WaitAsync(id, s => CallDriver.Status(s) == "answered");
        Assert.True(answered.GetProperty("answers").EnumerateArray().Single().GetProperty("late").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answered.GetProperty("light").ValueKind);

        Assert.Equal(HttpStatusCode.Accepted, (await Calls.RateAsync(id, "satisfied")).StatusCode);
        var closed = await Calls.WaitAsync(id, s => CallDriver.Status(s) == "closed");
        Assert.Equal("rated-satisfied", closed.GetProperty("closedHow").GetString());
        Assert.DoesNotContain((await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/calls")).EnumerateArray(), u => u.GetProperty("unit").GetString() == "HUD");
    }

    [Fact]
    public async Task An_unsatisfied_rating_reopens_the_call_and_it_needs_a_new_answer()
    {
        var id = await Calls.RegisterOkAsync(Problem(topic: "land"), "call-reopen");
        var assigned = await Calls.WaitAsync(id, s => CallDriver.Status(s) == "assigned");
        Assert.Equal("NRP", assigned.GetProperty("unit").GetString());
        Assert.Equal("topic", assigned.GetProperty("unitChosenBy").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await Calls.AnswerAsync("NRP", id, "explained", "用地指标需市级审批 / the land quota needs the city's approval")).StatusCode);
        await Calls.WaitAsync(id, s => CallDriver.Status(s) == "answered");
        Assert.Equal(HttpStatusCode.BadRequest, (await Calls.RateAsync(id, "unsatisfied")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Calls.RateAsync(id, "unsatisfied", "没有说明何时审批 / no date given")).StatusCode);

        var reopened = await Calls.WaitAsync(id, s => CallDriver.Status(s) == "assigned" && s.GetProperty("round").GetInt32() == 2);
        Assert.Equal(2, reopened.GetProperty("slips").GetArrayLength());
        Assert.Equal("green", reopened.GetProperty("light").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Calls.RateAsync(id, "satisfied")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await Calls.AnswerAsync("NRP", id, "solved", "市级已批复，10 月 15 日前下达 / approved, due by 15 Oct")).StatusCode);
        await Calls.WaitAsync(id, s => CallDriver.Status(s) == "answered" && s.GetProperty("round").GetInt32() == 2);
        Assert.Equal(HttpStatusCode.Accepted, (await Calls.RateAsync(id, "satisfied")).StatusCode);
        var closed = await Calls.WaitAsync(id, s => CallDriver.Status(s) == "closed");
        Assert.Equal(2, closed.GetProperty("answers").GetArrayLength());
        Assert.Equal(["unsatisfied", "satisfied"], closed.GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("rating").GetString()!));
    }

    [Fact]
    public async Task Closing_without_an_answer_is_refused_and_bad_calls_name_every_problem()
    {
        var bad = await Calls.RegisterAsync(new { unit = "NOWHERE" }, "");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "description", "unit", "Idempotency-Key" }) Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");

        var id = await Calls.RegisterOkAsync(Problem(), "call-no-answer");
        await Calls.WaitAsync(id, s => CallDriver.Status(s) == "assigned");
        var refused = await Calls.RateAsync(id, "satisfied");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.Applicant(PortalDriver.OtherUscc).GetAsync($"/api/calls/{id}")).StatusCode);
        Assert.Equal("assigned", CallDriver.Status(await Calls.WaitAsync(id, _ => true)));
    }

    [Fact]
    public async Task A_major_urgent_call_goes_straight_to_the_district_leaders()
    {
        var id = await Calls.RegisterOkAsync(new { title = "停电影响生产", description = "园区线路故障，整厂停产 / the plant has no power", majorUrgent = true }, "call-urgent");
        var assigned = await Calls.WaitAsync(id, s => CallDriver.Status(s) == "assigned");
        Assert.Equal("DISTRICT-LEADERS", assigned.GetProperty("escalations").EnumerateArray().Single().GetProperty("to").GetString());
        Assert.Equal("ECON", assigned.GetProperty("unit").GetString());
        var slip = assigned.GetProperty("slips").EnumerateArray().Single();
        Assert.Equal(1, slip.GetProperty("workingDays").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.FromHours(8)), slip.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Contains(assigned.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("event").GetString()!.Contains("备案"));

        var board = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/calls");
        var line = board.EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "ECON").GetProperty("calls").EnumerateArray().Single();
        Assert.True(line.GetProperty("majorUrgent").GetBoolean());
        Assert.Equal(["DISTRICT-LEADERS"], line.GetProperty("escalatedTo").EnumerateArray().Select(e => e.GetString()!));
    }
}
