using Approvals.Azure.Tests.Probes;

namespace Approvals.Azure.Tests;

/// <summary>
/// The test assembly's entry point, used only to run measurement probes in a process of their own
/// (the test runner loads the assembly as a library and never calls this).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (LargeMaterialProbe.TryParse(args, out var connectionString, out var size)) return await LargeMaterialProbe.RunAsync(connectionString, size);
        await Console.Error.WriteLineAsync("usage: large-material <connection string> <bytes>");
        return 2;
    }
}
