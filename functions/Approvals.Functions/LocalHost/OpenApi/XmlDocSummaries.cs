using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Approvals.Functions.LocalHost.OpenApi;

/// <summary>
/// The <c>&lt;summary&gt;</c> comments of the app's types and methods, read from the documentation file the build writes
/// beside the assembly, so the OpenAPI document says in words what each function does.
/// </summary>
public sealed partial class XmlDocSummaries
{
    private readonly IReadOnlyDictionary<string, string> summaries;

    private XmlDocSummaries(IReadOnlyDictionary<string, string> summaries) => this.summaries = summaries;

    /// <summary>The summaries of <paramref name="assembly"/>; none when its documentation file is absent.</summary>
    public static XmlDocSummaries Of(Assembly assembly)
    {
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(file)) return new(new Dictionary<string, string>());
        var members = XDocument.Load(file).Descendants("member")
            .Select(m => (Name: (string?)m.Attribute("name"), Summary: m.Element("summary")))
            .Where(m => m.Name is not null && m.Summary is not null)
            .GroupBy(m => m.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Flatten(g.First().Summary!), StringComparer.Ordinal);
        return new(members);
    }

    /// <summary>The method's own summary, else its class's.</summary>
    public string? For(MethodInfo method)
    {
        var type = method.DeclaringType!;
        var typeName = type.FullName!.Replace('+', '.');
        var ownPrefix = $"M:{typeName}.{method.Name}(";
        var own = summaries.FirstOrDefault(s => s.Key.StartsWith(ownPrefix, StringComparison.Ordinal)).Value;
        return own ?? summaries.GetValueOrDefault($"T:{typeName}");
    }

    /// <summary>The text of a summary with <c>&lt;see cref&gt;</c> turned into the name it points to and the spacing of the source removed.</summary>
    private static string Flatten(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "seealso" } e => ((string?)e.Attribute("cref"))?.Split('.', ':').Last() ?? (string?)e.Attribute("langword") ?? e.Value,
            XElement e => e.Value,
            _ => "",
        }));
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
