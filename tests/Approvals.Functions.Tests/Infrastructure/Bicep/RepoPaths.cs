namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>Where the template and the function folders are, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string InfraBicep => Path.Combine(Root, "infra-bicep");

    public static string Functions => Path.Combine(Root, "functions");

    public static string ParametersFile => Path.Combine(InfraBicep, "main.parameters.json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test folder.");
    }
}
