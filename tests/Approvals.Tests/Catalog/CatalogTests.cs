using Approvals.Catalog;

namespace Approvals.Tests.Catalog;

public class CatalogTests
{
    private static readonly ItemCatalog Catalog = ItemCatalog.Embedded;

    [Fact]
    public void Shipped_catalog_loads_with_both_procedures()
    {
        Assert.NotEmpty(Catalog.ItemsOf(Procedure.CommitmentApproval));
        Assert.NotEmpty(Catalog.ItemsOf(Procedure.JointAcceptance, AcceptanceStage.Early));
        Assert.NotEmpty(Catalog.ItemsOf(Procedure.JointAcceptance, AcceptanceStage.Late));
        Assert.All(Catalog.Items, i => Assert.True(Catalog.TryGetDepartment(i.Department, out _), i.Code));
    }

    [Fact]
    public void Construction_permit_is_issued_by_housing_and_construction_and_accepts_a_funds_commitment()
    {
        var permit = Catalog.Item("CP-PERMIT");
        Assert.Equal("建筑工程施工许可证核发", permit.Name);
        Assert.Equal("HUD", permit.Department);
        Assert.Equal("住房和城乡建设局", Catalog.Department("HUD").Name);
        Assert.Equal(7, permit.TimeLimitWorkingDays);
        Assert.True(permit.CommitmentAllowed);
        var funds = permit.Material("FUNDS-PROOF");
        Assert.NotNull(funds);
        Assert.True(funds.Commitable);
        Assert.Equal(CommitmentClass.Retained, funds.CommitmentClass);
        Assert.Equal(CommitmentClass.Supplement, permit.Material("DRAWING-REVIEW-CERT")!.CommitmentClass);
    }

    [Fact]
    public void Energy_saving_review_and_soil_and_water_plan_are_unattended()
    {
        Assert.True(Catalog.Item("CP-ENERGY").AutoApprove);
        Assert.True(Catalog.Item("CP-SOILWATER").AutoApprove);
        Assert.False(Catalog.Item("CP-PERMIT").AutoApprove);
        Assert.Equal(["CP-ENERGY", "CP-SOILWATER"], Catalog.Items.Where(i => i.AutoApprove).Select(i => i.Code));
    }

    [Fact]
    public void Fire_design_review_may_not_be_committed()
    {
        Assert.False(Catalog.Item("CP-FIREDESIGN").CommitmentAllowed);
        Assert.True(Catalog.Item("CP-EIA").CommitmentAllowed);
    }

    [Fact]
    public void Joint_acceptance_stages_follow_the_jinan_split()
    {
        var early = Catalog.ItemsOf(Procedure.JointAcceptance, AcceptanceStage.Early).Select(i => i.Code).ToHashSet();
        var late = Catalog.ItemsOf(Procedure.JointAcceptance, AcceptanceStage.Late).Select(i => i.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { "JA-PLANNING", "JA-FIRE", "JA-FIRE-FILING", "JA-CIVILDEF" }, early);
        Assert.Superset(new HashSet<string> { "JA-WATER", "JA-POWER", "JA-GAS", "JA-HEAT", "JA-TELECOM", "JA-ARCHIVES", "JA-LIGHTNING", "JA-SOILWATER" }, late);
        Assert.All(Catalog.ItemsOf(Procedure.JointAcceptance), i => Assert.NotNull(i.Stage));
        Assert.All(Catalog.ItemsOf(Procedure.CommitmentApproval), i => Assert.Null(i.Stage));
    }

    [Fact]
    public void Shared_material_codes_let_one_land_certificate_serve_several_items()
    {
        var requiring = Catalog.ItemsRequiring("LAND-CERT", ["CP-PERMIT", "CP-CIVILDEF", "CP-DRAINAGE", "CP-ENERGY"]).Select(i => i.Code);
        Assert.Equal(["CP-PERMIT", "CP-CIVILDEF", "CP-DRAINAGE"], requiring);
        var names = Catalog.Items.SelectMany(i => i.Materials).Where(m => m.Code == "LAND-CERT").Select(m => m.Name).Distinct();
        Assert.Single(names);
    }

    [Fact]
    public void Every_commitment_item_has_a_verification_rule_and_a_commitable_material()
    {
        Assert.All(Catalog.Items.Where(i => i.CommitmentAllowed), i =>
        {
            Assert.NotNull(i.Verification);
            Assert.True(Catalog.TryGetDepartment(i.Verification.Department, out _));
            Assert.Contains(i.Materials, m => m.Commitable && m.CommitmentClass is not null);
        });
    }

    [Fact]
    public void Wire_names_match_the_api()
    {
        Assert.Equal("on-site", WireName.Of(CommitmentClass.OnSite));
        Assert.Equal("commitment-approval", WireName.Of(Procedure.CommitmentApproval));
        Assert.Equal("risk-based", WireName.Of(SamplingRule.RiskBased));
        Assert.Equal(SamplingRule.RiskBased, WireName.Parse<SamplingRule>("risk-based"));
        Assert.False(WireName.TryParse<CommitmentClass>("OnSite", out _));
    }

    [Fact]
    public void Malformed_catalog_lists_every_problem()
    {
        var json = """
            {
              "source": "test", "sourceFile": "test.md",
              "departments": [
                {"code": "HUD", "name": "住房和城乡建设局", "nameEn": "Housing"},
                {"code": "HUD", "name": "重复", "nameEn": "Duplicate"}
              ],
              "materials": [{"code": "LAND-CERT", "name": "不动产权证书"}, {"code": "LAND-CERT", "name": "again"}],
              "items": [
                {"code": "A", "name": "甲", "nameEn": "A", "department": "NOPE", "kind": "approval", "procedure": "commitment-approval",
                 "timeLimitWorkingDays": 0, "timeLimitSource": "test", "materials": [{"code": "LAND-CERT", "required": true, "commitable": true}],
                 "commitmentAllowed": true, "autoApprove": false,
                 "verification": {"department": "GHOST", "withinWorkingDays": 5, "sampling": "sometimes", "source": "test"}},
                {"code": "A", "name": "乙", "nameEn": "A again", "department": "HUD", "kind": "approval", "procedure": "commitment-approval",
                 "timeLimitWorkingDays": 5, "timeLimitSource": "test", "materials": [], "commitmentAllowed": false, "autoApprove": false},
                {"code": "J", "name": "丙", "nameEn": "J", "department": "HUD", "kind": "inspection", "procedure": "joint-acceptance",
                 "timeLimitWorkingDays": 5, "timeLimitSource": "test", "materials": [{"code": "UNKNOWN-DOC", "required": true}, {"code": "LAND-CERT", "required": false, "key": true}],
                 "commitmentAllowed": false, "autoApprove": true}
              ]
            }
            """;
        var ex = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(json));
        string[] expected =
        [
            "department HUD: duplicate department code",
            "material LAND-CERT: duplicate material code",
            "item A: unknown department 'NOPE'",
            "item A: timeLimitWorkingDays must be positive, is 0",
            "item A material LAND-CERT: commitable but no commitmentClass (supplement|retained|on-site), on the material or the item",
            "item A: verification department 'GHOST' unknown",
            "item A verification: sampling 'sometimes' is not one of always|risk-based|none",
            "item A: duplicate item code",
            "item J: kind 'inspection' is not one of approval|filing|acceptance",
            "item J: joint-acceptance item without a stage (early|late)",
            "item J: unattended approval (autoApprove) needs the commitment route",
            "item J material UNKNOWN-DOC: unknown material code",
            "item J material LAND-CERT: a key material must be required",
        ];
        foreach (var problem in expected)
        {
            Assert.Contains(problem, ex.Problems);
        }

        Assert.Equal(expected.Length, ex.Problems.Count);
        Assert.Contains("13 problem(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_that_is_not_json_is_reported()
    {
        var ex = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load("{ not json"));
        Assert.Single(ex.Problems);
        Assert.StartsWith("not valid JSON", ex.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_can_be_read_from_a_stream()
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream("Approvals.Data.catalog.json")!;
        Assert.Equal(Catalog.Items.Count, CatalogLoader.Load(stream).Items.Count);
    }
}
