using Approvals.LandToStart;

namespace Approvals.Tests.LandToStart;

public sealed class DocumentBasisTests
{
    private static readonly Dictionary<string, string> Conditions = new() { ["landUse"] = "M1", ["siteArea"] = "52000", ["plotRatio"] = "1.2", ["buildingHeight"] = "24 m" };
    private static readonly Dictionary<string, string> Materials = new() { ["SITE-PLAN"] = "m1", ["DESIGN-SCHEME"] = "m2", ["CONSTRUCTION-DRAWINGS"] = "m3" };

    [Fact]
    public void A_change_moves_only_the_fingerprints_of_the_documents_resting_on_it()
    {
        var policy = LandToStartPolicy.Embedded;
        var higher = new Dictionary<string, string>(Conditions) { ["buildingHeight"] = "36 m" };
        var moved = policy.Documents.Where(d => DocumentBasis.Fingerprint(d, Conditions, Materials) != DocumentBasis.Fingerprint(d, higher, Materials)).Select(d => d.Key);
        Assert.Equal(["works-planning-permit", "construction-permit"], moved);
        var permit = policy.Document("construction-permit")!;
        Assert.Equal(["buildingHeight"], DocumentBasis.Changed(permit, Conditions, Materials, higher, Materials));
        var newDrawings = new Dictionary<string, string>(Materials) { ["CONSTRUCTION-DRAWINGS"] = "m4" };
        Assert.Equal(["CONSTRUCTION-DRAWINGS"], DocumentBasis.Changed(permit, Conditions, Materials, Conditions, newDrawings));
        Assert.Equal(DocumentBasis.Fingerprint(permit, Conditions, Materials), DocumentBasis.Fingerprint(permit, new Dictionary<string, string>(Conditions), Materials));
    }
}
