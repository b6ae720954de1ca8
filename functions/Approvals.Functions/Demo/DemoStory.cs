using System.Text.Json.Nodes;
using Approvals.Calendar;

namespace Approvals.Functions.Demo;

/// <summary>
/// The scripted story: applicant A keeps its commitments through a one-time notice and a late department;
/// applicant B's on-site commitment proves false, its certificate is revoked, its credit falls and its next
/// application is refused the commitment route; C, a key project holding its land, rides the direct train; and A's
/// accepted factory connects its utilities.
/// </summary>
internal sealed partial class DemoStory(DemoApi api, TextWriter output)
{
    public const string UsccA = "91350100M000100Y43";
    public const string UsccB = "9137010012345678X2";
    private readonly DemoRecord record = new();

    public async Task<DemoRecord> PlayAsync()
    {
        Say("两家建设单位提交告知承诺制申请 Two applicants submit notify-and-commit applications");
        var a = await SubmitAsync(UsccA, "a-1", await SubmissionAAsync());
        var b = await SubmitAsync(UsccB, "b-1", await SubmissionBAsync());
        await api.WaitAsync(UsccA, a, s => Status(s) == "under-review", "under review");
        var bStatus = await api.WaitAsync(UsccB, b, s => Status(s) == "under-review", "under review");
        Say($"B: {Timeline(bStatus).FirstOrDefault(e => e.Contains("unattended", StringComparison.Ordinal)) ?? "CP-ENERGY approved without intervention"}");

        await AdvanceAsync(1);
        await QueueDecisionAsync(a, "HUD", "CP-PERMIT", "approve", "符合条件，同意 / conditions met");
        await api.PostAsync(DemoApi.Department("CAD"), "/api/departments/CAD/decisions",
            new { applicationId = a, item = "CP-CIVILDEF", decision = "corrections", opinion = "补充防空地下室结构说明 / add the shelter structure note" });
        await QueueDecisionAsync(b, "WATER", "CP-DRAINAGE", "approve", "排水方案可行 / drainage plan sound");
        var notice = await api.WaitAsync(UsccA, a, s => Status(s) == "awaiting-corrections", "one-time notice");
        Say($"A: 一次性告知 one-time notice with {notice["notices"]![0]!["corrections"]!.AsArray().Count} correction(s); the clock stops");

        await AdvanceAsync(2);
        var fixedDesign = await api.UploadAsync(UsccA, "防空地下室设计文件（修订） revised shelter design");
        await api.PostAsync(DemoApi.Applicant(UsccA), $"/api/applications/{a}/resubmission",
            new { materials = new[] { new { materialCode = "CIVILDEF-DESIGN", materialId = fixedDesign } }, note = "已补充结构说明 / note added" });
        var round2 = await api.WaitAsync(UsccA, a, s => Status(s) == "under-review"
            && Tasks(s).Any(t => t["item"]!.GetValue<string>() == "CP-CIVILDEF" && t["round"]!.GetValue<int>() == 2), "second round");
        Say("A: resubmitted; only CAD reviews again, with the time it had left");

        var due = Tasks(round2).Last(t => t["item"]!.GetValue<string>() == "CP-CIVILDEF")["dueAt"]!.GetValue<DateTimeOffset>();
        await AdvanceToAsync(due.AddHours(2));
        await api.WaitAsync(UsccA, a, s => Tasks(s).Any(t => t["item"]!.GetValue<string>() == "CP-CIVILDEF" && t["light"]!.GetValue<string>() == "red"), "red light");
        var lights = (await api.GetAsync(DemoApi.Supervisor, "/api/supervision/lights")).AsArray();
        Say($"CAD is late: red light, escalated; the supervisor's board shows {lights.Count(l => l!["light"]!.GetValue<string>() == "red")} red of {lights.Count} open");
        await QueueDecisionAsync(a, "CAD", "CP-CIVILDEF", "approve", "补正后同意 / approved after correction");
        var aVerifying = await api.WaitAsync(UsccA, a, s => Status(s) == "verifying", "certificates");
        Say($"A: certificates {string.Join(", ", aVerifying["certificates"]!.AsArray().Select(c => c!["number"]!.GetValue<string>()))}");
        var bVerifying = await api.WaitAsync(UsccB, b, s => Status(s) == "verifying", "certificates");
        Say($"B: certificates {string.Join(", ", bVerifying["certificates"]!.AsArray().Select(c => c!["number"]!.GetValue<string>()))}");

        await AdvanceAsync(3);
        var drawing = await api.UploadAsync(UsccA, "施工图审查合格书 drawing review certificate");
        await api.PostAsync(DemoApi.Applicant(UsccA), $"/api/applications/{a}/materials", new { materialCode = "DRAWING-REVIEW-CERT", materialId = drawing });
        var supplied = await api.WaitAsync(UsccA, a, s => Commitment(s, "DRAWING-REVIEW-CERT")["status"]!.GetValue<string>() == "supplied", "supplied");
        Say("A: supplied the drawing review certificate it had committed to (补齐材料)");
        await OfficeHoursAsync();
        await InspectAsync(a, "HUD", Commitment(supplied, "DRAWING-REVIEW-CERT"), "pass", "合格书真实有效 / genuine");
        if (Commitment(supplied, "FUNDS-PROOF")["sampled"]!.GetValue<bool>()) await InspectAsync(a, "HUD", Commitment(supplied, "FUNDS-PROOF"), "pass", "资金到位 / funds in place");

        await OfficeHoursAsync();
        foreach (var c in bVerifying["commitments"]!.AsArray().Where(c => c!["sampled"]!.GetValue<bool>()))
        {
            var falseOne = c!["materialCode"]!.GetValue<string>() == "DRAINAGE-COMPLIANCE";
            await InspectAsync(b, c["verifyingDepartment"]!.GetValue<string>(), c, falseOne ? "false" : "pass",
                falseOne ? "现场排水设施未按承诺建设 / drainage not built as committed" : "相符 / as committed");
        }
        var bRevoked = await api.WaitAsync(UsccB, b, s => s["certificates"]!.AsArray().Any(c => c!["status"]!.GetValue<string>() == "revoked"), "revocation");
        Say($"B: false commitment → {string.Join(", ", bRevoked["certificates"]!.AsArray().Where(c => c!["status"]!.GetValue<string>() == "revoked").Select(c => c!["number"]!.GetValue<string>()))} revoked (撤销), enforcement case opened");

        await AdvanceAsync(40);
        var (refusedStatus, refused) = await api.SubmitAsync(UsccB, await SubmissionBAsync(), "b-2");
        Say($"B applies again: {refusedStatus} — {refused["errors"]?.AsObject().SelectMany(e => e.Value!.AsArray()).Select(m => m!.GetValue<string>()).FirstOrDefault(m => m.Contains("refused", StringComparison.Ordinal))}");

        var ja = await JointAcceptanceAsync();
        await DirectTrainAsync();
        await UtilitiesAsync();

        record.Applications.Add(await api.GetAsync(DemoApi.Applicant(UsccA), $"/api/applications/{a}"));
        record.Applications.Add(await api.GetAsync(DemoApi.Applicant(UsccB), $"/api/applications/{b}"));
        record.Applications.Add(await api.GetAsync(DemoApi.Applicant(UsccA), $"/api/applications/{ja}"));
        record.Credits.Add(await api.GetAsync(DemoApi.Supervisor, $"/api/credit/{UsccA}"));
        record.Credits.Add(await api.GetAsync(DemoApi.Supervisor, $"/api/credit/{UsccB}"));
        record.Audit = await api.GetAsync(DemoApi.Supervisor, "/api/audits/latest");
        record.Report = await api.GetAsync(DemoApi.Supervisor, "/api/reports/monthly?month=2026-10");
        PrintTimelines();
        return record;
    }

    /// <summary>A's building is finished: combined joint acceptance (竣工联合验收), industrial, 3 working days, accepted means certified.</summary>
    private async Task<string> JointAcceptanceAsync()
    {
        string[] items = ["JA-PLANNING", "JA-FIRE", "JA-COMPLETION-FILING", "JA-ARCHIVES", "JA-FIRST-REGISTRATION"];
        var materials = new List<object>();
        foreach (var code in new[] { "APPLICATION-FORM", "PLANNING-PERMIT", "SURVEY-RESULTS", "AS-BUILT-DRAWINGS", "COMPLETION-REPORT", "FIRE-INSPECTION-REPORT",
            "QUALITY-SUPERVISION-REPORT", "ARCHIVE-FILES", "LAND-CERT", "PROPERTY-SURVEY", "ARCHIVE-CERT" })
        {
            materials.Add(new { materialCode = code, materialId = await api.UploadAsync(UsccA, "竣工 " + code) });
        }
        var id = await SubmitAsync(UsccA, "a-ja", new
        {
            applicant = new { uscc = UsccA, name = "福州示范建设有限公司" },
            project = new { code = "2609-350102-04-01-123456", name = "示范厂房 Demo factory", type = "industrial", floorArea = 8000, height = 18, occupantDensity = "low", technicalComplexity = "low", socialInvestment = true, keyProject = false },
            procedure = "joint-acceptance",
            acceptanceStages = "combined",
            unit = "1#厂房",
            items,
            materials,
        });
        var review = await api.WaitAsync(UsccA, id, s => Status(s) == "under-review" && Tasks(s).Any(), "joint acceptance under review");
        Say($"A: joint acceptance, plan '{review["jointAcceptance"]!["timePlan"]}' of {review["jointAcceptance"]!["totalWorkingDays"]} working days, " +
            $"due {Minute(review["jointAcceptance"]!["dueAt"]!.GetValue<DateTimeOffset>()):yyyy-MM-dd HH:mm}");
        var tasks = Tasks(review).Select(t => (Dept: t["department"]!.GetValue<string>(), Item: t["item"]!.GetValue<string>())).ToList();
        // The departments meet on site at the booked time (a working day), not before; opinions follow the next working day.
        var appointment = review["siteInspection"]!["appointmentAt"]!.GetValue<DateTimeOffset>();
        await AdvanceToAsync(appointment);
        Say($"joint site inspection (现场联合勘验) as booked for {Minute(appointment):yyyy-MM-dd HH:mm}");
        foreach (var dept in tasks.Select(t => t.Dept).Distinct())
        {
            await api.PostAsync(DemoApi.Department(dept), $"/api/departments/{dept}/site-findings", new { applicationId = id, findings = "联合现场查验符合 / joint site check passed" });
        }
        await NextWorkingMorningAsync();
        foreach (var (dept, item) in tasks)
        {
            await api.PostAsync(DemoApi.Department(dept), $"/api/departments/{dept}/acceptance-opinions", new { applicationId = id, item, result = "pass", opinion = "验收合格" });
        }
        var opinions = await api.WaitAsync(UsccA, id, s => Status(s) == "blocked"
            || Status(s) == "certifying" && s["steps"]!.AsArray().Count(st => st!["state"]!.GetValue<string>() == "in-progress") == 2, "certifying or blocked");
        if (Status(opinions) == "blocked")
        {
            // Commitments of the earlier approval that sampling never checked are verified in full now (全面核验).
            foreach (var c in opinions["jointAcceptance"]!["earlierCommitments"]!.AsArray().Where(c => c!["status"]!.GetValue<string>() == "not-sampled"))
            {
                var dept = c!["verifyingDepartment"]?.GetValue<string>() ?? "HUD";
                await api.PostAsync(DemoApi.Department(dept), $"/api/departments/{dept}/inspections",
                    new { applicationId = id, commitmentId = c["commitmentId"]!.GetValue<string>(), result = "pass", findings = "联合验收全面核验通过 / verified in full" });
                Say($"{dept} verified {c["commitmentId"]} ({c["materialCode"]}) in full at joint acceptance (全面核验): pass");
            }
            await api.WaitAsync(UsccA, id, s => Status(s) == "certifying" && s["steps"]!.AsArray().Count(st => st!["state"]!.GetValue<string>() == "in-progress") == 2, "certifying");
        }
        Say("A: one acceptance opinion (验收意见汇总表): pass; pushed to archives and real-estate registration (验登合一)");
        await NextWorkingMorningAsync();
        await api.PostAsync(DemoApi.Department("ARCH"), "/api/departments/ARCH/certificates", new { applicationId = id, step = "archive-certificate", number = "榕档验-2026-0001" });
        await api.PostAsync(DemoApi.Department("REG"), "/api/departments/REG/certificates", new { applicationId = id, step = "first-registration", number = "闽(2026)福州市不动产权第0000001号" });
        var closed = await api.WaitAsync(UsccA, id, s => Status(s) == "closed", "certified");
        Say($"A: accepted means certified — {closed["certificates"]![0]!["number"]}, registration {closed["jointAcceptance"]!["registrationCertificateNumber"]}");
        return id;
    }

    private async Task<string> SubmitAsync(string uscc, string key, object submission)
    {
        var (status, body) = await api.SubmitAsync(uscc, submission, key);
        if (status != 202) throw new InvalidOperationException($"submission refused: {body}");
        var id = body["applicationId"]!.GetValue<string>();
        Say($"{(uscc == UsccA ? "A" : "B")}: accepted as {id}");
        return id;
    }

    private async Task<object> SubmissionAAsync()
    {
        string[] provided = ["LAND-CERT", "PLANNING-PERMIT", "CONTRACTOR-CONTRACT", "SAFETY-MEASURES", "DESIGN-DRAWINGS", "CIVILDEF-DESIGN"];
        var materials = new List<object>();
        foreach (var code in provided) materials.Add(new { materialCode = code, materialId = await api.UploadAsync(UsccA, code) });
        return new
        {
            applicant = new { uscc = UsccA, name = "福州示范建设有限公司" },
            project = new { code = "2609-350102-04-01-123456", name = "示范厂房 Demo factory", type = "industrial", floorArea = 8000, height = 18, occupantDensity = "low", technicalComplexity = "low", socialInvestment = true, keyProject = false },
            procedure = "commitment-approval",
            items = new[] { "CP-PERMIT", "CP-CIVILDEF" },
            materials,
            commitments = new[] { new { materialCode = "FUNDS-PROOF", @class = "retained" }, new { materialCode = "DRAWING-REVIEW-CERT", @class = "supplement" } },
        };
    }

    private async Task<object> SubmissionBAsync()
    {
        var materials = new List<object>();
        foreach (var code in new[] { "DRAINAGE-PLAN", "LAND-CERT", "PROJECT-APPROVAL" }) materials.Add(new { materialCode = code, materialId = await api.UploadAsync(UsccB, code) });
        return new
        {
            applicant = new { uscc = UsccB, name = "济南示范置业有限公司" },
            project = new { code = "2609-370102-04-02-654321", name = "示范商业综合体 Demo mall", type = "public", floorArea = 65000, height = 60, occupantDensity = "high", technicalComplexity = "medium", socialInvestment = true, keyProject = true },
            procedure = "commitment-approval",
            items = new[] { "CP-DRAINAGE", "CP-ENERGY" },
            materials,
            commitments = new[] { new { materialCode = "DRAINAGE-COMPLIANCE", @class = "on-site" }, new { materialCode = "ENERGY-REPORT", @class = "retained" } },
        };
    }

    private Task QueueDecisionAsync(string id, string dept, string item, string decision, string opinion) =>
        api.PostAsync(null, "/api/dev/queues/department-responses",
            new { messageId = $"{id}/{dept}/{item}/{decision}", applicationId = id, department = dept, item, decision, opinion, reviewer = $"{dept} 审查员" });

    private async Task InspectAsync(string id, string dept, JsonNode commitment, string result, string findings)
    {
        await api.PostAsync(DemoApi.Department(dept), $"/api/departments/{dept}/inspections",
            new { applicationId = id, commitmentId = commitment["id"]!.GetValue<string>(), result, findings });
        Say($"{dept} inspected {commitment["id"]!.GetValue<string>()} ({commitment["materialCode"]!.GetValue<string>()}): {result}");
    }

    private async Task AdvanceAsync(double days) => clock = (await api.AdvanceAsync(days))["now"]!.GetValue<DateTimeOffset>();

    /// <summary>Moves the clock to <paramref name="moment"/>, rounded up to the whole minute (deadlines end at 23:59:59.9999999).</summary>
    private async Task AdvanceToAsync(DateTimeOffset moment)
    {
        var current = (await api.GetAsync(DemoApi.Supervisor, "/api/dev/clock"))["now"]!.GetValue<DateTimeOffset>();
        var target = Minute(moment);
        if (target > current) await AdvanceAsync((target - current).TotalDays);
    }

    /// <summary>Departments work in office hours on working days: moves the clock to 10:00 of the next one unless it is in them now.</summary>
    private async Task OfficeHoursAsync()
    {
        var local = ShanghaiTime.Local(clock);
        if (Calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && local.Hour is >= 9 and < 17) return;
        await NextWorkingMorningAsync(sameDayBeforeNine: local.Hour < 9);
    }

    /// <summary>Moves the clock to 10:00 of the next working day (of today when it is one and still before 09:00).</summary>
    private async Task NextWorkingMorningAsync(bool sameDayBeforeNine = false)
    {
        var today = DateOnly.FromDateTime(ShanghaiTime.Local(clock).DateTime);
        var day = sameDayBeforeNine && Calendar.IsWorkingDay(today) ? today : Calendar.NextWorkingDay(today);
        await AdvanceToAsync(WorkingDayCalendar.StartOfDay(day).AddHours(10));
    }

    /// <summary>An instant rounded up to the whole minute, in Shanghai time: what people read.</summary>
    private static DateTimeOffset Minute(DateTimeOffset instant)
    {
        var local = ShanghaiTime.Local(instant);
        var floor = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset);
        return floor == local ? floor : floor.AddMinutes(1);
    }

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.FromEmbeddedData();

    private DateTimeOffset clock = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));

    private void Say(string text)
    {
        var line = $"{clock:yyyy-MM-dd ddd HH:mm}  {text}";
        record.Story.Add(line);
        output.WriteLine(line);
    }

    private void PrintTimelines()
    {
        foreach (var app in record.Applications)
        {
            output.WriteLine();
            output.WriteLine($"== {app["applicationId"]} ({app["status"]}, risk {app["riskLevel"]}, {app["clock"]!["workingDaysUsed"]} working days on the clock)");
            foreach (var e in app["timeline"]!.AsArray()) output.WriteLine($"   {e!["at"]!.GetValue<DateTimeOffset>():MM-dd HH:mm}  {e["event"]}");
        }
        foreach (var credit in record.Credits)
        {
            output.WriteLine($"credit {credit["uscc"]}: grade {credit["grade"]}, commitment route {(credit["commitmentAllowed"]!.GetValue<bool>() ? "open" : "barred")}, {credit["records"]!.AsArray().Count} record(s), chain intact: {credit["chainIntact"]}");
        }
    }

    private static string Status(JsonNode s) => s["status"]!.GetValue<string>();
    private static IEnumerable<JsonNode> Tasks(JsonNode s) => s["tasks"]!.AsArray().OfType<JsonNode>();
    private static IEnumerable<string> Timeline(JsonNode s) => s["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>());
    private static JsonNode Commitment(JsonNode s, string material) => s["commitments"]!.AsArray().First(c => c!["materialCode"]!.GetValue<string>() == material)!;
}

/// <summary>What the story leaves behind for the report.</summary>
internal sealed class DemoRecord
{
    public List<string> Story { get; } = [];
    public List<JsonNode> Applications { get; } = [];
    public List<JsonNode> Credits { get; } = [];
    public JsonNode? Audit { get; set; }
    public JsonNode? Report { get; set; }
}
