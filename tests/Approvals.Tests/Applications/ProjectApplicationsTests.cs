using Approvals.Applications;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.Applications;

/// <summary>
/// A project's applications come from the project index, not from reading every application: the ones from before the
/// index are added by the first lookup, later ones by intake, and an entry whose application never started is skipped.
/// </summary>
public sealed class ProjectApplicationsTests
{
    private const string Project = "2609-350102-04-01-123456";
    private const string OtherProject = "2609-350102-04-01-999999";

    [Fact]
    public async Task The_first_lookup_indexes_the_applications_from_before_then_a_project_reads_only_its_own()
    {
        await using var h = new ApprovalHarness();
        await h.StartAsync();
        var projects = new ProjectApplications(h.Records, h.Client);
        // Two applications scheduled before the index existed (nothing added them), one of another project.
        await h.SubmitAsync(h.Plan("APP-OLD-1", [("HUD", "CP-PERMIT", 7)]));
        await h.SubmitAsync(h.Plan("APP-OLD-2", [("HUD", "CP-PERMIT", 7)]) with { ProjectCode = OtherProject });
        await h.WaitForAsync("APP-OLD-1", v => v.Status == "under-review");
        await h.WaitForAsync("APP-OLD-2", v => v.Status == "under-review");

        var first = await Ids(projects, Project);
        Assert.Equal(["APP-OLD-1"], first);
        Assert.Equal(0, await projects.BackfillAsync()); // once only

        // From now on intake adds each one before scheduling it; an entry whose application never started is skipped.
        await projects.AddAsync(Project.ToLowerInvariant(), "APP-NEW-1");
        await h.SubmitAsync(h.Plan("APP-NEW-1", [("HUD", "CP-PERMIT", 7)]));
        await projects.AddAsync(Project, "APP-NEVER-STARTED");
        await h.WaitForAsync("APP-NEW-1", v => v.Status == "under-review");

        Assert.Equal(["APP-NEW-1", "APP-OLD-1"], await Ids(projects, Project));
        Assert.Equal(["APP-OLD-2"], await Ids(projects, OtherProject));
        Assert.Empty(await Ids(projects, "2609-000000-00-00-000000"));
    }

    private static async Task<List<string>> Ids(ProjectApplications projects, string project)
    {
        var ids = new List<string>();
        await foreach (var instance in projects.InstancesAsync(project)) ids.Add(instance.InstanceId);
        return ids.Order(StringComparer.Ordinal).ToList();
    }
}
