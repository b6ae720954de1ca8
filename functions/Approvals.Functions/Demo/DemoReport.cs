using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Approvals.Functions.Demo;

/// <summary>The demo's HTML report: the story, each application's tasks, certificates, commitments and timeline, and the credit records.</summary>
internal static class DemoReport
{
    public static string Html(DemoRecord record)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>告知承诺制审批演示 / Notify-and-commit demo</title>
            <style>
              body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:1100px;color:#1d2733;line-height:1.45}
              h1{font-size:1.6rem} h2{margin-top:2.2rem;border-bottom:2px solid #c8102e;padding-bottom:.3rem} h3{margin-bottom:.3rem}
              table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem} th,td{border:1px solid #d5dbe3;padding:.35rem .5rem;text-align:left;font-size:.92rem;vertical-align:top}
              th{background:#f3f5f8} .light{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.3rem;vertical-align:middle}
              .green{background:#1e9e4a}.yellow{background:#e8b100}.red{background:#d11a2a}
              .valid{color:#1e7d3a;font-weight:600}.revoked{color:#c8102e;font-weight:600;text-decoration:line-through}
              .story li{margin:.2rem 0} .muted{color:#6b7785;font-size:.85rem}
            </style></head><body>
            <h1>告知承诺制审批演示 <span class="muted">Notify-and-commit approval demo</span></h1>
            """);
        html.Append("<h2>经过 Story</h2><ol class=\"story\">");
        foreach (var line in record.Story) html.Append("<li>").Append(E(line)).Append("</li>");
        html.Append("</ol>");

        foreach (var app in record.Applications)
        {
            html.Append($"<h2>{E(S(app, "applicationId"))} <span class=\"muted\">{E(S(app, "status"))} · 风险 risk {E(S(app, "riskLevel"))} · 用时 {E(app["clock"]?["workingDaysUsed"]?.ToString())} 工作日 working days</span></h2>");
            html.Append("<h3>部门任务 Department tasks</h3><table><tr><th>部门 Dept</th><th>事项 Item</th><th>状态 State</th><th>期限 Due</th><th>灯 Light</th><th>意见 Opinion</th></tr>");
            foreach (var t in Array(app, "tasks"))
            {
                var light = S(t, "light");
                html.Append($"<tr><td>{E(S(t, "department"))}</td><td>{E(S(t, "item"))}</td><td>{E(S(t, "state"))}</td><td>{E(T(t, "dueAt"))}</td><td><span class=\"light {E(light)}\"></span>{E(light)}</td><td>{E(S(t, "opinion"))}</td></tr>");
            }
            html.Append("</table><h3>电子证照 Certificates</h3><table><tr><th>编号 Number</th><th>事项 Item</th><th>状态 Status</th></tr>");
            foreach (var c in Array(app, "certificates"))
            {
                html.Append($"<tr><td><a href=\"{E(S(c, "verifyUrl"))}\">{E(S(c, "number"))}</a></td><td>{E(S(c, "item"))}</td><td class=\"{E(S(c, "status"))}\">{E(S(c, "status"))}</td></tr>");
            }
            html.Append("</table><h3>承诺 Commitments</h3><table><tr><th>编号 Id</th><th>材料 Material</th><th>类型 Class</th><th>抽中 Sampled</th><th>核查期限 Due</th><th>结果 Status</th></tr>");
            foreach (var c in Array(app, "commitments"))
            {
                html.Append($"<tr><td>{E(S(c, "id"))}</td><td>{E(S(c, "materialCode"))}</td><td>{E(S(c, "class"))}</td><td>{E(c["sampled"]?.ToString())}</td><td>{E(T(c, "dueAt"))}</td><td>{E(S(c, "status"))}</td></tr>");
            }
            html.Append("</table><h3>时间线 Timeline</h3><table><tr><th>时间 At</th><th>事件 Event</th></tr>");
            foreach (var e in Array(app, "timeline")) html.Append($"<tr><td>{E(T(e, "at"))}</td><td>{E(S(e, "event"))}</td></tr>");
            html.Append("</table>");
        }

        html.Append("<h2>信用记录 Credit records</h2>");
        foreach (var credit in record.Credits)
        {
            html.Append($"<h3>{E(S(credit, "uscc"))}: 等级 grade {E(S(credit, "grade"))} · 承诺制 commitment route {(credit["commitmentAllowed"]?.GetValue<bool>() == true ? "开放 open" : "限制 barred")} · 链完整 chain intact {E(credit["chainIntact"]?.ToString())}</h3>");
            html.Append("<table><tr><th>#</th><th>类型 Kind</th><th>时间 At</th><th>关联 Reference</th><th>说明 Details</th><th>哈希 Hash</th></tr>");
            foreach (var r in Array(credit, "records"))
            {
                html.Append($"<tr><td>{E(r["sequence"]?.ToString())}</td><td>{E(S(r, "kind"))}</td><td>{E(T(r, "occurredAt"))}</td><td>{E(S(r, "reference"))}</td><td>{E(S(r, "details"))}</td><td class=\"muted\">{E(S(r, "hash")[..Math.Min(16, S(r, "hash").Length)])}…</td></tr>");
            }
            html.Append("</table>");
        }
        if (record.Report is { } report)
        {
            html.Append($"<h2>月度报告 Monthly report {E(S(report, "month"))}</h2><p>受理 accepted {E(report["applicationsAccepted"]?.ToString())} · 超期任务 overdue tasks {E(report["overdueTasks"]?.ToString())} · 承诺 commitments {E(report["commitments"]?.ToJsonString())}</p>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    private static IEnumerable<JsonNode> Array(JsonNode node, string name) => node[name]?.AsArray().OfType<JsonNode>() ?? [];

    private static string S(JsonNode node, string name) => node[name] is JsonValue v ? v.ToString() : "";

    /// <summary>A time as people read it: Shanghai, to the minute (never raw ticks such as 23:59:59.9999999).</summary>
    private static string T(JsonNode node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<DateTimeOffset>(out var at)
            ? Approvals.Calendar.ShanghaiTime.Local(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : S(node, name);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
