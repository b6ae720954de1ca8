using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Approvals.Functions.Tests.Demo;

/// <summary>
/// <c>dotnet run --project functions/Approvals.Functions -- demo</c> plays the whole story through the public API, as a
/// newcomer runs it: a separate process, its own data folder, exit code 0 and the story's last lines printed.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("approvals-demo-").FullName;

    [Fact]
    public async Task Demo_plays_every_chapter_to_the_certified_joint_acceptance_and_writes_its_report()
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Approvals.Functions.dll"), "demo"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        var text = await output;
        Assert.True(process.ExitCode == 0, $"the demo exited {process.ExitCode}:\n{text}\n{await errors}");
        Assert.Contains("一次性告知 one-time notice", text, StringComparison.Ordinal);
        Assert.Contains("red light, escalated", text, StringComparison.Ordinal);
        Assert.Contains("false commitment", text, StringComparison.Ordinal);
        Assert.Contains("commitment route refused", text, StringComparison.Ordinal);
        Assert.Contains("accepted means certified", text, StringComparison.Ordinal);
        Assert.Contains("the centre has not called: red light", text, StringComparison.Ordinal);
        Assert.Contains("the opinion follows the supply", text, StringComparison.Ordinal);
        Assert.Contains("POWER missed its survey limit: red light", text, StringComparison.Ordinal);
        Assert.Contains("water and power connected", text, StringComparison.Ordinal);
        var report = Directory.GetFiles(Path.Combine(workingDirectory, ".data"), "demo-report.html", SearchOption.AllDirectories);
        var html = await File.ReadAllTextAsync(Assert.Single(report));
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);

        // Issue 14, defect 10: times to the minute, inspections on working days in office hours, site findings at or after
        // the booked inspection, and a 3-working-day joint acceptance that takes working days.
        Assert.DoesNotMatch(RawTicks, text);
        Assert.DoesNotMatch(RawTicks, html);
        var calendar = Approvals.Calendar.WorkingDayCalendar.FromEmbeddedData();
        var inspections = Regex.Matches(text, @"^(\d{4}-\d{2}-\d{2}) \S+ (\d{2}):\d{2}  \w+ inspected ", RegexOptions.Multiline);
        Assert.NotEmpty(inspections);
        Assert.All(inspections, m =>
        {
            Assert.True(calendar.IsWorkingDay(DateOnly.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)), $"inspection on a day off: {m.Value}");
            Assert.InRange(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), 9, 16);
        });
        var booked = Regex.Match(text, @"joint site inspection booked for (\d{4})-(\d{2}-\d{2} \d{2}:\d{2})");
        Assert.True(booked.Success, "the joint acceptance's timeline names no booking");
        var findings = Regex.Matches(text, @"^   (\d{2}-\d{2} \d{2}:\d{2})  \w+ recorded its site findings", RegexOptions.Multiline);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.True(string.CompareOrdinal(f.Groups[1].Value, booked.Groups[2].Value) >= 0, $"findings at {f.Groups[1].Value} before the booking {booked.Groups[2].Value}"));
        Assert.True(calendar.IsWorkingDay(DateOnly.Parse($"{booked.Groups[1].Value}-{booked.Groups[2].Value[..5]}", CultureInfo.InvariantCulture)), $"booked on a day off: {booked.Value}");
        var joint = Regex.Matches(text, @"^== \S+ \(closed, risk \w+, (\d+) working days on the clock\)", RegexOptions.Multiline)[^1];
        Assert.InRange(int.Parse(joint.Groups[1].Value, CultureInfo.InvariantCulture), 1, 3);
    }

    private static readonly Regex RawTicks = new(@"\d{2}:\d{2}:\d{2}\.\d{4,}");

    public void Dispose()
    {
        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
