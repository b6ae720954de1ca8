using Approvals.Catalog;

namespace Approvals.Tests.Defects;

/// <summary>
/// Issue 14, defect 7: the catalog's item-level commitment class contradicted its materials (CP-PERMIT said retained
/// while its drawing-review certificate is a supplement), and the land title was key for some items and commitable for
/// another. The class is per material; an item states one only when every commitment of it shares it.
/// </summary>
public sealed class CatalogClassScenarios
{
    private static readonly ItemCatalog Catalog = ItemCatalog.Embedded;

    [Fact]
    public void No_item_level_class_contradicts_its_materials()
    {
        Assert.All(Catalog.Items.Where(i => i.CommitmentClass is not null), i =>
            Assert.All(i.Materials.Where(m => m.Commitable), m => Assert.Equal(i.CommitmentClass, m.CommitmentClass)));
        Assert.Null(Catalog.Item("CP-PERMIT").CommitmentClass);
        Assert.Equal(CommitmentClass.Retained, Catalog.Item("CP-PERMIT").Material("FUNDS-PROOF")!.CommitmentClass);
        Assert.Equal(CommitmentClass.Supplement, Catalog.Item("CP-PERMIT").Material("DRAWING-REVIEW-CERT")!.CommitmentClass);
    }

    [Fact]
    public void Every_commitable_material_has_a_class()
    {
        Assert.All(Catalog.Items.SelectMany(i => i.Materials).Where(m => m.Commitable), m => Assert.NotNull(m.CommitmentClass));
    }

    [Fact]
    public void No_material_is_key_for_one_parallel_review_item_and_commitable_for_another()
    {
        var both = Catalog.ItemsOf(Procedure.CommitmentApproval).SelectMany(i => i.Materials).GroupBy(m => m.Code)
            .Where(g => g.Any(m => m.Key) && g.Any(m => m.Commitable)).Select(g => g.Key);
        Assert.Empty(both);
        Assert.All(Catalog.Items.Select(i => i.Material("LAND-CERT")).OfType<CatalogMaterial>(), m => Assert.False(m.Commitable));
    }

    [Fact]
    public void The_loader_refuses_a_material_class_that_contradicts_its_item_and_a_key_material_committed_elsewhere()
    {
        var json = """
            {
              "source": "test", "sourceFile": "test.md",
              "departments": [{"code": "HUD", "name": "住房和城乡建设局", "nameEn": "Housing"}],
              "materials": [{"code": "LAND-CERT", "name": "不动产权证书"}, {"code": "FUNDS-PROOF", "name": "资金证明"}],
              "items": [
                {"code": "A", "name": "甲", "nameEn": "A", "department": "HUD", "kind": "approval", "procedure": "commitment-approval",
                 "timeLimitWorkingDays": 5, "timeLimitSource": "test", "commitmentAllowed": true, "commitmentClass": "retained", "autoApprove": false,
                 "materials": [{"code": "LAND-CERT", "required": true, "key": true}, {"code": "FUNDS-PROOF", "required": true, "commitable": true, "commitmentClass": "supplement"}],
                 "verification": {"department": "HUD", "withinWorkingDays": 5, "sampling": "always", "source": "test"}},
                {"code": "B", "name": "乙", "nameEn": "B", "department": "HUD", "kind": "approval", "procedure": "commitment-approval",
                 "timeLimitWorkingDays": 5, "timeLimitSource": "test", "commitmentAllowed": true, "autoApprove": false,
                 "materials": [{"code": "LAND-CERT", "required": true, "commitable": true, "commitmentClass": "supplement"}],
                 "verification": {"department": "HUD", "withinWorkingDays": 5, "sampling": "always", "source": "test"}}
              ]
            }
            """;

        var ex = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(json));

        Assert.Contains(ex.Problems, p => p.StartsWith("item A material FUNDS-PROOF: commitmentClass supplement contradicts the item's retained", StringComparison.Ordinal));
        Assert.Contains("material LAND-CERT: key for A but commitable for B", ex.Problems);
    }
}
