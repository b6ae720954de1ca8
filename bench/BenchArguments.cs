using System.Globalization;

namespace Bench;

/// <summary>The command line: a mode and --key value options.</summary>
internal sealed record BenchArguments(string Mode, IReadOnlyDictionary<string, string> Options)
{
    public static BenchArguments Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected an option, got '{args[i]}'.");
            options[args[i][2..]] = args[i + 1];
        }
        return new BenchArguments(args.Length > 0 ? args[0] : "", options);
    }

    public string Get(string key, string fallback) => Options.TryGetValue(key, out var value) ? value : fallback;

    public int GetInt(string key, int fallback) => Options.TryGetValue(key, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
