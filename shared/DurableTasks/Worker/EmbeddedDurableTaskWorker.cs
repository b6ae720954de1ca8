using System.Diagnostics;
using DurableTasks.Backends;
using DurableTasks.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableTasks.Worker;

/// <summary>
/// Dispatches orchestration episodes and activities from a store, with bounded concurrency and batching. Episodes are
/// replayed by Microsoft's runtime; this class only locks, runs and commits. Several workers (threads or processes) may
/// serve one store: locks with wall-clock leases keep each instance to one worker at a time, and an expired lease hands
/// a dead worker's work to another.
/// </summary>
public sealed class EmbeddedDurableTaskWorker : BackgroundService
{
    private readonly IOrchestrationStore store;
    private readonly EmbeddedWorkerOptions options;
    private readonly ILogger logger;
    private readonly EpisodeRunner episodes;
    private readonly ActivityRunner activities;
    private readonly ExtendedSessionsCache sessionsCache = new();
    private readonly SessionLedger sessions;
    private readonly LeaseKeeper orchestrationLeases;
    private readonly LeaseKeeper activityLeases;

    public EmbeddedDurableTaskWorker(
        IOrchestrationStore store,
        RegisteredTasks tasks,
        IServiceProvider services,
        EmbeddedWorkerOptions? options = null,
        TimeProvider? timeProvider = null,
        DataConverter? converter = null,
        ILoggerFactory? loggerFactory = null)
    {
        this.store = store;
        this.options = options ?? new EmbeddedWorkerOptions();
        timeProvider ??= TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        logger = loggerFactory.CreateLogger<EmbeddedDurableTaskWorker>();
        var workerOptions = new DurableTaskWorkerOptions { MaximumTimerInterval = this.options.MaximumTimerInterval };
        if (converter is not null) workerOptions.DataConverter = converter;
        var shims = new DurableTaskShimFactory(workerOptions, loggerFactory);
        sessions = new SessionLedger(TimeProvider.System, this.options.ExtendedSessionIdleTimeout);
        episodes = new EpisodeRunner(store, tasks, new RuntimeServices(services, shims), timeProvider, sessionsCache, sessions, this.options.ExtendedSessionIdleTimeout);
        activities = new ActivityRunner(tasks, services, shims, timeProvider);
        orchestrationLeases = new LeaseKeeper(store, this.options.OrchestrationLease, logger);
        activityLeases = new LeaseKeeper(store, this.options.ActivityLease, logger);
    }

    /// <summary>Instances whose replay state this worker believes Microsoft's session cache holds.</summary>
    public int CachedSessions => sessions.Count;

    public override void Dispose()
    {
        base.Dispose();
        sessionsCache.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await InitializeStoreAsync(stoppingToken);
        await Task.WhenAll(RunOrchestrationsAsync(stoppingToken), RunActivitiesAsync(stoppingToken),
            orchestrationLeases.RunAsync(stoppingToken), activityLeases.RunAsync(stoppingToken));
    }

    /// <summary>
    /// Creates the store's tables, retrying with a capped backoff (wall time: this is infrastructure, not business time)
    /// while the store cannot be opened, so a locked or unreachable file is a logged condition rather than a host that stops.
    /// </summary>
    private async Task InitializeStoreAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.InitializeAsync(stoppingToken);
                if (attempt > 1) logger.LogWarning("The durable store answered after {Attempts} attempts", attempt);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not InvalidOperationException)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(10, 1 << Math.Min(attempt, 4)));
                // One error when the store cannot be opened; the retries that follow are debug lines.
                logger.Log(attempt == 1 ? LogLevel.Error : LogLevel.Debug, "The durable store cannot be opened ({Problem}); retrying in {Wait}", ex.GetBaseException().Message, wait);
                // A write that opened the store meanwhile (a client call) pulses the signal: start then, not at the next try.
                var pulse = store.Signal.Next;
                await Task.WhenAny(Task.Delay(wait, stoppingToken), pulse);
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Runs whatever orchestration and activity work is visible now, once, and returns how many items it handled.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken = default)
    {
        var handled = await RunOrchestrationBatchAsync(cancellationToken);
        var items = await store.LockActivitiesAsync(options.ActivityBatchSize, options.ActivityLease, cancellationToken);
        if (items.Count > 0)
        {
            foreach (var item in items) activityLeases.Hold(item.LockToken);
            try
            {
                var completions = await Task.WhenAll(items.Select(activities.RunAsync));
                await store.CompleteActivitiesAsync(completions, cancellationToken);
                EngineTelemetry.ActivitiesExecuted.Add(completions.Length);
            }
            finally
            {
                foreach (var item in items) activityLeases.Release(item.LockToken);
            }
        }
        return handled + items.Count;
    }

    /// <summary>
    /// Batches in flight at once. While one batch's commit is with the store's writer, the next batch is locked and its
    /// episodes run, so replay and the writer overlap instead of taking turns (an instance is locked by one batch at a
    /// time, so two batches never hold the same instance).
    /// </summary>
    private const int OrchestrationBatchesInFlight = 2;

    private async Task RunOrchestrationsAsync(CancellationToken stoppingToken)
    {
        var inFlight = new Queue<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = store.Signal.Next;
            IReadOnlyList<OrchestrationWorkItem> items;
            try
            {
                items = await store.LockOrchestrationsAsync(options.OrchestrationBatchSize, options.OrchestrationLease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Orchestration dispatch failed; retrying");
                items = [];
            }
            if (items.Count > 0)
            {
                inFlight.Enqueue(RunLockedBatchAsync(items));
                if (inFlight.Count >= OrchestrationBatchesInFlight) await FinishAsync(inFlight.Dequeue());
            }
            else if (inFlight.Count > 0)
            {
                // Nothing more to lock until the batches in flight commit what they produced.
                await FinishAsync(inFlight.Dequeue());
            }
            else
            {
                await IdleAsync(wake, stoppingToken);
            }
        }
        while (inFlight.Count > 0) await FinishAsync(inFlight.Dequeue());
    }

    private async Task FinishAsync(Task batch)
    {
        try
        {
            await batch;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Orchestration dispatch failed; retrying");
        }
    }

    private async Task<int> RunOrchestrationBatchAsync(CancellationToken cancellationToken)
    {
        var items = await store.LockOrchestrationsAsync(options.OrchestrationBatchSize, options.OrchestrationLease, cancellationToken);
        if (items.Count == 0) return 0;
        await RunLockedBatchAsync(items);
        return items.Count;
    }

    private async Task RunLockedBatchAsync(IReadOnlyList<OrchestrationWorkItem> items)
    {
        var tokens = items.Select(i => i.LockToken).Distinct().ToList();
        foreach (var token in tokens) orchestrationLeases.Hold(token);
        try
        {
            await RunEpisodesAsync(items);
        }
        finally
        {
            foreach (var token in tokens) orchestrationLeases.Release(token);
        }
    }

    private async Task RunEpisodesAsync(IReadOnlyList<OrchestrationWorkItem> items)
    {
        var started = Stopwatch.GetTimestamp();
        var commits = new List<OrchestrationCommit>(items.Count);
        foreach (var item in items)
        {
            using var span = EngineTelemetry.Source.StartActivity($"orchestration {item.Instance.Name}");
            span?.SetTag("durabletasks.instance_id", item.Instance.InstanceId);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["InstanceId"] = item.Instance.InstanceId });
            try
            {
                var commit = await episodes.RunAsync(item, CancellationToken.None);
                commits.Add(commit);
                if (commit.Status.IsTerminal() && !item.Instance.Status.IsTerminal())
                {
                    logger.LogInformation("Orchestration {Name} {InstanceId} ended {Status}", item.Instance.Name, item.Instance.InstanceId, commit.Status);
                }
            }
            catch (Exception ex)
            {
                episodes.Discarded(item.Instance.InstanceId);
                logger.LogError(ex, "Episode of {InstanceId} failed in the engine; it is retried in {Delay}", item.Instance.InstanceId, options.FailedEpisodeRetryDelay);
                await store.AbandonOrchestrationAsync(item, options.FailedEpisodeRetryDelay, CancellationToken.None);
            }
        }
        var applied = await ApplyAsync(commits);
        for (var i = 0; i < commits.Count; i++)
        {
            if (applied[i])
            {
                episodes.Committed(commits[i]);
                continue;
            }
            episodes.Discarded(commits[i].InstanceId);
            EngineTelemetry.LeasesLost.Add(1);
            logger.LogWarning("Lease on {InstanceId} was lost; its episode is discarded and will run again", commits[i].InstanceId);
        }
        EngineTelemetry.Episodes.Add(commits.Count);
        EngineTelemetry.EpisodeMilliseconds.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds / items.Count);
    }

    private async Task<IReadOnlyList<bool>> ApplyAsync(List<OrchestrationCommit> commits)
    {
        try
        {
            return await store.CompleteOrchestrationsAsync(commits, CancellationToken.None);
        }
        catch
        {
            // Nothing of the batch was applied (one transaction): the runtime's sessions may be ahead of the store.
            foreach (var commit in commits) episodes.Discarded(commit.InstanceId);
            throw;
        }
    }

    private async Task RunActivitiesAsync(CancellationToken stoppingToken)
    {
        var slots = new SemaphoreSlim(options.MaxConcurrentActivities);
        var finished = System.Threading.Channels.Channel.CreateUnbounded<ActivityCompletion>(new() { SingleReader = true });
        var completer = CompleteActivitiesAsync(finished.Reader);
        var running = new List<(Task Task, ActivityWorkItem Item)>();
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
                    activityLeases.Hold(item.LockToken);
                    running.Add((RunOneActivityAsync(item, slots, finished.Writer), item));
                }
                running.RemoveAll(r => r.Task.IsCompleted);
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

        // On shutdown, in-flight activities get ShutdownTimeout to finish; the rest are released for another worker.
        var all = Task.WhenAll(running.Select(r => r.Task));
        if (await Task.WhenAny(all, Task.Delay(options.ShutdownTimeout, CancellationToken.None)) != all)
        {
            foreach (var (task, item) in running.Where(r => !r.Task.IsCompleted))
            {
                logger.LogInformation("Activity {Name} of {InstanceId} still running at shutdown; released for another worker", item.Message.Request.Name, item.Message.InstanceId);
                await store.AbandonActivityAsync(item, CancellationToken.None);
            }
        }
        finished.Writer.TryComplete();
        await completer;
    }

    private async Task RunOneActivityAsync(ActivityWorkItem item, SemaphoreSlim slots, System.Threading.Channels.ChannelWriter<ActivityCompletion> finished)
    {
        // No hop to the thread pool first: an activity that finishes synchronously costs no extra work item, and one that
        // awaits I/O frees this loop at its first await.
        try
        {
            finished.TryWrite(await activities.RunAsync(item));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Activity {Name} of {InstanceId} could not be run; it runs again after its lease", item.Message.Request.Name, item.Message.InstanceId);
            activityLeases.Release(item.LockToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task CompleteActivitiesAsync(System.Threading.Channels.ChannelReader<ActivityCompletion> reader)
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
            foreach (var completion in batch) activityLeases.Release(completion.WorkItem.LockToken);
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
