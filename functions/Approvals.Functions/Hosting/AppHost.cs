using Approvals.Functions.LocalHost;
using Approvals.Functions.Problems;
using Approvals.Stores.Embedded;
using DurableTasks.Backends;
using DurableTasks.Backends.Sqlite;
using DurableTasks.DependencyInjection;
using DurableTasks.Time;
using DurableTasks.Worker;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Functions.Hosting;

/// <summary>
/// The local host: one process on 127.0.0.1:7071 that runs the Function App's own functions without the Functions
/// host, Azure or an emulator: HTTP triggers on their routes, the queue trigger fed by the embedded queue, timer
/// triggers on their schedules, orchestrations and activities on the embedded durable backend.
/// </summary>
public static class AppHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot() });
        if (ListenAddress.Resolve(builder.Configuration) is { } url) builder.WebHost.UseUrls(url);
        configure?.Invoke(builder);

        var functions = FunctionIndex.Of(typeof(AppHost).Assembly);
        var settings = HostSettings.Load();
        // Tests and drills shorten how long a taken message stays hidden (host.json's visibilityTimeout otherwise).
        if (builder.Configuration.GetValue<double?>("Queues:DepartmentResponses:VisibilitySeconds") is { } visibility)
        {
            settings = settings with { VisibilityTimeout = TimeSpan.FromSeconds(Math.Clamp(visibility, 1, 3600)) };
        }
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddProblemDetails();
        services.AddSingleton(LocalHost.OpenApi.XmlDocSummaries.Of(typeof(AppHost).Assembly));
        services.AddOpenApi(options => options.AddOperationTransformer<LocalHost.OpenApi.FunctionOperations>().AddDocumentTransformer<LocalHost.OpenApi.BearerSecurity>());
        AddClock(builder);
        AddEngine(builder, functions);
        services.AddFunctionApp(builder.Configuration);
        if (builder.Configuration.GetValue("Triggers:Local", true))
        {
            services.AddSingleton(sp => new LocalQueueTriggers(functions, sp.GetRequiredService<EmbeddedDatabase>(), sp, settings, sp.GetRequiredService<ILogger<LocalQueueTriggers>>()));
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<LocalQueueTriggers>());
            services.AddSingleton(sp => new LocalTimerTriggers(functions, sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocalTimerTriggers>>()));
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<LocalTimerTriggers>());
        }

        var app = builder.Build();
        app.UseStatusCodePages();
        // The one document, at a fixed path: any other /openapi/... name falls through to the problem+json 404.
        app.MapOpenApi("/openapi/v1.json");
        app.MapFunctions(functions, settings.RoutePrefix);
        app.MapGet("/", () => Results.Redirect($"/{settings.RoutePrefix}/portal")).ExcludeFromDescription();
        app.MapFallback(() => Problem.NotFound("no function answers this route; see /openapi/v1.json")).ExcludeFromDescription();
        return app;
    }

    /// <summary>The folder with appsettings.json: the project folder under <c>dotnet run</c>, else the assembly's.</summary>
    private static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) ? current : AppContext.BaseDirectory;
    }

    private static void AddClock(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            // Development runs on a virtual clock that only moves when told to (POST /api/dev/clock/advance), stepping
            // through every durable timer and timer trigger on the way.
            builder.Services.AddSingleton(sp =>
            {
                var start = sp.GetRequiredService<IOptions<ClockOptions>>().Value.Start ?? DateTimeOffset.UtcNow;
                var clock = new FakeTimeProvider(start);
                clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
                return clock;
            });
            builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<FakeTimeProvider>());
            builder.Services.AddSingleton(sp => new VirtualClock(sp.GetRequiredService<FakeTimeProvider>(), sp.GetRequiredService<IOrchestrationStore>()));
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }
    }

    private static void AddEngine(WebApplicationBuilder builder, IReadOnlyList<LocalFunction> functions)
    {
        // On an App Service / Functions instance the local disk is the instance's own: durable state there is lost when
        // the instance goes. In Azure the durable state belongs to Durable Functions, so refuse rather than lose it.
        if (!string.IsNullOrEmpty(builder.Configuration["WEBSITE_INSTANCE_ID"]) && !builder.Configuration.GetValue("Durable:AllowEmbeddedOnAppService", false))
        {
            throw new InvalidOperationException(
                "The local host keeps durable state in the embedded SQLite backend, which must not run on an Azure instance's local disk. " +
                "In Azure the Functions host runs this app as an isolated worker (Durable Functions); set Durable__AllowEmbeddedOnAppService=true only for a throwaway test.");
        }
        builder.Services.AddEmbeddedDurableTasks(
            sp => new SqliteOrchestrationStore(
                new SqliteStoreOptions { DatabasePath = Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path, "durable.db") },
                sp.GetRequiredService<TimeProvider>()),
            registry => LocalDurableFunctions.Register(registry, functions),
            new EmbeddedWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(250) });
        builder.Services.AddSingleton<IHostedService, EngineInitializer>();
    }

    /// <summary>
    /// Creates the engine's tables before anything is served. A store that cannot be reached is left to the worker,
    /// which logs it once and keeps retrying; /api/health says what is wrong meanwhile.
    /// </summary>
    private sealed class EngineInitializer(IOrchestrationStore store, ILogger<EngineInitializer> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await store.InitializeAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The worker logs the failure itself and keeps retrying; this would only repeat it.
                logger.LogDebug("The engine's store did not open at startup: {Problem}", ex.GetBaseException().Message);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
