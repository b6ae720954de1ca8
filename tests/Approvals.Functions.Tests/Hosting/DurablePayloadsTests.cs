using Approvals.Applications;
using Approvals.Functions.Json;
using Approvals.Functions.Tests.Infrastructure;
using Approvals.Stewardship;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Approvals.Functions.Tests.Hosting;

/// <summary>
/// Orchestration payloads and custom status keep Chinese text as itself: Durable Functions caps a custom status at
/// 16 KB, and a steward plan's Chinese timeline written as \uXXXX escapes passes it.
/// </summary>
public sealed class DurablePayloadsTests
{
    private const int CustomStatusLimit = 16 * 1024;

    [Fact]
    public void The_app_writes_payloads_with_the_converter_that_keeps_chinese_and_still_escapes_markup()
    {
        using var app = new AppFactory();
        var converter = app.Services.GetRequiredService<DataConverter>();
        Assert.Same(DurablePayloads.Converter, converter);
        var text = converter.Serialize(new TimelineEntry(AppFactory.Start, "呼叫即回应 <script>"))!;
        Assert.Contains("呼叫即回应", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("\"event\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_node_steward_plan_with_warnings_and_its_timeline_fits_a_custom_status_only_unescaped()
    {
        var plan = TenNodePlan();
        var ours = DurablePayloads.Converter.Serialize(plan)!;
        var escaped = new JsonDataConverter(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)).Serialize(plan)!;
        Assert.True(ours.Length < CustomStatusLimit, $"{ours.Length} characters");
        Assert.True(escaped.Length > CustomStatusLimit, $"{escaped.Length} characters escaped");
        Assert.True(escaped.Length > 2 * ours.Length, $"{escaped.Length} escaped against {ours.Length}");
    }

    private static StewardPlanView TenNodePlan()
    {
        var at = AppFactory.Start;
        var nodes = Enumerable.Range(1, 10).Select(i => new PlanNodeStatus
        {
            Key = $"node-{i}",
            Name = $"第{i}个节点：建设工程规划许可证核发及相关中介服务",
            Kind = "approval",
            Owner = "NRP",
            PlannedOn = new DateOnly(2026, 10, i),
            FirstPlannedOn = new DateOnly(2026, 10, i),
            State = "cause-recorded",
            Warnings = [new NodeWarning("owner", ["steward:项目管家 周敏", "NRP"], at, 3), new NodeWarning("lead-department", ["APPROVAL"], at, 6)],
            Cause = "中介机构专家评审排期延后，设计单位补充材料未按时提交",
            Action = "项目管家协调加开专家评审会，督促设计单位三日内补齐",
        }).ToList();
        var timeline = Enumerable.Range(1, 30).Select(i => new TimelineEntry(at.AddHours(i),
            $"预警 / warning: 第{i % 10 + 1}个节点未按计划完成，已告知项目管家和责任单位，仍未完成将告知牵头部门")).ToList();
        return new StewardPlanView
        {
            ProjectCode = "2609-350102-04-01-123456",
            Uscc = "91350100M000100Y43",
            ProjectName = "示范智能制造基地",
            Steward = "项目管家 周敏",
            LeadDepartment = new StewardBody("APPROVAL", "行政审批服务局", null),
            Status = "active",
            PlannedAt = at,
            Nodes = nodes,
            Timeline = timeline,
        };
    }
}
