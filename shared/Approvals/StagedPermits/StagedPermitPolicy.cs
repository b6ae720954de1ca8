using System.Text.Json;

namespace Approvals.StagedPermits;

/// <summary>
/// The city's stages of a staged construction permit (分段办理施工许可), in order, with the materials each stage adds
/// to the permit's own. Stage k is granted only after stage k−1 (<c>Data/staged-permit-policy.json</c>).
/// </summary>
public sealed record StagedPermitPolicy(string Source, string Item, IReadOnlyList<PermitStage> Stages)
{
    public const string Procedure = "staged-permit";

    private const string Resource = "Approvals.Data.staged-permit-policy.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static StagedPermitPolicy Embedded { get; } = LoadEmbedded();

    /// <summary>The stage with this code and its position (1-based), or null.</summary>
    public (PermitStage Stage, int Order)? Find(string? code)
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            if (string.Equals(Stages[i].Code, code, StringComparison.Ordinal)) return (Stages[i], i + 1);
        }
        return null;
    }

    public string StageList => string.Join(", ", Stages.Select(s => s.Code));

    private static StagedPermitPolicy LoadEmbedded()
    {
        using var stream = typeof(StagedPermitPolicy).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        var policy = JsonSerializer.Deserialize<StagedPermitPolicy>(stream, Options) ?? throw new InvalidOperationException("empty staged-permit policy");
        if (policy.Stages is not { Count: > 1 }) throw new InvalidOperationException("staged-permit policy: at least two stages");
        if (policy.Stages.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count() != policy.Stages.Count) throw new InvalidOperationException("staged-permit policy: stage codes repeat");
        return policy;
    }
}

/// <summary>One stage (e.g. 基坑支护和土方开挖) and the materials it adds.</summary>
public sealed record PermitStage(string Code, string Name, string NameEn, IReadOnlyList<StageMaterial> Materials);

/// <summary>A material a stage asks for, provided as an upload.</summary>
public sealed record StageMaterial(string Code, string Name, string NameEn);
