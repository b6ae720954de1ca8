using Approvals.Catalog;
using Approvals.Intake;

namespace Approvals.Tests.Intake;

public sealed class SmartGuideTests
{
    private readonly SmartGuide guide = SmartGuide.Embedded(ItemCatalog.Embedded);

    [Fact]
    public void Answers_choose_the_items_and_shared_materials_are_listed_once()
    {
        var answer = guide.Advise("construction", "industrial", new Dictionary<string, bool> { ["civilAirDefence"] = true, ["planningPermitObtained"] = true })!;

        Assert.Contains("CP-PERMIT", answer.Items);
        Assert.Contains("CP-CIVILDEF", answer.Items);
        Assert.Contains("CP-WASTE", answer.Items);
        Assert.DoesNotContain("CP-PLANNING", answer.Items);
        Assert.Single(answer.Materials, m => m == "LAND-CERT");
    }

    [Fact]
    public void Completion_of_a_project_that_is_not_special_takes_the_fire_filing_instead_of_the_acceptance()
    {
        var answer = guide.Advise("completion", "warehouse", new Dictionary<string, bool> { ["specialConstructionProject"] = false })!;
        Assert.Contains("JA-FIRE-FILING", answer.Items);
        Assert.DoesNotContain("JA-FIRE", answer.Items);
        Assert.Contains(answer.Steps, s => s.Contains("3 working days", StringComparison.Ordinal));
    }

    [Fact]
    public void A_guide_file_naming_an_unknown_item_fails_at_load()
    {
        const string json = """{"stages":{"construction":{"always":["CP-NOPE"],"questions":[]}}}""";
        var error = Assert.Throws<InvalidDataException>(() => new SmartGuide(ItemCatalog.Embedded, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Contains("CP-NOPE", error.Message);
    }
}
