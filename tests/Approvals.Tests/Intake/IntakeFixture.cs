using Approvals.Applications;
using Approvals.Catalog;
using Approvals.Intake;
using Approvals.JointAcceptance;
using Approvals.Stores;
using Approvals.Stores.Embedded;
using Approvals.Tests.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Tests.Intake;

/// <summary>Intake over the embedded material store and credit ledger, on a clock at Monday 2026-09-28 09:00 Shanghai.</summary>
public sealed class IntakeFixture : IDisposable
{
    public const string Uscc = "91350100M000100Y43";
    private readonly string folder = Directory.CreateTempSubdirectory("intake-").FullName;

    public IntakeFixture() : this(ItemCatalog.Embedded) { }

    /// <summary>Intake over another catalog (e.g. the embedded one with an edit the test needs).</summary>
    public IntakeFixture(ItemCatalog catalog)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8)));
        Materials = new FolderMaterialStore(Path.Combine(folder, "materials"), Clock);
        Credit = new SqliteCreditLedger(Path.Combine(folder, "credit.db"));
        var calendar = CalendarDeadlineCalculator.FromEmbeddedData();
        Planner = new IntakePlanner(catalog, IntakePolicy.Embedded, calendar, Credit, Materials, Clock,
            new JointAcceptancePlanner(catalog, JointAcceptancePolicy.Embedded, calendar), EarlierCommitments, EarlierStages);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The project's earlier commitments as the joint-acceptance intake finds them.</summary>
    public StubbedEarlierCommitments EarlierCommitments { get; } = new();

    /// <summary>The project's earlier staged-permit applications as the staged-permit intake finds them.</summary>
    public StubbedEarlierStages EarlierStages { get; } = new();
    public IMaterialStore Materials { get; }
    public ICreditLedger Credit { get; }
    public IntakePlanner Planner { get; }

    public async Task<string> UploadAsync(string text, string owner = Uscc) =>
        (await Materials.PutAsync(new MemoryStream(MaterialStoreContract.Pdf(text)), owner, text + ".pdf", 1_000_000)).MaterialId;

    /// <summary>A construction-permit + civil-air-defence submission providing every material except the committed ones.</summary>
    public async Task<Submission> PermitAndCivilDefenceAsync(params (string Code, string Class)[] commitments)
    {
        string[] needed = ["LAND-CERT", "PLANNING-PERMIT", "CONTRACTOR-CONTRACT", "FUNDS-PROOF", "DRAWING-REVIEW-CERT", "SAFETY-MEASURES", "DESIGN-DRAWINGS", "CIVILDEF-DESIGN"];
        var materials = new List<MaterialInput?>();
        foreach (var code in needed.Where(c => commitments.All(k => k.Code != c))) materials.Add(new MaterialInput(code, await UploadAsync(code)));
        return Valid() with
        {
            Items = ["CP-PERMIT", "CP-CIVILDEF"],
            Materials = materials,
            Commitments = commitments.Select(c => (CommitmentInput?)new CommitmentInput(c.Code, c.Class)).ToList(),
        };
    }

    /// <summary>The embedded catalog JSON changed by <paramref name="edit"/>, loaded and validated.</summary>
    public static ItemCatalog EmbeddedCatalogWith(Action<System.Text.Json.Nodes.JsonNode> edit)
    {
        using var stream = typeof(ItemCatalog).Assembly.GetManifestResourceStream("Approvals.Data.catalog.json")!;
        var root = System.Text.Json.Nodes.JsonNode.Parse(stream)!;
        edit(root);
        return CatalogLoader.Load(root.ToJsonString());
    }

    public static Submission Valid() => new()
    {
        Applicant = new ApplicantInput(Uscc, "福州示范建设有限公司"),
        Project = new ProjectInput
        {
            Code = "2609-350102-04-01-123456", Name = "示范厂房", Type = "industrial", FloorArea = 8000, Height = 18,
            OccupantDensity = "low", TechnicalComplexity = "low", SocialInvestment = true, KeyProject = false,
        },
        Procedure = "commitment-approval",
        Items = [],
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>Earlier commitments set by the test (the engine-backed lookup is tested with the joint-acceptance scenarios).</summary>
public sealed class StubbedEarlierCommitments : IProjectCommitmentLookup
{
    public List<EarlierCommitment> Commitments { get; } = [];

    public Task<IReadOnlyList<EarlierCommitment>> FindAsync(string projectCode, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EarlierCommitment>>(Commitments);
}

/// <summary>Earlier staged-permit applications set by the test (the engine-backed lookup is tested with the HTTP scenarios).</summary>
public sealed class StubbedEarlierStages : Approvals.StagedPermits.IProjectStageLookup
{
    public List<Approvals.StagedPermits.EarlierStage> Stages { get; } = [];

    public Task<IReadOnlyList<Approvals.StagedPermits.EarlierStage>> FindAsync(string projectCode, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Approvals.StagedPermits.EarlierStage>>(Stages);
}
