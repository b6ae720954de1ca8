namespace Approvals.Functions.Hosting;

/// <summary>
/// The command-line shortcut <c>--storage azurite</c> (or <c>--storage "&lt;connection string&gt;"</c>): Azure Storage
/// instead of the embedded default, spelled as the configuration keys it stands for.
/// </summary>
public static class StorageSwitch
{
    public const string AzuriteConnectionString = "UseDevelopmentStorage=true";

    public static string[] Expand(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--storage" && i + 1 < args.Length)
            {
                var value = args[++i];
                result.Add("--Storage:Mode=azure");
                result.Add($"--Storage:ConnectionString={(value == "azurite" ? AzuriteConnectionString : value)}");
            }
            else
            {
                result.Add(args[i]);
            }
        }
        return [.. result];
    }
}
