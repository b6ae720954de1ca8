using System.Text.RegularExpressions;

namespace Approvals.Tests.Orchestrations;

/// <summary>Orchestration code must replay identically: no wall clock, no fresh GUIDs, no unseeded randomness, no escaping the orchestration thread.</summary>
public sealed partial class DeterminismGuardTests
{
    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|Guid\.NewGuid\(|new\s+Random\(|Random\.Shared|Task\.Run\(|ConfigureAwait\(false\)|Thread\.Sleep|Task\.Delay\(|Environment\.TickCount|Stopwatch|TimeProvider\.System")]
    private static partial Regex Forbidden();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found.");
    }

    [Fact]
    public void Orchestration_code_reads_time_ids_and_randomness_only_from_the_context()
    {
        var folder = Path.Combine(RepoRoot(), "shared", "Approvals", "Orchestrations");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var offences = files
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && Forbidden().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(offences.Count == 0, "Non-deterministic calls in orchestration code:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_guard_catches_what_it_is_meant_to_catch()
    {
        Assert.Matches(Forbidden(), "var now = DateTime.UtcNow;");
        Assert.Matches(Forbidden(), "var id = Guid.NewGuid();");
        Assert.Matches(Forbidden(), "var r = new Random(42);");
        Assert.Matches(Forbidden(), "await Task.Run(() => x);");
        Assert.DoesNotMatch(Forbidden(), "var now = context.CurrentUtcDateTime;");
    }
}
