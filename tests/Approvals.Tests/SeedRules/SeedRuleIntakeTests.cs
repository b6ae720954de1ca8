using Approvals.Catalog;
using Approvals.Intake;
using Approvals.Tests.Intake;

namespace Approvals.Tests.SeedRules;

/// <summary>Intake rules the seeds state (issue 18), each test named after its rule and citing its seed and measure.</summary>
public sealed class SeedRuleIntakeTests : IDisposable
{
    private readonly IntakeFixture f = new();

    public void Dispose() => f.Dispose();

    // Issue 18 rule 4. domain.md "Also needed" 4 (Liaocheng 2022 opens 容缺 to 2 services only; default: nothing is
    // gap-eligible unless the catalog says so) and Shandong 2023 measure 31 (容缺受理 by credit); fire design review of
    // special construction projects is closed to commitments for public safety (行政许可 commitment exclusions).
    [Fact]
    public async Task Nothing_is_gap_eligible_unless_the_catalog_marks_it()
    {
        var submission = IntakeFixture.Valid() with
        {
            Items = ["CP-FIREDESIGN"],
            Materials = [new MaterialInput("FIRE-DESIGN-DOCS", await f.UploadAsync("fire")), new MaterialInput("DESIGN-DRAWINGS", await f.UploadAsync("drawings"))],
            Commitments = [new CommitmentInput("PLANNING-PERMIT", "supplement")],
        };

        var decision = await f.Planner.PlanAsync("APP-GAP-1", submission, IntakeFixture.Uscc);

        Assert.False(decision.Accepted);
        Assert.Contains("容缺", Assert.Single(decision.Errors["commitments[0]"]));
    }

    // Issue 18 rule 4 (catalog side): a gap may only stand for a required, non-key material (domain.md "Acceptance with gaps").
    [Fact]
    public void Nothing_is_gap_eligible_unless_the_catalog_marks_it_and_never_a_key_material()
    {
        var error = Assert.Throws<CatalogValidationException>(() => IntakeFixture.EmbeddedCatalogWith(root =>
        {
            var planning = root["items"]!.AsArray().Single(i => (string?)i!["code"] == "CP-PLANNING")!;
            planning["materials"]![0]!["gapEligible"] = true;
        }));
        Assert.Contains(error.Problems, p => p.Contains("gap-eligible", StringComparison.Ordinal));
        Assert.Equal(["DESIGN-DRAWINGS"], ItemCatalog.Embedded.Items.SelectMany(i => i.Materials).Where(m => m.GapEligible).Select(m => m.Code).Distinct());
    }

    // Issue 18 rule 5. domain.md "Acceptance with gaps": main materials complete, only secondary ones missing; key documents
    // (要件) may be missing only under Qingdao 2022 三(五) extreme gap acceptance (极限容缺受理) of key projects holding land.
    [Fact]
    public async Task Land_title_is_a_key_document_and_cannot_be_committed()
    {
        var submission = await f.PermitAndCivilDefenceAsync(("LAND-CERT", "supplement"));

        var decision = await f.Planner.PlanAsync("APP-LAND-1", submission, IntakeFixture.Uscc);

        Assert.False(decision.Accepted);
        Assert.Contains("key material", decision.Errors["commitments[0]"][0]);
        foreach (var code in new[] { "CP-PERMIT", "CP-CIVILDEF" })
        {
            Assert.False(ItemCatalog.Embedded.Item(code).Material("LAND-CERT")!.Commitable, $"{code} lets the land title be committed");
        }
    }

    // Issue 18 rule 7. Shandong 2023 measure 29: risk from 工程类型、规模大小、技术复杂程度、人员密集程度、参建单位.
    [Fact]
    public void Risk_grading_counts_the_participating_companies()
    {
        var grader = new RiskGrader(IntakePolicy.Embedded.Risk);
        var project = new ProjectInput { Type = "residential", FloorArea = 20000, Height = 18, OccupantDensity = "low", TechnicalComplexity = "low" };

        var without = grader.Grade(project with { ParticipatingCompanies = "low" });
        var with = grader.Grade(project with { ParticipatingCompanies = "medium" });

        Assert.Equal("low", without.Level);
        Assert.Equal("medium", with.Level);
        Assert.Contains(with.Reasons, r => r.Contains("参建单位", StringComparison.Ordinal));
    }

    // Issue 18 rule 7 (intake side): the factor is validated like the other levels.
    [Fact]
    public async Task Risk_grading_counts_the_participating_companies_and_intake_validates_the_level()
    {
        var submission = IntakeFixture.Valid() with { Project = IntakeFixture.Valid().Project! with { ParticipatingCompanies = "dubious" }, Items = ["CP-PERMIT"] };
        var decision = await f.Planner.PlanAsync("APP-RISK-1", submission, IntakeFixture.Uscc);
        Assert.True(decision.Errors.ContainsKey("project.participatingCompanies"), string.Join(", ", decision.Errors.Keys));
    }

    // Issue 18 rule 9. 消防验收 is for special construction projects (特殊建设工程), filing (备案) for the others; Shandong 2023
    // measure 8 (消防验收备案承诺制) is about those other, lower-risk buildings. The construction-stage question asks it right.
    [Fact]
    public void Completion_fire_question_sends_only_special_construction_projects_to_fire_acceptance()
    {
        var guide = SmartGuide.Embedded(ItemCatalog.Embedded);

        var ordinary = guide.Advise("completion", "public", new Dictionary<string, bool> { ["specialConstructionProject"] = false })!;
        var special = guide.Advise("completion", "public", new Dictionary<string, bool> { ["specialConstructionProject"] = true })!;

        Assert.Contains("JA-FIRE-FILING", ordinary.Items);
        Assert.DoesNotContain("JA-FIRE", ordinary.Items);
        Assert.Contains("JA-FIRE", special.Items);
        Assert.DoesNotContain("JA-FIRE-FILING", special.Items);
        Assert.Contains(guide.Questions("completion"), q => q.Key == "specialConstructionProject" && q.Text.Contains("特殊建设工程", StringComparison.Ordinal));
    }

    // Issue 18 rule 1 (guide text). Jinan 2021: 社会投资简易低风险项目……合并进行，7 个工作日；其中，工业、仓储类……不超过 3 个工作日.
    [Fact]
    public void Three_day_combined_acceptance_is_promised_only_to_simple_low_risk_industrial_and_warehouse_projects()
    {
        var guide = SmartGuide.Embedded(ItemCatalog.Embedded);
        var answer = guide.Advise("completion", "industrial", new Dictionary<string, bool>())!;
        var step = Assert.Single(answer.Steps, s => s.Contains("3 个工作日", StringComparison.Ordinal));
        Assert.Contains("简易低风险", step, StringComparison.Ordinal);
        Assert.Contains("simple low-risk", step, StringComparison.OrdinalIgnoreCase);
    }

    // Issue 18 rule 8. Shandong 2023 measure 8 (试行消防验收备案承诺制): for buildings of lower fire risk, fire acceptance
    // filing by commitment, fewer materials and a lower sampling ratio (适当降低抽查比例, policy.json
    // sampling.lowFireRiskFilingRatio). Joint acceptance takes the commitments the catalog opens, and only those.
    [Fact]
    public async Task Joint_acceptance_takes_fire_acceptance_filing_by_commitment_at_the_lower_sampling_ratio()
    {
        var submission = IntakeFixture.Valid() with
        {
            Procedure = "joint-acceptance",
            AcceptanceStages = "early",
            Items = ["JA-FIRE-FILING"],
            Materials = [new MaterialInput("APPLICATION-FORM", await f.UploadAsync("form")), new MaterialInput("COMPLETION-REPORT", await f.UploadAsync("report"))],
            Commitments = [new CommitmentInput("FIRE-INSPECTION-REPORT", "supplement"), new CommitmentInput("FIRE-SITE-COMPLIANCE", "on-site")],
        };

        var decision = await f.Planner.PlanAsync("APP-JA-FILING", submission, IntakeFixture.Uscc);

        Assert.True(decision.Accepted, string.Join("; ", decision.Errors.SelectMany(e => e.Value)));
        Assert.Equal("low", decision.Risk!.Level);
        var commitments = decision.JointPlan!.Commitments;
        Assert.Equal(["FIRE-INSPECTION-REPORT", "FIRE-SITE-COMPLIANCE"], commitments.Select(c => c.MaterialCode));
        var onSite = commitments.Single(c => c.Class == "on-site");
        Assert.Contains($"ratio {IntakePolicy.Embedded.Sampling.LowFireRiskFilingRatio:0.####}", onSite.SamplingReason, StringComparison.Ordinal);
        Assert.Equal(15, onSite.WithinWorkingDays);

        // Items closed to commitments stay closed: fire acceptance of special construction projects takes none.
        var special = submission with { Items = ["JA-FIRE"], Commitments = [new CommitmentInput("FIRE-INSPECTION-REPORT", "supplement")] };
        var refused = await f.Planner.PlanAsync("APP-JA-SPECIAL", special, IntakeFixture.Uscc);
        Assert.False(refused.Accepted);
        Assert.True(refused.Errors.ContainsKey("commitments[0]"), string.Join(", ", refused.Errors.Keys));
    }
}
