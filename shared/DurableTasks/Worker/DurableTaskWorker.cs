using System.Diagnostics;
using System.Threading.Channels;
using DurableTasks.Abstractions;
using DurableTasks.Backends;
using DurableTasks.Converters;
using DurableTasks.Diagnostics;
using DurableTasks.Runtime;
using DurableTasks.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableTasks.Worker;

/// <summary>
/// Runs orchestration episodes and activities from a store, with bounded concurrency and batching.
/// Several workers (threads or processes) may serve one store: locks with leases keep each instance
/// to one worker at a time, and an expired lease hands a dead worker's work to another.
/// </summary>
public sealed class DurableTaskWorker : BackgroundService
{
    private readonly IOrchestrationStore store;
    private readonly DurableTaskWorkerOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly ExecutorCache cache;
    private readonly EpisodeProcessor episodes;
    private readonly ActivityRunner activities;

    public DurableTaskWorker(
        IOrchestrationStore store,
        DurableTaskRegistry registry,
        IServiceProvider services,
        DurableTaskWorkerOptions? options = null,
        TimeProvider? timeProvider = null,
        DataConverter? converter = null,
        ILogger<DurableTaskWorker>? logger = null)
    {
        this.store = store;
        this.options = options ?? new DurableTaskWorkerOptions();
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        converter ??= JsonDataConverter.Default;
        cache = new ExecutorCache(this.options.ExtendedSessionCapacity);
        episodes = new EpisodeProcessor(registry, services, converter, this.timeProvider, cache);
        activities = new ActivityRunner(registry, services, converter, this.timeProvider);
    }

    /// <summary>Replay states currently kept between episodes.</summary>
    public int CachedSessions => cache.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await InitializeStoreAsync(stoppingToken);
        var clock = timeProvider as ControllableTimeProvider;
        void OnAdvanced() => store.Signal.Pulse();
        if (clock is not null) clock.Advanced += OnAdvanced;
        try
        {
            await Task.WhenAll(RunOrchestrationsAsync(stoppingToken), RunActivitiesAsync(stoppingToken));
        }
        finally
        {
            if (clock is not null) clock.Advanced -= OnAdvanced;
        }
    }

    /// <summary>
    /// Creates the store's tables or files, retrying with a capped backoff (real time: this is infrastructure, not
    /// business time) while the store cannot be reached, so an unreachable storage account is a logged, visible
    /// condition rather than a host that stops.
    /// </summary>
    private async Task InitializeStoreAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.InitializeAsync(stoppingToken);
                if (attempt > 1) logger.LogInformation("The engine's store answered after {Attempts} attempts", attempt);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt, 5)));
                logger.LogError("The engine's store cannot be reached ({Problem}); retrying in {Wait}", ex.GetBaseException().Message, wait);
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    /// <summary>Runs whatever orchestration and activity work is visible now, once, and returns how many items it handled (used by trigger-driven hosts).</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken = default)
    {
        var handled = await RunOrchestrationBatchAsync(cancellationToken);
        var items = await store.LockActivitiesAsync(options.ActivityBatchSize, options.ActivityLease, cancellationToken);
        if (items.Count > 0)
        {
            var completions = await Task.WhenAll(items.Select(i => activities.RunAsync(i, cancellationToken)));
            await store.CompleteActivitiesAsync(completions, cancellationToken);
            EngineTelemetry.ActivitiesExecuted.Add(completions.Length);
        }
        return handled + items.Count;
    }

    private async Task RunOrchestrationsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = store.Signal.Next;
            int handled;
            try
            {
                handled = await RunOrchestrationBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Orchestration dispatch failed; retrying");
                handled = 0;
            }
            if (handled == 0) await IdleAsync(wake, stoppingToken);
        }
    }

    private async Task<int> RunOrchestrationBatchAsync(CancellationToken cancellationToken)
    {
        var items = await store.LockOrchestrationsAsync(options.OrchestrationBatchSize, options.OrchestrationLease, cancellationToken);
        if (items.Count == 0) return 0;
        var started = Stopwatch.GetTimestamp();
        var commits = new List<OrchestrationCommit>(items.Count);
        var executors = new List<OrchestrationExecutor?>(items.Count);
        foreach (var item in items)
        {
            using var span = EngineTelemetry.Source.StartActivity($"orchestration {item.Instance.Name}");
            span?.SetTag("durabletasks.instance_id", item.Instance.InstanceId);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["InstanceId"] = item.Instance.InstanceId });
            try
            {
                var (commit, executor) = await episodes.ProcessAsync(store, item, CancellationToken.None);
                commits.Add(commit);
                executors.Add(executor);
                if (commit.Status.IsTerminal() && !item.Instance.Status.IsTerminal())
                {
                    logger.LogInformation("Orchestration {Name} {InstanceId} ended {Status}", item.Instance.Name, item.Instance.InstanceId, commit.Status);
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Episode of {InstanceId} failed in the engine; releasing it", item.Instance.InstanceId);
                await store.AbandonOrchestrationAsync(item, CancellationToken.None);
            }
        }
        var applied = await store.CompleteOrchestrationsAsync(commits, CancellationToken.None);
        for (var i = 0; i < commits.Count; i++)
        {
            if (!applied[i])
            {
                EngineTelemetry.LeasesLost.Add(1);
                logger.LogWarning("Lease on {InstanceId} was lost; its episode is discarded and will run again elsewhere", commits[i].InstanceId);
            }
            else if (executors[i] is { } executor)
            {
                episodes.Keep(commits[i], executor);
            }
        }
        EngineTelemetry.Episodes.Add(commits.Count);
        EngineTelemetry.EpisodeMilliseconds.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds / items.Count);
        return items.Count;
    }

    private async Task RunActivitiesAsync(CancellationToken stoppingToken)
    {
        var slots = new SemaphoreSlim(options.MaxConcurrentActivities);
        var finished = Channel.CreateUnbounded<ActivityCompletion>(new UnboundedChannelOptions { SingleReader = true });
        var completer = CompleteActivitiesAsync(finished.Reader);
        var running = new List<Task>();

        // On shutdown, in-flight activities get ShutdownTimeout to finish; then they are cancelled and released.
        using var abort = new CancellationTokenSource();
        using var graceOnStop = stoppingToken.Register(() => abort.CancelAfter(options.ShutdownTimeout));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (free < options.ActivityBatchSize && slots.Wait(0)) free++;
                var wake = store.Signal.Next;
                IReadOnlyList<ActivityWorkItem> items = [];
                try
                {
                    items = await store.LockActivitiesAsync(free, options.ActivityLease, stoppingToken);
                }
                finally
                {
                    if (free > items.Count) slots.Release(free - items.Count);
                }
                if (items.Count == 0)
                {
                    await IdleAsync(wake, stoppingToken);
                    continue;
                }
                foreach (var item in items)
                {
                    running.Add(RunOneActivityAsync(item, slots, finished.Writer, abort.Token));
                }
                running.RemoveAll(t => t.IsCompleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Activity dispatch failed; retrying");
                await IdleAsync(Task.Delay(options.MaxPollInterval, CancellationToken.None), stoppingToken);
            }
        }

        await Task.WhenAll(running);
        finished.Writer.TryComplete();
        await completer;
    }

    private async Task RunOneActivityAsync(ActivityWorkItem item, SemaphoreSlim slots, ChannelWriter<ActivityCompletion> finished, CancellationToken abort)
    {
        await Task.Yield();
        try
        {
            var completion = await activities.RunAsync(item, abort);
            finished.TryWrite(completion);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            logger.LogInformation("Activity {Name} of {InstanceId} cancelled by shutdown; released for another worker", item.Message.Name, item.Message.InstanceId);
            await store.AbandonActivityAsync(item, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Activity {Name} of {InstanceId} could not be run; it runs again after its lease", item.Message.Name, item.Message.InstanceId);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task CompleteActivitiesAsync(ChannelReader<ActivityCompletion> reader)
    {
        var batch = new List<ActivityCompletion>();
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < 256 && reader.TryRead(out var completion)) batch.Add(completion);
            try
            {
                var applied = await store.CompleteActivitiesAsync(batch, CancellationToken.None);
                var lost = applied.Count(a => !a);
                if (lost > 0)
                {
                    EngineTelemetry.LeasesLost.Add(lost);
                    logger.LogWarning("{Count} activity results arrived after their lease ran out; the re-run's results stand", lost);
                }
                EngineTelemetry.ActivitiesExecuted.Add(batch.Count - lost);
            }
            catch (Exception ex)
            {
                // The requests stay locked until their lease ends, then run again: at-least-once.
                logger.LogError(ex, "Recording {Count} activity results failed; they will run again after their lease", batch.Count);
            }
            batch.Clear();
        }
    }

    private async Task IdleAsync(Task wake, CancellationToken stoppingToken)
    {
        try
        {
            await wake.WaitAsync(options.MaxPollInterval, stoppingToken);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
