using System.Text.Json.Nodes;

namespace Approvals.Functions.Demo;

internal sealed partial class DemoStory
{
    public const string UsccC = "91110000600037341L";
    private const string ProjectA = "2609-350102-04-01-123456";

    /// <summary>
    /// C books the direct train (审批服务直通车) for its key project; the centre calls late (red); on site the team approves
    /// and prints the waste permit under its authorisation and accepts the construction permit by extreme gap (极限容缺受理);
    /// C supplies the missing planning permit and the opinion follows.
    /// </summary>
    private async Task DirectTrainAsync()
    {
        var booked = await api.StartAsync(DemoApi.Applicant(UsccC), "/api/direct-service/bookings", new
        {
            project = new { code = "2610-370102-04-01-777777", name = "示范智能制造基地 Demo smart factory", keyLevel = "city" },
            items = new[] { "CP-WASTE", "CP-PERMIT" },
            contact = new { name = "赵经理", phone = "0532-8888 6666" },
            holdsLand = true,
            urgent = true,
            enterpriseName = "示范智能制造有限公司",
            plan = new object[] { new { key = "permit", name = "施工许可", plannedOn = ShanghaiDay(clock.AddDays(30)) } },
        }, "c-train");
        var id = booked["bookingId"]!.GetValue<string>();
        var path = $"/api/direct-service/bookings/{id}";
        Say($"C: books the direct train (直通车) as {id}; first contact due within one working day");
        await AdvanceAsync(2);
        await api.WaitForAsync(DemoApi.Applicant(UsccC), path, s => s["firstContact"]!["light"]?.GetValue<string>() == "red", "first contact red");
        Say("C: the centre has not called: red light, escalated to the centre");
        await OfficeHoursAsync();
        var centre = DemoApi.Department("APPROVAL");
        await api.PostAsync(centre, $"{path}/contact", new { team = "T1", contactedBy = "中心 刘主任 / Director Liu" });
        var contacted = await api.WaitForAsync(DemoApi.Applicant(UsccC), path, s => s["status"]!.GetValue<string>() == "contacted", "contacted");
        Say($"C: contacted late; team {contacted["team"]!["name"]} — {contacted["team"]!["leader"]}, 2 stewards, 2 approvers");

        await api.PostAsync(centre, $"{path}/visits", new
        {
            accepted = new[] { "CP-WASTE" },
            approved = new[] { "CP-WASTE" },
            gapAccepted = new[] { new { item = "CP-PERMIT", missingKeyDocuments = new[] { "PLANNING-PERMIT" } } },
        });
        var onSite = await api.WaitForAsync(DemoApi.Applicant(UsccC), path, s => s["status"]!.GetValue<string>() == "on-site", "on site");
        var waste = Item(onSite, "CP-WASTE");
        Say($"C: on site — CP-WASTE approved and printed ({waste["certificate"]}) under {waste["authority"]!["authorisation"]}, {waste["authority"]!["chiefApprover"]}; " +
            $"CP-PERMIT accepted by extreme gap (极限容缺), planning permit due {Minute(Item(onSite, "CP-PERMIT")["supplyDueAt"]!.GetValue<DateTimeOffset>()):yyyy-MM-dd HH:mm}");
        await AdvanceAsync(3);
        var planning = await api.UploadAsync(UsccC, "建设工程规划许可证 planning permit");
        await api.PostAsync(DemoApi.Applicant(UsccC), $"{path}/supplies", new { item = "CP-PERMIT", documents = new[] { new { materialCode = "PLANNING-PERMIT", materialId = planning } } });
        var opinion = await api.WaitForAsync(DemoApi.Applicant(UsccC), path, s => Item(s, "CP-PERMIT")["state"]!.GetValue<string>() == "opinion-issued", "opinion");
        Say($"C: supplied the planning permit; the opinion follows the supply ({Item(opinion, "CP-PERMIT")["certificate"]})");
    }

    /// <summary>
    /// A's accepted factory asks water and power to connect (联合报装): power misses its survey limit (red), water goes on,
    /// and both connect once the project's completion acceptance certificate is shown.
    /// </summary>
    private async Task UtilitiesAsync()
    {
        await OfficeHoursAsync();
        var started = await api.StartAsync(DemoApi.Applicant(UsccA), "/api/utilities/applications", new
        {
            projectCode = ProjectA,
            projectName = "示范厂房 Demo factory",
            window = "district-hall",
            utilities = new object[] { new { code = "WATERCO", quantity = 200 }, new { code = "POWER", quantity = 800 } },
        }, "a-utilities");
        var id = started["caseId"]!.GetValue<string>();
        var path = $"/api/utilities/applications/{id}";
        var forwarded = await api.WaitForAsync(DemoApi.Applicant(UsccA), path, s => Tracks(s).All(t => t["awaiting"]?.GetValue<string>() == "surveyed"), "forwarded");
        Say($"A: one form for water and power ({id}), forwarded to both; limits {string.Join(", ", Tracks(forwarded).Select(t => $"{t["utility"]} {Minute(t["dueAt"]!.GetValue<DateTimeOffset>()):MM-dd HH:mm}"))}");
        await UtilityStepAsync(id, "WATERCO", "surveyed", attendees: ["供水公司 王工", "直通车 张班长"]);
        await UtilityStepAsync(id, "WATERCO", "complete", fee: 24000);
        await AdvanceAsync(4);
        var late = await api.WaitForAsync(DemoApi.Applicant(UsccA), path, s => Tracks(s).Any(t => t["utility"]!.GetValue<string>() == "POWER" && t["light"]?.GetValue<string>() == "red"), "power red");
        Say($"POWER missed its survey limit: red light, escalated to the urban management bureau; water is {Tracks(late).Single(t => t["utility"]!.GetValue<string>() == "WATERCO")["step"]}, not held up");
        await OfficeHoursAsync();
        await UtilityStepAsync(id, "POWER", "surveyed", attendees: ["供电公司 李工"]);
        await UtilityStepAsync(id, "POWER", "complete", fee: 0);
        await api.WaitForAsync(DemoApi.Applicant(UsccA), path, s => s["status"]!.GetValue<string>() == "complete", "complete");
        await api.PostAsync(DemoApi.Applicant(UsccA), $"{path}/connection", new { });
        await api.WaitForAsync(DemoApi.Applicant(UsccA), path, s => s["status"]!.GetValue<string>() == "connecting"
            && Tracks(s).All(t => t["awaiting"]?.GetValue<string>() == "connected"), "connecting");
        await UtilityStepAsync(id, "WATERCO", "connected");
        await UtilityStepAsync(id, "POWER", "connected");
        var connected = await api.WaitForAsync(DemoApi.Applicant(UsccA), path, s => s["status"]!.GetValue<string>() == "connected", "connected");
        Say($"A: completion acceptance {connected["acceptanceCertificate"]} shown; water and power connected");
    }

    private async Task UtilityStepAsync(string id, string utility, string step, decimal? fee = null, string[]? attendees = null)
    {
        var path = $"/api/utilities/applications/{id}";
        await api.PostAsync(DemoApi.Department(utility), $"{path}/answers", new { step, fee, attendees });
        await api.WaitForAsync(DemoApi.Applicant(UsccA), path, s => Tracks(s).Any(t => t["utility"]!.GetValue<string>() == utility && t["step"]!.GetValue<string>() == step), $"{utility} {step}");
    }

    private static IEnumerable<JsonNode> Tracks(JsonNode s) => s["tracks"]!.AsArray().OfType<JsonNode>();

    private static JsonNode Item(JsonNode s, string code) => s["items"]!.AsArray().First(i => i!["code"]!.GetValue<string>() == code)!;

    private static string ShanghaiDay(DateTimeOffset instant) => Approvals.Calendar.ShanghaiTime.Date(instant);
}
