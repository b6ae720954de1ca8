namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>Where the template, host.json and the built function metadata are, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string InfraBicep => Path.Combine(Root, "infra-bicep");

    public static string Functions => Path.Combine(Root, "functions");

    public static string ParametersFile => Path.Combine(InfraBicep, "main.parameters.json");

    /// <summary>
    /// The functions.metadata the Worker SDK wrote for the Function App's build in the tests' configuration (the
    /// file the Functions host reads to learn every function, trigger and binding).
    /// </summary>
    public static string FunctionsMetadata
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = Path.Combine(Functions, "Approvals.Functions", "bin", configuration, "net10.0", "functions.metadata");
            return File.Exists(path) ? path : throw new FileNotFoundException($"functions.metadata not found at {path}: build the solution first", path);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test folder.");
    }
}
