using Approvals.JointAcceptance;

namespace Approvals.Tests.JointAcceptance;

/// <summary>The joint-acceptance orchestration replays identically from its history: every episode here is a full replay.</summary>
public sealed class JointAcceptanceReplayTests : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly JointAcceptanceHarness h = new(replayEveryEpisode: true);

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, Shanghai);

    [Fact]
    public async Task Late_department_rectification_re_inspection_and_certification_replay_without_divergence()
    {
        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-REPLAY", "late", unit: "2#楼", items: ["JA-WATER", "JA-GAS", "JA-ARCHIVES", "JA-FIRST-REGISTRATION"]));
        var id = await h.SubmitAsync(plan);
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan, except: ["JA-WATER", "JA-GAS"]);
        await h.AdvanceToAsync(At(10, 14, 9));
        await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Item == "JA-GAS").Light == "red");
        await h.OpinionAsync(id, "GAS", "JA-GAS");
        await h.OpinionAsync(id, "WATERCO", "JA-WATER", pass: false, "不合格", "水压不足 / water pressure too low");
        await h.WaitForAsync(id, v => v.Status == "awaiting-rectification");
        await h.AdvanceToAsync(At(10, 16, 10));
        await h.RectifiedAsync(id);
        await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Item == "JA-WATER").Round == 2);
        await h.OpinionAsync(id, "WATERCO", "JA-WATER");
        var certifying = await h.WaitForAsync(id, v => v.Status == "certifying" && v.Steps.Count(s => s.State == "in-progress") == 2);
        await h.ArchiveAnswerAsync(id, "DA-1");
        await h.RegistrationAnswerAsync(id, "REG-1");

        var done = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal(("DA-1", "REG-1", "2#楼"), (done.JointAcceptance!.ArchiveCertificateNumber, done.JointAcceptance.RegistrationCertificateNumber, done.JointAcceptance.Unit));
        Assert.Equal(0, h.Worker.CachedSessions);
        // The overall deadline moved by the working days the clock stood still for rectification (14 to 16 October).
        Assert.True(certifying.JointAcceptance!.DueAt > plan.DueAt);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, (await h.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }
}
