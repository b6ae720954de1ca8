using Microsoft.Extensions.Options;

namespace Approvals.Functions.Identity;

public static class CallerAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICallerAuthentication"/> with its options from <c>Auth</c> (validated at start; mandatory
    /// outside Development) and <c>WEBSITE_AUTH_ENABLED</c> from the environment. Host-agnostic: a Functions worker calls
    /// this too and then <see cref="ICallerAuthentication.AuthenticateAsync(HttpRequest, CancellationToken)"/> itself.
    /// </summary>
    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CallerAuthenticationOptions>()
            .Bind(configuration.GetSection(CallerAuthenticationOptions.Section))
            .Configure(o => o.PlatformAuthenticationEnabled = string.Equals(
                configuration[CallerAuthenticationOptions.PlatformAuthenticationSetting], "True", StringComparison.OrdinalIgnoreCase))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CallerAuthenticationOptions>, CallerAuthenticationOptionsValidator>();
        services.AddHttpClient(CallerAuthentication.MetadataHttpClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ICallerAuthentication>(sp => new CallerAuthentication(
            sp.GetRequiredService<IOptions<CallerAuthenticationOptions>>(),
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILogger<CallerAuthentication>>(),
            httpClients: sp.GetRequiredService<IHttpClientFactory>()));
        return services;
    }
}
