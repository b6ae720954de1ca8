using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Activities;
using Approvals.Applications;
using Approvals.Functions.Tests.Infrastructure;
using Approvals.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Functions.Tests.Endpoints;

/// <summary>The project code page (项目码) shows the project's approvals however many applications the city has.</summary>
public sealed class ProjectPageTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    private static ApplicationPlan Plan(string id, string project, DateTimeOffset now, bool withTask) => new()
    {
        ApplicationId = id,
        Uscc = PortalDriver.Uscc,
        ApplicantName = "福州示范建设有限公司",
        ProjectCode = project,
        ProjectName = "示范厂房",
        Procedure = "commitment-approval",
        RiskLevel = "low",
        AcceptedAt = now,
        Tasks = withTask ? [new PlannedTask("HUD", "CP-PERMIT", "建筑工程施工许可", 7, now.AddDays(9), now.AddDays(7), false, new DeadlineRequest(now, 7))] : [],
        SamplingSeed = "page",
    };

    [Fact]
    public async Task A_projects_approval_is_on_its_page_when_more_than_a_pageful_of_other_applications_came_before_it()
    {
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var now = AppFactory.Start;
        // 510 applications of other projects first (the page used to read the first 500 applications only). The virtual
        // clock stands still, so they share one creation time and the engine orders them by id: this project's sorts last.
        await Task.WhenAll(Enumerable.Range(0, 510).Select(i => client.ScheduleNewOrchestrationInstanceAsync(CommitmentApprovalOrchestrator.Name,
            Plan($"APP-OTHER-{i:D3}", $"2609-350102-04-01-{i:D6}", now, withTask: false), new StartOrchestrationOptions { InstanceId = $"APP-OTHER-{i:D3}" })));
        await client.ScheduleNewOrchestrationInstanceAsync(CommitmentApprovalOrchestrator.Name, Plan("APP-Z-MINE", PortalDriver.ProjectCode, now, withTask: true),
            new StartOrchestrationOptions { InstanceId = "APP-Z-MINE" });
        await app.Driver.WaitAsync("APP-Z-MINE", s => s.GetProperty("status").GetString() == "under-review");

        var page = await app.Driver.Anonymous().GetFromJsonAsync<JsonElement>($"/api/projects/{PortalDriver.ProjectCode}");

        var approval = Assert.Single(page.GetProperty("approvals").EnumerateArray());
        Assert.Equal("APP-Z-MINE", approval.GetProperty("applicationId").GetString());
        Assert.Equal("under-review", approval.GetProperty("status").GetString());
    }
}
