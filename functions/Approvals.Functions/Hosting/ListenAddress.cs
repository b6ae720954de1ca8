namespace Approvals.Functions.Hosting;

/// <summary>
/// Where the handler listens: the port the Functions host assigns (FUNCTIONS_CUSTOMHANDLER_PORT) when it
/// runs us as a custom handler, otherwise 127.0.0.1:7071, unless --urls / ASPNETCORE_URLS says otherwise.
/// </summary>
public static class ListenAddress
{
    public const int LocalPort = 7071;

    public static string? Resolve(IConfiguration configuration)
    {
        if (Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is { Length: > 0 } port)
        {
            return $"http://127.0.0.1:{port}";
        }
        return string.IsNullOrEmpty(configuration["urls"]) ? $"http://127.0.0.1:{LocalPort}" : null;
    }
}
