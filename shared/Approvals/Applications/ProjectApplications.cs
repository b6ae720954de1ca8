using Approvals.Stores;
using Microsoft.DurableTask.Client;

namespace Approvals.Applications;

/// <summary>
/// Which applications each project made: a write-once index (<see cref="IKeyedRecords"/>, key <c>{PROJECT}|{application}</c>),
/// so the lookups a submission makes (earlier stages, earlier commitments) read the project's own applications instead
/// of every application in the city. Intake adds the entry before the application is scheduled (an entry whose
/// application never started is skipped). Applications from before the index are added once, by the first lookup
/// (<see cref="BackfillAsync"/>), which reads them all as every lookup did before.
/// </summary>
public sealed class ProjectApplications(IKeyedRecords records, DurableTaskClient client)
{
    public const string Scope = "project-applications";

    /// <summary>Written once the applications from before the index are in it.</summary>
    private const string BackfillScope = "project-applications-backfill";
    private const string BackfillKey = "done";

    /// <summary>Set once the backfill is known done, so a lookup does not read its marker again.</summary>
    private volatile bool backfilled;

    private static string Prefix(string projectCode) => projectCode.Trim().ToUpperInvariant() + "|";

    public Task AddAsync(string projectCode, string applicationId, CancellationToken cancellationToken = default) =>
        records.TryAddAsync(Scope, Prefix(projectCode) + applicationId, applicationId, cancellationToken);

    /// <summary>The project's application instances, with payloads and custom status.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> InstancesAsync(string projectCode,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await BackfillAsync(cancellationToken);
        foreach (var (_, applicationId) in await records.ListAsync(Scope, Prefix(projectCode), cancellationToken))
        {
            if (await client.GetInstanceAsync(applicationId, getInputsAndOutputs: true, cancellationToken) is { } instance) yield return instance;
        }
    }

    /// <summary>The published views of the project's approval applications, oldest first (its project code page, 项目码).</summary>
    public async Task<IReadOnlyList<ApplicationStatusView>> ViewsAsync(string projectCode, CancellationToken cancellationToken = default)
    {
        var views = new List<ApplicationStatusView>();
        await foreach (var instance in InstancesAsync(projectCode, cancellationToken))
        {
            if (instance.ReadCustomStatusAs<ApplicationStatusView>() is { } view) views.Add(view);
        }
        return views.OrderBy(v => v.AcceptedAt).ThenBy(v => v.ApplicationId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Adds every application already in the engine to the index, once (two first lookups at once both add, which the
    /// write-once records make harmless); returns how many it read, 0 when it was done before.
    /// </summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken = default)
    {
        if (backfilled) return 0;
        if (await records.GetAsync(BackfillScope, BackfillKey, cancellationToken) is not null)
        {
            backfilled = true;
            return 0;
        }
        var read = 0;
        await foreach (var instance in client.InstancesWithPrefixAsync(ApplicationQueries.IdPrefix, cancellationToken))
        {
            read++;
            var project = ProjectOf(instance.SerializedCustomStatus) ?? ProjectOf(instance.SerializedInput);
            if (project is not null) await AddAsync(project, instance.InstanceId, cancellationToken);
        }
        await records.TryAddAsync(BackfillScope, BackfillKey, $"{read} applications read", cancellationToken);
        backfilled = true;
        return read;
    }

    /// <summary>
    /// The project an application's published view or plan names (every procedure's has <c>projectCode</c>; a scheduled
    /// application that has not published yet has only its plan).
    /// </summary>
    private static string? ProjectOf(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && document.RootElement.TryGetProperty("projectCode", out var code) && code.ValueKind == System.Text.Json.JsonValueKind.String
            ? code.GetString()
            : null;
    }
}
