using Approvals.Functions.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Approvals.Functions.Demo;

/// <summary>
/// <c>dotnet run --project functions/Approvals.Functions -- demo</c>: starts the app on a fresh embedded store with a
/// virtual clock at Monday 2026-09-28 09:00 (Shanghai), plays the scripted story through the public API, prints the
/// timeline and writes an HTML report next to the data.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = Path.GetFullPath(Path.Combine(".data", $"demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
        var app = AppHost.Build(
        [
            "--environment", "Development",
            "--urls", "http://127.0.0.1:0",
            $"--Storage:Path={folder}",
            "--Clock:Start=2026-09-28T09:00:00+08:00",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            .. args,
        ]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var story = new DemoStory(new DemoApi(new Uri(address)), Console.Out);
            var record = await story.PlayAsync();
            var report = Path.Combine(folder, "demo-report.html");
            await File.WriteAllTextAsync(report, DemoReport.Html(record));
            Console.WriteLine();
            Console.WriteLine($"HTML report: {report}");
            Console.WriteLine($"Data:        {folder}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
