namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>A declared resource with the file it is declared in.</summary>
public sealed record DeclaredResource(BicepFile File, BicepResource Resource)
{
    public string Where => $"{File.Path}({Resource.Line}) '{Resource.Symbol}'";

    /// <summary>The resource's object body, looking through <c>if</c> and <c>for</c>.</summary>
    public BicepObject? Body => BicepTemplate.Unwrap(Resource.Value);
}

/// <summary>
/// main.bicep and every module it references (recursively), parsed. Files can be rewritten in memory before
/// parsing, which is how the tests prove the checks fail on drift.
/// </summary>
public sealed class BicepTemplate
{
    private BicepTemplate(IReadOnlyList<BicepFile> files) => Files = files;

    public IReadOnlyList<BicepFile> Files { get; }

    /// <param name="directory">The folder holding main.bicep.</param>
    /// <param name="rewrite">Optional in-memory change of a file's text: (relative path, text) → text.</param>
    public static BicepTemplate Load(string directory, Func<string, string, string>? rewrite = null)
    {
        var files = new List<BicepFile>();
        var pending = new Queue<string>(["main.bicep"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var relative))
        {
            if (!seen.Add(relative)) continue;
            var text = File.ReadAllText(Path.Combine(directory, relative));
            if (rewrite is not null) text = rewrite(relative, text);
            var file = BicepParser.Parse(text, relative);
            files.Add(file);
            var folder = Path.GetDirectoryName(relative) ?? "";
            foreach (var module in file.Modules)
            {
                pending.Enqueue(Path.GetRelativePath(directory, Path.GetFullPath(Path.Combine(directory, folder, module.Path))).Replace('\\', '/'));
            }
        }
        return new BicepTemplate(files);
    }

    /// <summary>Resources of exactly this type (case-insensitive, as ARM treats types), declared (not <c>existing</c>) unless asked.</summary>
    public IEnumerable<DeclaredResource> Resources(string type, bool includeExisting = false) =>
        from file in Files
        from resource in file.Resources
        where string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase) && (includeExisting || !resource.Existing)
        select new DeclaredResource(file, resource);

    public static BicepObject? Unwrap(BicepValue value) => value switch
    {
        BicepObject o => o,
        BicepIf i => Unwrap(i.Body),
        BicepFor f => Unwrap(f.Body),
        _ => null,
    };

    /// <summary>
    /// The names a resource declaration creates: a literal <c>name</c>, or a loop variable over a variable whose
    /// value is an array of literals. Anything else is reported as unresolved rather than guessed.
    /// </summary>
    public static NameResolution ResolveNames(DeclaredResource declared)
    {
        var value = declared.Resource.Value is BicepIf conditional ? conditional.Body : declared.Resource.Value;
        if (value is BicepObject body)
        {
            return body["name"] is BicepString name
                ? NameResolution.Of(name.Value)
                : NameResolution.Fail($"{declared.Where}: name is not a string literal");
        }
        if (value is BicepFor loop && Unwrap(loop.Body) is { } loopBody)
        {
            if (loopBody["name"] is not BicepExpression { Identifier: { } nameVariable } || nameVariable != loop.ItemVariable)
            {
                return NameResolution.Fail($"{declared.Where}: name in a loop must be the loop variable '{loop.ItemVariable}'");
            }
            return ResolveStringArray(declared.File, loop.Source) is { } names
                ? NameResolution.Of([.. names])
                : NameResolution.Fail($"{declared.Where}: loop source '{loop.Source.Text}' is not a variable holding string literals");
        }
        return NameResolution.Fail($"{declared.Where}: unsupported resource value");
    }

    /// <summary>A variable reference whose value is an array of string literals, or null.</summary>
    public static IReadOnlyList<string>? ResolveStringArray(BicepFile file, BicepValue value)
    {
        if (value is BicepExpression { Identifier: { } name } && file.Variable(name) is { } variable) value = variable.Value;
        if (value is not BicepArray array) return null;
        var strings = array.Items.OfType<BicepString>().Select(s => s.Value).ToList();
        return strings.Count == array.Items.Count ? strings : null;
    }

    /// <summary>
    /// The app settings of the template: <c>properties.siteConfig.appSettings</c> of every declared Microsoft.Web/sites
    /// resource, and the properties of every Microsoft.Web/sites/config resource named <c>appsettings</c>.
    /// </summary>
    public IReadOnlyList<AppSetting> AppSettings()
    {
        var settings = new List<AppSetting>();
        foreach (var site in Resources("Microsoft.Web/sites"))
        {
            var list = site.Body?["properties"] is BicepObject properties && properties["siteConfig"] is BicepObject siteConfig
                ? siteConfig["appSettings"]
                : null;
            if (list is BicepExpression { Identifier: { } name } && site.File.Variable(name) is { } variable) list = variable.Value;
            if (list is null) continue;
            if (list is not BicepArray array)
            {
                settings.Add(new AppSetting($"<unreadable appSettings at line {list.Line}>", list, site.Where));
                continue;
            }
            foreach (var item in array.Items)
            {
                settings.Add(item is BicepObject setting && setting["name"] is BicepString settingName && setting["value"] is { } settingValue
                    ? new AppSetting(settingName.Value, settingValue, site.Where)
                    : new AppSetting($"<unreadable app setting at line {item.Line}>", item, site.Where));
            }
        }
        foreach (var config in Resources("Microsoft.Web/sites/config").Where(c => c.Body?["name"] is BicepString { Value: "appsettings" }))
        {
            if (config.Body?["properties"] is BicepObject properties)
            {
                settings.AddRange(properties.Properties.Select(p => new AppSetting(p.Key, p.Value, config.Where)));
            }
            else
            {
                settings.Add(new AppSetting($"<unreadable appsettings at line {config.Resource.Line}>", config.Resource.Value, config.Where));
            }
        }
        return settings;
    }
}

public sealed record AppSetting(string Name, BicepValue Value, string Where)
{
    /// <summary>The value when it is a string literal.</summary>
    public string? Literal => (Value as BicepString)?.Value;
}

public sealed record NameResolution(IReadOnlyList<string> Names, string? Problem)
{
    public static NameResolution Of(params string[] names) => new(names, null);

    public static NameResolution Fail(string problem) => new([], problem);
}
