using Approvals.Functions.Endpoints;
using Approvals.Functions.Identity;
using DurableTasks.Backends;
using DurableTasks.Backends.Sqlite;
using DurableTasks.DependencyInjection;
using DurableTasks.Time;
using Microsoft.AspNetCore.Authentication;
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
        services.AddAuthentication(DevTokenAuthenticationHandler.SchemeName)
            .AddPolicyScheme(DevTokenAuthenticationHandler.SchemeName + "OrAppService", null, o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(AppServicePrincipalAuthenticationHandler.Header)
                    ? AppServicePrincipalAuthenticationHandler.SchemeName
                    : DevTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, DevTokenAuthenticationHandler>(DevTokenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AppServicePrincipalAuthenticationHandler>(AppServicePrincipalAuthenticationHandler.SchemeName, null);
        services.Configure<AuthenticationOptions>(o => o.DefaultScheme = DevTokenAuthenticationHandler.SchemeName + "OrAppService");
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Applicant, p => p.RequireRole(Roles.Applicant))
            .AddPolicy(Roles.Department, p => p.RequireRole(Roles.Department))
            .AddPolicy(Roles.Supervisor, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy("Authenticated", p => p.RequireAuthenticatedUser());

        AddClock(builder);
        AddEngine(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealth();
        app.MapEngineInvocations();
        if (app.Environment.IsDevelopment()) app.MapDevClock();
        return app;
    }

    private static void AddClock(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            // Development runs on a virtual clock that only moves when told to (POST /api/dev/clock/advance).
            builder.Services.AddSingleton(sp =>
            {
                var start = sp.GetRequiredService<IOptions<ClockOptions>>().Value.Start ?? DateTimeOffset.UtcNow;
                return new ControllableTimeProvider(start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            });
            builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ControllableTimeProvider>());
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }
    }

    private static void AddEngine(WebApplicationBuilder builder)
    {
        builder.Services.AddDurableTasks(
            sp =>
            {
                var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                if (storage.Mode != "embedded")
                {
                    throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions),
                        [$"Storage:Mode '{storage.Mode}' has no engine backend in this build; use 'embedded'."]);
                }
                return new SqliteOrchestrationStore(
                    new SqliteStoreOptions { DatabasePath = Path.Combine(storage.Path, "engine.db") },
                    sp.GetRequiredService<TimeProvider>());
            },
            _ => { });
        builder.Services.AddSingleton<IHostedService, EngineInitializer>();
    }

    /// <summary>Creates the engine's tables before anything is served.</summary>
    private sealed class EngineInitializer(IOrchestrationStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
