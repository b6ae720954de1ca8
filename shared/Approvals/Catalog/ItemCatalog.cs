namespace Approvals.Catalog;

/// <summary>
/// The validated catalog (事项清单): departments and items of both procedures. Built by <see cref="CatalogLoader"/>.
/// </summary>
public sealed class ItemCatalog
{
    private readonly Dictionary<string, Department> departments;
    private readonly Dictionary<string, CatalogItem> items;

    internal ItemCatalog(IReadOnlyList<Department> departments, IReadOnlyList<CatalogItem> items)
    {
        Departments = departments;
        Items = items;
        this.departments = departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        this.items = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    /// <summary>The catalog shipped in the assembly (<c>Data/catalog.json</c>).</summary>
    public static ItemCatalog Embedded => EmbeddedCatalog.Value;

    private static readonly Lazy<ItemCatalog> EmbeddedCatalog = new(CatalogLoader.LoadEmbedded);

    public IReadOnlyList<Department> Departments { get; }

    /// <summary>What the catalog is drawn from, and the handbook file (relative to the repository root) that summarises it.</summary>
    public string Source { get; init; } = "";

    /// <inheritdoc cref="Source"/>
    public string SourceFile { get; init; } = "";

    /// <summary>Items in catalog order.</summary>
    public IReadOnlyList<CatalogItem> Items { get; }

    public bool TryGetItem(string code, out CatalogItem item) => items.TryGetValue(code, out item!);

    /// <summary>The item of that code; <see cref="KeyNotFoundException"/> when unknown.</summary>
    public CatalogItem Item(string code) =>
        items.TryGetValue(code, out var item) ? item : throw new KeyNotFoundException($"No catalog item '{code}'.");

    public bool TryGetDepartment(string code, out Department department) => departments.TryGetValue(code, out department!);

    /// <summary>The department of that code; <see cref="KeyNotFoundException"/> when unknown.</summary>
    public Department Department(string code) =>
        departments.TryGetValue(code, out var d) ? d : throw new KeyNotFoundException($"No department '{code}'.");

    /// <summary>Items of one procedure (and stage, for joint acceptance).</summary>
    public IEnumerable<CatalogItem> ItemsOf(Procedure procedure, AcceptanceStage? stage = null) =>
        Items.Where(i => i.Procedure == procedure && (stage is null || i.Stage == stage));

    /// <summary>Among <paramref name="chosenItems"/>, those that require the material (one-to-many sharing).</summary>
    public IEnumerable<CatalogItem> ItemsRequiring(string materialCode, IEnumerable<string> chosenItems) =>
        chosenItems.Select(Item).Where(i => i.Material(materialCode) is { Required: true });
}
