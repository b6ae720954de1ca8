using System.Text;
using Microsoft.Playwright;

namespace Approvals.Portal.Tests.Infrastructure;

/// <summary>
/// What one page asked of the network and when each answer started and ended, from now on: the evidence a failure
/// message needs when a page does not get where it should.
/// </summary>
public sealed class NetworkLog
{
    private readonly List<string> lines = [];

    private NetworkLog()
    {
    }

    public static NetworkLog Follow(IPage page)
    {
        var log = new NetworkLog();
        page.Request += (_, r) => log.Add($"asked {r.Method} {r.Url}{(r.IsNavigationRequest ? " (navigation)" : "")}");
        page.Response += (_, r) => log.Add($"answer {r.Status} {r.Request.Method} {r.Url}");
        page.RequestFinished += (_, r) => log.Add($"finished {r.Method} {r.Url}");
        page.RequestFailed += (_, r) => log.Add($"failed {r.Method} {r.Url}: {r.Failure}");
        page.FrameNavigated += (_, f) => { if (f.ParentFrame is null) log.Add($"navigated to {f.Url}"); };
        page.Load += (_, _) => log.Add("loaded");
        return log;
    }

    private void Add(string line)
    {
        lock (lines) lines.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
    }

    public override string ToString()
    {
        lock (lines) return new StringBuilder().AppendJoin('\n', lines).ToString();
    }
}
