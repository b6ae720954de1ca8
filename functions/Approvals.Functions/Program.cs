using Approvals.Functions.Demo;
using Approvals.Functions.Hosting;

if (args.Length > 0 && args[0] == "demo") return await DemoCommand.RunAsync(args[1..]);

if (FunctionsWorkerHost.IsStartedByFunctionsHost(args))
{
    // Under the Azure Functions host (Azure, or `func start` in the build output): an isolated worker.
    await FunctionsWorkerHost.Build(args).RunAsync();
    return 0;
}

// Everywhere else: the local host runs the same functions in this process.
var app = AppHost.Build(StorageSwitch.Expand(args));
var storage = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
app.Lifetime.ApplicationStarted.Register(() =>
{
    Console.WriteLine($"Approvals is running at {string.Join(", ", app.Urls)}  ({app.Environment.EnvironmentName})");
    Console.WriteLine($"Data: {(storage.Mode == "embedded" ? Path.GetFullPath(storage.Path) : "Azure Storage")}");
    if (app.Environment.IsDevelopment())
    {
        Console.WriteLine("Dev tokens: Authorization: Bearer dev:applicant:<USCC> | dev:department:<DEPT> | dev:supervisor:<name> | dev:steward:<name>");
    }
});
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
