using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Stewardship;

/// <summary>
/// 项目管家 and early warning through the HTTP API on the virtual clock (Monday 2026-09-28 09:00 Shanghai, the week before
/// National Day): a late node warns the steward and its owner, then the lead department three working days later.
/// </summary>
public sealed class StewardScenarioTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;
    private StewardDriver Steward => new(app.Driver);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_late_node_warns_the_steward_and_its_owner_then_the_lead_department_three_working_days_later()
    {
        var created = await Steward.PutAsync(StewardDriver.StandardPlan());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await Steward.WaitAsync(p => p.GetProperty("nodes").GetArrayLength() == 3);
        Assert.Equal("planned", StewardDriver.Node(plan, "eia").GetProperty("state").GetString());

        // The EIA report was planned for Wednesday 30 September: at the end of that day it is late.
        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(3)).StatusCode);
        var warned = await Steward.WaitAsync(p => StewardDriver.Warnings(p, "eia") == 1);
        var eia = StewardDriver.Node(warned, "eia");
        var first = eia.GetProperty("warnings")[0];
        Assert.Equal("owner", first.GetProperty("level").GetString());
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), first.GetProperty("at").GetDateTimeOffset());
        Assert.Contains("ENV-CONSULT", first.GetProperty("to").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(first.GetProperty("to").EnumerateArray(), t => t.GetString()!.StartsWith("steward:", StringComparison.Ordinal));
        // Three working days after the warning, across the National Day holiday: 8, 9 and Saturday 10 October (调休).
        var leadAt = new DateTimeOffset(2026, 10, 11, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(leadAt, eia.GetProperty("leadWarningAt").GetDateTimeOffset());
        Assert.Equal(0, StewardDriver.Warnings(warned, "permit"));

        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(9)).StatusCode);
        Assert.Equal(1, StewardDriver.Warnings(await Steward.WaitAsync(_ => true), "eia"));
        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(1)).StatusCode);
        var raised = await Steward.WaitAsync(p => StewardDriver.Warnings(p, "eia") == 2);
        var second = StewardDriver.Node(raised, "eia").GetProperty("warnings")[1];
        Assert.Equal("lead-department", second.GetProperty("level").GetString());
        Assert.Equal("APPROVAL", second.GetProperty("to")[0].GetString());
        Assert.Equal(leadAt, second.GetProperty("at").GetDateTimeOffset());

        // The steward records the cause and the action; the owner ticks the node off late; the owner rates the steward.
        Assert.Equal(HttpStatusCode.Conflict, (await Portal.Supervisor().PostAsJsonAsync($"/api/projects/{PortalDriver.ProjectCode}/plan/nodes/permit/cause", new { cause = "x", action = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Portal.Applicant().PostAsJsonAsync($"/api/projects/{PortalDriver.ProjectCode}/plan/nodes/eia/cause", new { cause = "x", action = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.Steward().PostAsJsonAsync($"/api/projects/{PortalDriver.ProjectCode}/plan/nodes/eia/cause",
            new { cause = "中介机构专家评审排期延后 / the expert review was rescheduled", action = "协调加开评审会 / an extra review session arranged" })).StatusCode);
        await Steward.WaitAsync(p => StewardDriver.Node(p, "eia").GetProperty("state").GetString() == "cause-recorded");
        Assert.Equal(HttpStatusCode.Forbidden, (await Portal.Department("HUD").PostAsJsonAsync($"/api/projects/{PortalDriver.ProjectCode}/plan/nodes/eia/done", new { doneOn = "2026-10-11" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.Department("ENV-CONSULT").PostAsJsonAsync($"/api/projects/{PortalDriver.ProjectCode}/plan/nodes/eia/done", new { doneOn = "2026-10-11" })).StatusCode);
        var done = await Steward.WaitAsync(p => StewardDriver.Node(p, "eia").GetProperty("state").GetString() == "done");
        Assert.True(StewardDriver.Node(done, "eia").GetProperty("late").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.Applicant().PostAsJsonAsync($"/api/projects/{PortalDriver.ProjectCode}/plan/rating", new { score = 4, comment = "协调及时" })).StatusCode);
        var rated = await Steward.WaitAsync(p => p.GetProperty("ratings").GetArrayLength() == 1);
        Assert.Equal(4, rated.GetProperty("ratings")[0].GetProperty("score").GetInt32());
        Assert.DoesNotContain((await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray(), w => w.GetProperty("node").GetString() == "eia");

        var october = (await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/reports/monthly?month=2026-10")).GetProperty("services").GetProperty("warnings");
        Assert.Equal((1, 1, 1, 1), (october.GetProperty("toOwners").GetInt32(), october.GetProperty("toLeadDepartments").GetInt32(),
            october.GetProperty("nodesDone").GetInt32(), october.GetProperty("nodesDoneLate").GetInt32()));
    }

    [Fact]
    public async Task Replanning_keeps_the_first_planned_date_and_the_warnings_list_is_sorted_by_lateness()
    {
        await Steward.PutOkAsync(StewardDriver.StandardPlan());
        await Steward.PutOkAsync(StewardDriver.Plan(("land", "土地挂牌", "approval", "NRP", "2026-09-29")), StewardDriver.OtherProject);
        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(3)).StatusCode);
        await Steward.WaitAsync(p => StewardDriver.Warnings(p, "eia") == 1);
        await Steward.WaitAsync(p => StewardDriver.Warnings(p, "land") == 1, StewardDriver.OtherProject);

        var warnings = (await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/warnings")).EnumerateArray().ToList();
        Assert.Equal(["land", "eia"], warnings.Select(w => w.GetProperty("node").GetString()));
        Assert.Equal([2, 1], warnings.Select(w => w.GetProperty("daysLate").GetInt32()));

        // The steward moves the EIA report to 15 October: the first date stays visible, the warning sent stays, and the node is watched afresh.
        var replanned = await Steward.PutAsync(StewardDriver.StandardPlan(eiaOn: "2026-10-15"));
        Assert.Equal(HttpStatusCode.Accepted, replanned.StatusCode);
        var plan = await Steward.WaitAsync(p => p.GetProperty("revision").GetInt32() == 2);
        var eia = StewardDriver.Node(plan, "eia");
        Assert.Equal("2026-10-15", eia.GetProperty("plannedOn").GetString());
        Assert.Equal("2026-09-30", eia.GetProperty("firstPlannedOn").GetString());
        Assert.Equal("planned", eia.GetProperty("state").GetString());
        Assert.Equal(1, eia.GetProperty("warnings").GetArrayLength());
        // Past the lead department's time of the first warning, no lead warning follows for a node replanned ahead.
        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(11)).StatusCode);
        var later = await Steward.WaitAsync(p => StewardDriver.Warnings(p, "land") == 2, StewardDriver.OtherProject);
        Assert.Equal("lead-department", StewardDriver.Node(later, "land").GetProperty("warnings")[1].GetProperty("level").GetString());
        Assert.Equal(1, StewardDriver.Warnings(await Steward.WaitAsync(_ => true), "eia"));

        var project = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/projects/{StewardDriver.OtherProject}");
        Assert.Equal(1, project.GetProperty("stewardPlan").GetProperty("warned").GetInt32());
    }

    [Fact]
    public async Task A_node_done_before_its_date_never_warns_and_a_bad_plan_names_every_problem()
    {
        await Steward.PutOkAsync(StewardDriver.StandardPlan());
        await Steward.WaitAsync(p => p.GetProperty("nodes").GetArrayLength() == 3);
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.Supervisor().PostAsJsonAsync($"/api/projects/{PortalDriver.ProjectCode}/plan/nodes/eia/done", new { doneOn = "2026-09-28" })).StatusCode);
        await Steward.WaitAsync(p => StewardDriver.Node(p, "eia").GetProperty("state").GetString() == "done");
        Assert.Equal(HttpStatusCode.BadRequest, (await Portal.Supervisor().PostAsJsonAsync($"/api/projects/{PortalDriver.ProjectCode}/plan/nodes/permit/done", new { doneOn = "2027-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(5)).StatusCode);
        var plan = await Steward.WaitAsync(_ => true);
        Assert.Equal(0, StewardDriver.Warnings(plan, "eia"));
        Assert.False(StewardDriver.Node(plan, "eia").GetProperty("late").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await Steward.PutAsync(StewardDriver.Plan(("permit", "施工许可", "approval", "HUD", "2026-10-20")))).StatusCode);

        var bad = await Steward.PutAsync(new
        {
            uscc = "not-a-uscc",
            steward = new { name = "" },
            nodes = new object[]
            {
                new { key = "a b", name = "", kind = "magic", owner = "", plannedOn = (string?)null },
                new { key = "x", name = "节点", kind = "approval", owner = "HUD", plannedOn = "2026-10-01" },
                new { key = "x", name = "节点", kind = "approval", owner = "HUD", plannedOn = "2026-10-01" },
            },
        }, "12-34");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "code", "uscc", "projectName", "steward.name", "nodes[0].key", "nodes[0].name", "nodes[0].kind", "nodes[0].owner", "nodes[0].plannedOn", "nodes[2].key" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no problem named for {field}: {errors}");
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await Portal.Department("HUD").PutAsJsonAsync($"/api/projects/{PortalDriver.ProjectCode}/plan", StewardDriver.StandardPlan())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.Applicant(PortalDriver.OtherUscc).GetAsync($"/api/projects/{PortalDriver.ProjectCode}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Department("POWER").GetAsync($"/api/projects/{PortalDriver.ProjectCode}/plan")).StatusCode);
    }
}
