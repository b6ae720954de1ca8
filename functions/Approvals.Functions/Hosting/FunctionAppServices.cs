using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Triggers.Durable;

namespace Approvals.Functions.Hosting;

/// <summary>What the functions need under either host: options, identity, the HTTP call guard, the domain and its stores.</summary>
public static class FunctionAppServices
{
    public static IServiceCollection AddFunctionApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClockOptions>().Bind(configuration.GetSection(ClockOptions.Section));
        services.AddCallerAuthentication(configuration);
        // The embedded engine and client read the converter from here; under the Functions host the worker's serializer is set too.
        services.AddSingleton<Microsoft.DurableTask.DataConverter>(Json.DurablePayloads.Converter);
        services.AddSingleton<HttpCall>();
        services.AddSingleton<KeyedStarts>();
        services.AddTransient<ActivityRunner>();
        services.AddSingleton(sp => new Portal.PortalFiles(new Portal.PortalSignIn(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>())));
        services.AddApprovals(configuration);
        return services;
    }
}
