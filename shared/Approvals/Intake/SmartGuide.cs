using System.Text.Json;
using Approvals.Catalog;

namespace Approvals.Intake;

/// <summary>
/// Smart guidance (智能导办, <c>POST /api/guide</c>): from the stage and a few yes/no answers, the items a project
/// needs, the materials they share (asked once: 一张表单、一套材料) and the steps to take. The questions are data
/// (<c>Data/guide.json</c>), checked against the catalog at load.
/// </summary>
public sealed class SmartGuide
{
    private readonly ItemCatalog catalog;
    private readonly Dictionary<string, GuideStage> stages;

    public SmartGuide(ItemCatalog catalog, Stream json)
    {
        this.catalog = catalog;
        var file = JsonSerializer.Deserialize<GuideFile>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("The guide file is empty.");
        stages = file.Stages;
        var unknown = stages.Values.SelectMany(s => s.Always.Concat(s.Questions.SelectMany(q => q.WhenTrue.Concat(q.WhenFalse))))
            .Where(code => !catalog.TryGetItem(code, out _)).Distinct().ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"The guide names items the catalog lacks: {string.Join(", ", unknown)}");
    }

    public static SmartGuide Embedded(ItemCatalog catalog)
    {
        using var stream = typeof(SmartGuide).Assembly.GetManifestResourceStream("Approvals.Data.guide.json")
            ?? throw new InvalidOperationException("Embedded resource Approvals.Data.guide.json is missing.");
        return new SmartGuide(catalog, stream);
    }

    public IReadOnlyCollection<string> Stages => stages.Keys;

    /// <summary>The questions of a stage, so the portal can ask them.</summary>
    public IReadOnlyList<GuideQuestion> Questions(string stage) => stages.TryGetValue(stage, out var s) ? s.Questions : [];

    /// <summary>Items, shared materials and steps; null when the stage is unknown. Unanswered questions take their default.</summary>
    public GuideAnswer? Advise(string stage, string? projectType, IReadOnlyDictionary<string, bool> answers)
    {
        if (!stages.TryGetValue(stage, out var s)) return null;
        var codes = new List<string>(s.Always);
        foreach (var q in s.Questions)
        {
            var yes = answers.TryGetValue(q.Key, out var given) ? given : q.Default;
            codes.AddRange(yes ? q.WhenTrue : q.WhenFalse);
        }
        var items = codes.Distinct().Select(catalog.Item).ToList();
        var materials = items.SelectMany(i => i.Materials.Where(m => m.Required)).Select(m => m.Code).Distinct().ToList();
        var steps = new List<string>
        {
            $"上传材料一次，共 {materials.Count} 份（企业云盘复用） Upload each of the {materials.Count} shared materials once",
        };
        var commitable = items.Where(i => i.CommitmentAllowed).Select(i => i.Code).ToList();
        if (commitable.Count > 0) steps.Add($"可签署承诺替代部分材料：{string.Join("、", commitable)} These items accept commitments instead of some materials");
        var unattended = items.Where(i => i.AutoApprove).Select(i => i.Code).ToList();
        if (unattended.Count > 0) steps.Add($"无干预审批，签署承诺即办结：{string.Join("、", unattended)} Approved at once on signing");
        steps.Add(stage == "completion"
            ? "提交联合验收申请，选择先期、后期或合并验收 Submit joint acceptance, choosing early, late or combined stages"
            : "提交申请，各部门并联审批 Submit once; departments review in parallel");
        if (projectType is ProjectTypes.Industrial or ProjectTypes.Warehouse && stage == "completion")
        {
            steps.Add("社会投资简易低风险的工业、仓储项目，先期、后期合并验收不超过 3 个工作日；其他项目按风险等级 7 或 12 个工作日 "
                + "Simple low-risk social-investment industrial and warehouse projects: combined acceptance within 3 working days; others 7 or 12 by risk");
        }
        return new GuideAnswer(items.Select(i => i.Code).ToList(), materials, steps);
    }

    private sealed record GuideFile(Dictionary<string, GuideStage> Stages);
}

/// <summary>One stage's questions and the items always needed.</summary>
public sealed record GuideStage(IReadOnlyList<string> Always, IReadOnlyList<GuideQuestion> Questions);

/// <summary>A yes/no question and the items each answer adds.</summary>
public sealed record GuideQuestion(string Key, string Text, bool Default = false)
{
    public IReadOnlyList<string> WhenTrue { get; init; } = [];
    public IReadOnlyList<string> WhenFalse { get; init; } = [];
}

/// <summary>The guidance: item codes, material codes (each once), steps in zh-CN with English.</summary>
public sealed record GuideAnswer(IReadOnlyList<string> Items, IReadOnlyList<string> Materials, IReadOnlyList<string> Steps);
