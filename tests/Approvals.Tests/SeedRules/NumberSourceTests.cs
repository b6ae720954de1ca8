using System.Text;
using Approvals.Catalog;
using Approvals.Intake;
using Approvals.JointAcceptance;

namespace Approvals.Tests.SeedRules;

/// <summary>
/// Issue 18, "presented as law without a source": every number officials set lives in data with a source that names
/// the seed and measure, or says "local default, configurable"; the catalog's source file exists; no doc comment calls
/// a default statutory.
/// </summary>
public sealed class NumberSourceTests
{
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Serverless.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test folder");
    }

    [Fact]
    public void Every_catalog_time_limit_and_verification_period_names_its_source()
    {
        var catalog = ItemCatalog.Embedded;
        Assert.All(catalog.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.TimeLimitSource), $"{i.Code} has no time-limit source"));
        Assert.All(catalog.Items.Where(i => i.Verification is not null), i => Assert.False(string.IsNullOrWhiteSpace(i.Verification!.Source), $"{i.Code} verification has no source"));
        Assert.Contains("7 days", catalog.Item("CP-PERMIT").TimeLimitSource, StringComparison.Ordinal);
        Assert.Contains("measure 10", catalog.Item("JA-FIRST-REGISTRATION").TimeLimitSource, StringComparison.Ordinal);
        Assert.Equal("local default, configurable", catalog.Item("CP-PLANNING").TimeLimitSource);
    }

    [Fact]
    public void The_catalog_source_points_at_a_file_that_exists()
    {
        var file = Path.GetFullPath(Path.Combine(RepositoryRoot(), ItemCatalog.Embedded.SourceFile));
        Assert.True(File.Exists(file), $"{ItemCatalog.Embedded.SourceFile} ({file}) does not exist");
    }

    [Fact]
    public void Every_policy_number_names_its_source()
    {
        var intake = IntakePolicy.Embedded;
        Assert.All(IntakePolicy.NumberPaths, p => Assert.False(string.IsNullOrWhiteSpace(intake.Sources.GetValueOrDefault(p)), $"{p} has no source"));
        var joint = JointAcceptancePolicy.Embedded;
        Assert.All(JointAcceptancePolicy.SourcedNames, n => Assert.False(string.IsNullOrWhiteSpace(joint.Sources.GetValueOrDefault(n)), $"{n} has no source"));
        Assert.All(joint.TimePlans, p => Assert.Contains("Jinan 2021", p.Source, StringComparison.Ordinal));
        Assert.Contains("local default, configurable", intake.Sources["sampling.ratios"], StringComparison.Ordinal);
        Assert.Equal((0.8, 3), (intake.Lights.YellowShare, intake.Lights.DueSoonWorkingDays));
    }

    [Fact]
    public void A_policy_number_without_a_source_is_refused_at_load()
    {
        const string json = """{"sampling":{"ratios":{"low":0.05,"medium":0.2,"high":1}},"sources":{"risk.typePoints":"local default, configurable","nonsense":"x"}}""";
        var error = Assert.Throws<InvalidDataException>(() => IntakePolicy.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains("sources.credit.brokenBarMonths is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("sources.nonsense names no number", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sources.risk.typePoints", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_doc_comment_calls_a_default_statutory()
    {
        var shared = Path.Combine(RepositoryRoot(), "shared", "Approvals");
        var offending = Directory.EnumerateFiles(shared, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Where(l => l.TrimStart().StartsWith("///", StringComparison.Ordinal) && l.Contains("statutory", StringComparison.OrdinalIgnoreCase))
                .Select(l => $"{Path.GetFileName(f)}: {l.Trim()}"))
            .ToList();
        Assert.Empty(offending);
    }
}
