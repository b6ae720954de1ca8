using Approvals.Functions.Endpoints;
using Approvals.Orchestrations;
using DurableTasks.Worker;
using Approvals.Functions.Identity;
using DurableTasks.Backends;
using DurableTasks.Backends.Sqlite;
using DurableTasks.DependencyInjection;
using DurableTasks.Time;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;

namespace Approvals.Functions.Hosting;

/// <summary>Builds the one executable: portal API, department and timer handlers, and the engine's worker.</summary>
public static class AppHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (ListenAddress.Resolve(builder.Configuration) is { } url) builder.WebHost.UseUrls(url);
        configure?.Invoke(builder);

        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(PortalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClockOptions>().Bind(builder.Configuration.GetSection(ClockOptions.Section));
        services.AddProblemDetails();
        services.AddExceptionHandler<Problems.BadRequestExceptionHandler>();
        services.AddOpenApi();
        services.AddCallerAuthentication(builder.Configuration);
        services.AddAuthentication(CallerAuthenticationHandler.SchemeName).AddCallerScheme();
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Applicant, p => p.RequireRole(Roles.Applicant))
            .AddPolicy(Roles.Department, p => p.RequireRole(Roles.Department))
            .AddPolicy(Roles.Supervisor, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy("Authenticated", p => p.RequireAuthenticatedUser());

        AddClock(builder);
        AddEngine(builder);
        services.AddApprovals(builder.Configuration);
        AddLocalTriggers(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealth();
        app.MapPortalPage();
        app.MapCatalog();
        app.MapSubmissions();
        app.MapApplications();
        app.MapMaterials();
        app.MapDepartments();
        app.MapCredit();
        app.MapPublic();
        app.MapSupervision();
        app.MapJointAcceptance();
        app.MapDeadLetters();
        app.MapEngineInvocations();
        app.MapTriggerInvocations();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevClock();
            app.MapDevQueue();
        }
        return app;
    }

    private static void AddClock(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            // Development runs on a virtual clock that only moves when told to (POST /api/dev/clock/advance), stepping
            // through every durable timer on the way.
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

    private static void AddEngine(WebApplicationBuilder builder)
    {
        // On an App Service / Functions instance the local disk is the instance's own: durable state there is lost when
        // the instance goes. In Azure the durable state belongs to Durable Functions, so refuse rather than lose it.
        if (!string.IsNullOrEmpty(builder.Configuration["WEBSITE_INSTANCE_ID"]) && !builder.Configuration.GetValue("Durable:AllowEmbeddedOnAppService", false))
        {
            throw new InvalidOperationException(
                "This build keeps durable state in the embedded SQLite backend, which must not run on an Azure instance's local disk. " +
                "Deploy the isolated-worker Function App (Durable Functions) instead, or set Durable__AllowEmbeddedOnAppService=true for a throwaway test.");
        }
        // The durable state lives in the embedded backend locally whatever the stores' mode (in Azure it is Durable Functions').
        builder.Services.AddEmbeddedDurableTasks(
            sp => new SqliteOrchestrationStore(
                new SqliteStoreOptions { DatabasePath = Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path, "durable.db") },
                sp.GetRequiredService<TimeProvider>()),
            registry => ApprovalWorkflow.Register(registry),
            new EmbeddedWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(250) });
        builder.Services.AddSingleton<IHostedService, EngineInitializer>();
    }

    /// <summary>
    /// Locally the process is its own Functions host: department responses come from the embedded queue and the timers
    /// run in-process on the app's clock (virtual in Development). In Azure the host's triggers call the same jobs.
    /// </summary>
    private static void AddLocalTriggers(WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Triggers:Local", true) is false) return;
        builder.Services.AddSingleton<DepartmentResponsePump>();
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DepartmentResponsePump>());
        builder.Services.AddSingleton<IHostedService>(sp => new DailySchedule("CommitmentAudit", new TimeOnly(1, 0),
            (at, ct) => sp.GetRequiredService<SupervisionJobs>().AuditAsync(at, ct), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DailySchedule>>()));
        builder.Services.AddSingleton<IHostedService>(sp => new DailySchedule("MonthlyReport", new TimeOnly(2, 0),
            (at, ct) => sp.GetRequiredService<SupervisionJobs>().MonthlyReportIfDueAsync(at, ct), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DailySchedule>>()));
    }

    /// <summary>
    /// Creates the engine's tables before anything is served. A store that cannot be reached is logged in one line
    /// and left to the worker, which keeps retrying; /api/health says what is wrong meanwhile.
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
                logger.LogError("Storage is not reachable: {Problem}. The app starts anyway and keeps retrying; see /api/health", ex.GetBaseException().Message);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
