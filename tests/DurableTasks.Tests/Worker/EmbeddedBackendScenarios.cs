using DurableTask.Core.Exceptions;
using DurableTasks.Tests.Infrastructure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Kind = Microsoft.DurableTask.Protobuf.HistoryEvent.EventTypeOneofCase;

namespace DurableTasks.Tests.Worker;

/// <summary>
/// What Microsoft's orchestration model promises, run by Microsoft's replay runtime on the embedded SQLite backend:
/// activities, fan-out, timers on the virtual clock, events, sub-orchestrations, continue-as-new, retries, failures,
/// termination, purge, queries.
/// </summary>
public sealed class EmbeddedBackendScenarios
{
    private static T Throw<T>(Exception exception) => throw exception;

    private static Task<EngineHarness> StartAsync(Action<DurableTaskRegistry> register) => EngineHarness.StartAsync(register);

    [Fact]
    public async Task Sequence_of_activities_passes_each_result_to_the_next()
    {
        await using var h = await StartAsync(r => r
            .AddActivityFunc<int, int>("Double", (_, x) => x * 2)
            .AddActivityFunc<int, int>("AddOne", (_, x) => x + 1)
            .AddOrchestratorFunc<int, int>("Chain", async (ctx, x) =>
            {
                var a = await ctx.CallActivityAsync<int>("Double", x);
                var b = await ctx.CallActivityAsync<int>("AddOne", a);
                return await ctx.CallActivityAsync<int>("Double", b);
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 5);
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(22, done.ReadOutputAs<int>());
        var history = await h.Client.GetHistoryAsync(id);
        Assert.Equal([0, 1, 2], history.Of(Kind.TaskScheduled).Select(e => e.EventId));
        Assert.Single(history.Of(Kind.ExecutionCompleted));
    }

    [Fact]
    public async Task Fan_out_of_100_activities_fans_in_every_result_once()
    {
        await using var h = await StartAsync(r => r
            .AddActivityFunc<int, int>("Square", (_, x) => x * x)
            .AddOrchestratorFunc<int, long>("FanOut", async (ctx, n) =>
            {
                var tasks = Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)).ToList();
                var results = await Task.WhenAll(tasks);
                return results.Sum(x => (long)x);
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 100);
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 100).Sum(i => (long)i * i), done.ReadOutputAs<long>());
        var history = await h.Client.GetHistoryAsync(id);
        Assert.Equal(100, history.Of(Kind.TaskScheduled).Select(e => e.EventId).Distinct().Count());
        Assert.Equal(100, history.Of(Kind.TaskCompleted).Select(e => e.TaskCompleted.TaskScheduledId).Distinct().Count());
        Assert.Equal(100, history.Of(Kind.TaskCompleted).Count());
    }

    [Fact]
    public async Task Timer_90_days_out_fires_only_when_the_clock_reaches_it()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, DateTime>("Sleeper", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(90), CancellationToken.None);
                return ctx.CurrentUtcDateTime;
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper");
        await h.WaitForTimersAsync(id);

        await h.Clock.AdvanceAsync(TimeSpan.FromDays(89));
        await h.Worker.DrainOnceAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await h.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await h.Clock.AdvanceAsync(TimeSpan.FromDays(1));
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddDays(90), done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task External_events_raised_before_the_wait_are_buffered_in_order()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Listener", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
                var first = await ctx.WaitForExternalEvent<string>("Note");
                var second = await ctx.WaitForExternalEvent<string>("Note");
                return first + second;
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Listener");
        await h.WaitForTimersAsync(id);
        await h.Client.RaiseEventAsync(id, "Note", "a");
        await h.Client.RaiseEventAsync(id, "Note", "b");
        await h.WaitForHistoryAsync(id, hist => hist.Of(Kind.EventRaised).Count() == 2);
        await h.Clock.AdvanceAsync(TimeSpan.FromHours(1));

        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal("ab", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task External_event_raised_after_the_wait_resumes_the_orchestration()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Approval", async (ctx, _) =>
            {
                ctx.SetCustomStatus("waiting");
                return await ctx.WaitForExternalEvent<int>("Decision");
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await h.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<string>() == "waiting", EngineHarness.Timeout());
        await h.Client.RaiseEventAsync(id, "decision", 42);

        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal(42, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Same_event_id_raised_twice_is_applied_once()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Counter", async (ctx, _) =>
            {
                var total = 0;
                for (var i = 0; i < 2; i++) total += await ctx.WaitForExternalEvent<int>("Add");
                return total;
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Counter");
        await h.Client.RaiseEventAsync(id, "Add", 1, eventId: "m-1");
        await h.WaitForHistoryAsync(id, hist => hist.Of(Kind.EventRaised).Any());
        await h.Client.RaiseEventAsync(id, "Add", 1, eventId: "m-1");
        await h.Client.RaiseEventAsync(id, "Add", 10, eventId: "m-2");

        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal(11, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Event_winning_a_race_leaves_the_cancelled_timer_without_effect()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Race", async (ctx, _) =>
            {
                using var cts = new CancellationTokenSource();
                var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(5), cts.Token);
                var answer = ctx.WaitForExternalEvent<string>("Answer");
                var winner = await Task.WhenAny(deadline, answer);
                if (winner == answer)
                {
                    cts.Cancel();
                    await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(10), CancellationToken.None);
                    return answer.Result;
                }
                return "timeout";
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await h.WaitForTimersAsync(id);
        await h.Client.RaiseEventAsync(id, "Answer", "yes");
        await h.WaitForTimersAsync(id, 2);
        await h.Clock.AdvanceAsync(TimeSpan.FromDays(11));

        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal("yes", done.ReadOutputAs<string>());
        var history = await h.Client.GetHistoryAsync(id);
        // As in Durable Functions, a cancelled timer still fires into the history at its time and the orchestration ignores it.
        Assert.Equal([0, 1], history.Of(Kind.TimerFired).Select(e => e.TimerFired.TimerId));
        Assert.Equal(EngineHarness.Epoch.AddDays(10), done.LastUpdatedAt);
    }

    [Fact]
    public async Task Timer_winning_a_race_reports_the_timeout()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Race", async (ctx, _) =>
            {
                using var cts = new CancellationTokenSource();
                var answer = ctx.WaitForExternalEvent<string>("Answer", cts.Token);
                var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(5), CancellationToken.None);
                var winner = await Task.WhenAny(deadline, answer);
                cts.Cancel();
                return winner == deadline ? "timeout" : answer.Result;
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await h.WaitForTimersAsync(id);
        await h.Clock.AdvanceAsync(TimeSpan.FromDays(5));

        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal("timeout", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Sub_orchestration_result_returns_to_the_parent()
    {
        await using var h = await StartAsync(r => r
            .AddActivityFunc<string, string>("Upper", (_, s) => s.ToUpperInvariant())
            .AddOrchestratorFunc<string, string>("Child", async (ctx, s) => await ctx.CallActivityAsync<string>("Upper", s) + "!")
            .AddOrchestratorFunc<string, string>("Parent", async (ctx, s) =>
            {
                var a = ctx.CallSubOrchestratorAsync<string>("Child", s);
                var b = ctx.CallSubOrchestratorAsync<string>("Child", s + "2", new SubOrchestrationOptions { InstanceId = "named-child" });
                return string.Join(",", await Task.WhenAll(a, b));
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Parent", "hi", new StartOrchestrationOptions { InstanceId = "parent-1" });
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());

        Assert.Equal("HI!,HI2!", done.ReadOutputAs<string>());
        var child = await h.Client.GetInstanceAsync("named-child");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await h.Client.GetInstanceAsync(done.InstanceId))!.RuntimeStatus);
    }

    [Fact]
    public async Task Sub_orchestration_failure_reaches_the_parent_with_details()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Child", (_, _) => Throw<Task<string>>(new InvalidOperationException("child broke")))
            .AddOrchestratorFunc<object?, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("Child");
                }
                catch (Microsoft.DurableTask.TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorMessage;
                }
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal("child broke", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Continue_as_new_restarts_with_new_input_and_a_fresh_history()
    {
        await using var h = await StartAsync(r => r
            .AddActivityFunc<int, int>("Inc", (_, x) => x + 1)
            .AddOrchestratorFunc<int, int>("Loop", async (ctx, x) =>
            {
                var next = await ctx.CallActivityAsync<int>("Inc", x);
                if (next < 5)
                {
                    ctx.ContinueAsNew(next);
                }
                return next;
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Loop", 0);
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());

        Assert.Equal(5, done.ReadOutputAs<int>());
        Assert.Equal(4, done.ReadInputAs<int>());
        var history = await h.Client.GetHistoryAsync(id);
        Assert.Single(history.Of(Kind.ExecutionStarted));
        Assert.Single(history.Of(Kind.TaskScheduled));
    }

    [Fact]
    public async Task Continue_as_new_carries_unprocessed_events_to_the_next_execution()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<int, string>("Generations", async (ctx, generation) =>
            {
                if (generation == 0)
                {
                    await ctx.WaitForExternalEvent<string>("Go");
                    ctx.ContinueAsNew(1);
                    return "";
                }
                return await ctx.WaitForExternalEvent<string>("Kept");
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Generations", 0);
        await h.Client.RaiseEventAsync(id, "Kept", "carried");
        await h.WaitForHistoryAsync(id, hist => hist.Of(Kind.EventRaised).Any());
        await h.Client.RaiseEventAsync(id, "Go", "now");

        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal("carried", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Retries_back_off_on_durable_timers_until_the_activity_succeeds()
    {
        var attempts = 0;
        await using var h = await StartAsync(r => r
            .AddActivityFunc<object?, int>("Flaky", (_, _) =>
            {
                if (Interlocked.Increment(ref attempts) < 3) throw new TimeoutException("department system busy");
                return attempts;
            })
            .AddOrchestratorFunc<object?, int>("Caller", (ctx, _) =>
                ctx.CallActivityAsync<int>("Flaky", null, TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromMinutes(1), 2.0)))));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Caller");
        await h.WaitForTimersAsync(id, 1);
        await h.Clock.AdvanceAsync(TimeSpan.FromSeconds(59));
        await h.Worker.DrainOnceAsync();
        Assert.Equal(1, Volatile.Read(ref attempts));
        await h.Clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        await h.WaitForTimersAsync(id, 2);
        var timers = (await h.Client.GetHistoryAsync(id)).Of(Kind.TimerCreated).ToList();
        Assert.Equal(TimeSpan.FromMinutes(1), timers[0].TimerCreated.FireAt.ToDateTime() - timers[0].Timestamp.ToDateTime());
        Assert.Equal(TimeSpan.FromMinutes(2), timers[1].TimerCreated.FireAt.ToDateTime() - timers[1].Timestamp.ToDateTime());
        await h.Clock.AdvanceAsync(TimeSpan.FromMinutes(2));

        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal(3, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Retries_stop_at_the_limit_and_the_failure_propagates_with_details()
    {
        await using var h = await StartAsync(r => r
            .AddActivityFunc<object?, int>("Broken", (_, _) => Throw<int>(new ArgumentException("bad material")))
            .AddOrchestratorFunc<object?, int>("Caller", (ctx, _) =>
                ctx.CallActivityAsync<int>("Broken", null, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromSeconds(10))))));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Caller");
        await h.WaitForTimersAsync(id);
        await h.Clock.AdvanceAsync(TimeSpan.FromSeconds(10));

        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("bad material", done.FailureDetails!.ErrorMessage);
        // Microsoft's model: the orchestration failed on a TaskFailedException whose inner failure is the activity's.
        Assert.True(done.FailureDetails.InnerFailure!.IsCausedBy<ArgumentException>());
        Assert.Equal(2, (await h.Client.GetHistoryAsync(id)).Of(Kind.TaskFailed).Count());
    }

    [Fact]
    public async Task Retry_policy_handle_predicate_skips_failures_not_worth_retrying()
    {
        var calls = 0;
        await using var h = await StartAsync(r => r
            .AddActivityFunc<object?, int>("Rejects", (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Throw<int>(new InvalidOperationException("permanent"));
            })
            .AddOrchestratorFunc<object?, int>("Caller", (ctx, _) =>
                ctx.CallActivityAsync<int>("Rejects", null, TaskOptions.FromRetryPolicy(
                    new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = f => f.IsCausedBy<TimeoutException>() }))));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Caller");
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Orchestrator_exception_fails_the_instance_with_type_and_message()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Thrower", (_, _) => Throw<Task<int>>(new FormatException("form invalid"))));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Thrower");
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(FormatException).FullName, done.FailureDetails!.ErrorType);
        Assert.Equal("form invalid", done.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task Unknown_orchestrator_fails_with_a_clear_reason()
    {
        await using var h = await StartAsync(_ => { });
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Nobody");
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("Nobody", done.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task Terminate_stops_a_waiting_instance_and_late_events_change_nothing()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never")));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await h.WaitForHistoryAsync(id, hist => hist.Of(Kind.ExecutionStarted).Any());
        await h.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions(Output: "withdrawn by applicant"));
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("withdrawn by applicant", done.ReadOutputAs<string>());
        var before = (await h.Client.GetHistoryAsync(id)).Count;
        await h.Client.RaiseEventAsync(id, "Never", "late");
        await h.Worker.DrainOnceAsync();
        Assert.Equal(before, (await h.Client.GetHistoryAsync(id)).Count);
    }

    [Fact]
    public async Task Purge_removes_a_finished_instance_but_refuses_a_running_one()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Echo", (_, x) => Task.FromResult(x))
            .AddOrchestratorFunc<object?, int>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<int>("x")));

        var done = await h.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 1);
        var running = await h.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await h.Client.WaitForInstanceCompletionAsync(done, true, EngineHarness.Timeout());

        Assert.Equal(0, (await h.Client.PurgeInstanceAsync(running)).PurgedInstanceCount);
        Assert.Equal(1, (await h.Client.PurgeInstanceAsync(done)).PurgedInstanceCount);
        Assert.Null(await h.Client.GetInstanceAsync(done));
        Assert.Empty(await h.Client.GetHistoryAsync(done));
        Assert.Equal(0, (await h.Client.PurgeInstanceAsync(done)).PurgedInstanceCount);
    }

    [Fact]
    public async Task Query_filters_by_status_and_creation_time_and_pages()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Echo", (_, x) => Task.FromResult(x))
            .AddOrchestratorFunc<object?, int>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<int>("x")));

        var finished = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            finished.Add(await h.Client.ScheduleNewOrchestrationInstanceAsync("Echo", i, new StartOrchestrationOptions { InstanceId = $"q-{i}" }));
            await h.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));
        }
        var waiting = await h.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, new StartOrchestrationOptions { InstanceId = "q-w" });
        foreach (var id in finished) await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        await h.Client.WaitForInstanceAsync(waiting, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running, EngineHarness.Timeout());

        var completed = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (page, next) = await Page(h, new OrchestrationQuery
            {
                Statuses = [OrchestrationRuntimeStatus.Completed],
                PageSize = 2,
                ContinuationToken = token,
            });
            completed.AddRange(page.Select(p => p.InstanceId));
            token = next;
            pages++;
        }
        while (token is not null);
        Assert.Equal(finished, completed);
        Assert.Equal(3, pages);

        var (window, _) = await Page(h, new OrchestrationQuery
        {
            CreatedFrom = EngineHarness.Epoch.AddMinutes(1),
            CreatedTo = EngineHarness.Epoch.AddMinutes(2),
        });
        Assert.Equal(["q-1", "q-2"], window.Select(w => w.InstanceId));

        var (running, _) = await Page(h, new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running] });
        Assert.Equal(["q-w"], running.Select(w => w.InstanceId));
    }

    [Fact]
    public async Task Scheduling_an_existing_id_answers_it_again_for_an_identical_request_and_conflicts_otherwise()
    {
        await using var h = await StartAsync(r => r.AddOrchestratorFunc<int, int>("Echo", (_, x) => Task.FromResult(x)));
        var options = new StartOrchestrationOptions { InstanceId = "app-1" };

        await h.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 7, options);
        Assert.Equal("app-1", await h.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 7, options));
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => h.Client.ScheduleNewOrchestrationInstanceAsync("Echo", 8, options));
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => h.Client.ScheduleNewOrchestrationInstanceAsync("Other", 7, options));
    }

    [Fact]
    public async Task Raising_an_event_on_an_unknown_instance_says_so()
    {
        await using var h = await StartAsync(_ => { });
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.RaiseEventAsync("missing", "x"));
    }

    [Fact]
    public async Task Custom_status_and_deterministic_ids_are_readable_without_replay()
    {
        await using var h = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Status", async (ctx, _) =>
            {
                var id = ctx.NewGuid();
                var roll = ctx.NewGuid().GetHashCode() % 1000;
                ctx.SetCustomStatus(new { id, roll });
                await ctx.WaitForExternalEvent<string>("go");
                var again = ctx.NewGuid();
                return $"{id}|{roll}|{again}";
            }));

        var instance = await h.Client.ScheduleNewOrchestrationInstanceAsync("Status", null, new StartOrchestrationOptions { InstanceId = "det-1" });
        var status = await h.Client.WaitForInstanceAsync(instance, m => m.SerializedCustomStatus is not null, EngineHarness.Timeout());
        await h.Client.RaiseEventAsync(instance, "go");
        var done = await h.Client.WaitForInstanceCompletionAsync(instance, true, EngineHarness.Timeout());

        var parts = done.ReadOutputAs<string>()!.Split('|');
        Assert.Contains(parts[0], status.SerializedCustomStatus);
        Assert.Contains(parts[1], status.SerializedCustomStatus);
        Assert.NotEqual(parts[0], parts[2]);
    }

    [Fact]
    public async Task Large_payloads_round_trip_through_history()
    {
        var big = new string('材', 200_000);
        await using var h = await StartAsync(r => r
            .AddActivityFunc<string, string>("Echo", (_, s) => s)
            .AddOrchestratorFunc<string, int>("Big", async (ctx, s) => (await ctx.CallActivityAsync<string>("Echo", s)).Length));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Big", big);
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());

        Assert.Equal(big.Length, done.ReadOutputAs<int>());
        var history = await h.Client.GetHistoryAsync(id);
        Assert.Equal(big, System.Text.Json.JsonSerializer.Deserialize<string>(history.Of(Kind.TaskCompleted).Single().TaskCompleted.Result));
    }

    private static async Task<(IReadOnlyList<OrchestrationMetadata> Page, string? Next)> Page(EngineHarness h, OrchestrationQuery query)
    {
        await foreach (var page in h.Client.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, query.PageSize))
        {
            return (page.Values, page.ContinuationToken);
        }
        return ([], null);
    }
}
