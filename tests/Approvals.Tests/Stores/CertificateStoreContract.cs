using System.Text;
using Approvals.Stores;

namespace Approvals.Tests.Stores;

/// <summary>What every certificate store must do; each implementation derives from this class.</summary>
public abstract class CertificateStoreContract
{
    protected abstract ICertificateStore Certificates { get; }

    protected static CertificateRecord Certificate(string number, string project = "2026-350100-47-01-000001", string holder = "福州某建设有限公司") => new()
    {
        Number = number,
        Item = "construction-permit",
        ItemName = "建筑工程施工许可",
        HolderUscc = "91350100M000100Y43",
        HolderName = holder,
        ProjectCode = project,
        ProjectName = "某安置房项目",
        ApplicationId = "APP-1",
        IssuedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)),
        VerifyUrl = $"https://approvals.example.cn/verify/{number}",
    };

    [Fact]
    public async Task Issued_certificate_reads_back_with_its_document()
    {
        var issued = await Certificates.IssueAsync(Certificate("SGXK-2026-0001"), Encoding.UTF8.GetBytes("%PDF-1.7 permit"), "application/pdf");

        Assert.Equal("valid", issued.Status);
        Assert.Equal(issued, await Certificates.GetAsync("SGXK-2026-0001"));
        var document = await Certificates.GetDocumentAsync("SGXK-2026-0001");
        Assert.Equal("%PDF-1.7 permit", Encoding.UTF8.GetString(document!.Value.Content));
        Assert.Equal("application/pdf", document.Value.ContentType);
    }

    [Fact]
    public async Task Issuing_the_same_number_again_changes_nothing()
    {
        var first = await Certificates.IssueAsync(Certificate("SGXK-2026-0002"), "first"u8.ToArray(), "application/pdf");
        var again = await Certificates.IssueAsync(Certificate("SGXK-2026-0002", holder: "someone else"), "second"u8.ToArray(), "text/plain");

        Assert.Equal(first, again);
        Assert.Equal("福州某建设有限公司", (await Certificates.GetAsync("SGXK-2026-0002"))!.HolderName);
        Assert.Equal("first", Encoding.UTF8.GetString((await Certificates.GetDocumentAsync("SGXK-2026-0002"))!.Value.Content));
    }

    [Fact]
    public async Task Revoking_twice_keeps_the_first_revocation()
    {
        await Certificates.IssueAsync(Certificate("SGXK-2026-0003"), "doc"u8.ToArray(), "application/pdf");
        var at = new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

        var revoked = await Certificates.RevokeAsync("SGXK-2026-0003", "commitment broken", at);
        var again = await Certificates.RevokeAsync("SGXK-2026-0003", "another reason", at.AddDays(1));

        Assert.Equal(("revoked", "commitment broken", at), (revoked!.Status, revoked.RevocationReason, revoked.RevokedAt!.Value));
        Assert.Equal(revoked, again);
        Assert.Equal(revoked, await Certificates.GetAsync("SGXK-2026-0003"));
    }

    [Fact]
    public async Task Unknown_numbers_read_as_absent_and_cannot_be_revoked()
    {
        Assert.Null(await Certificates.GetAsync("NOPE-1"));
        Assert.Null(await Certificates.GetDocumentAsync("NOPE-1"));
        Assert.Null(await Certificates.RevokeAsync("NOPE-1", "x", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task Project_listing_shows_each_certificate_once_with_its_current_status_in_number_order()
    {
        const string project = "2026-350100-47-01-000777";
        await Certificates.IssueAsync(Certificate("B-2", project), "b"u8.ToArray(), "application/pdf");
        await Certificates.IssueAsync(Certificate("A-1", project), "a"u8.ToArray(), "application/pdf");
        await Certificates.IssueAsync(Certificate("A-1", project), "a"u8.ToArray(), "application/pdf");
        await Certificates.IssueAsync(Certificate("C-3", "another project"), "c"u8.ToArray(), "application/pdf");
        await Certificates.RevokeAsync("B-2", "false commitment", DateTimeOffset.UnixEpoch);

        var listed = await Certificates.ListByProjectAsync(project);

        Assert.Equal(["A-1", "B-2"], listed.Select(c => c.Number));
        Assert.Equal(["valid", "revoked"], listed.Select(c => c.Status));
        Assert.Empty(await Certificates.ListByProjectAsync("no such project"));
    }

    [Fact]
    public async Task Certificate_numbers_with_slashes_and_chinese_characters_work()
    {
        await Certificates.IssueAsync(Certificate("闽建/2026#7?x"), "doc"u8.ToArray(), "application/pdf");
        Assert.Equal("闽建/2026#7?x", (await Certificates.GetAsync("闽建/2026#7?x"))!.Number);
        Assert.NotNull(await Certificates.GetDocumentAsync("闽建/2026#7?x"));
    }
}
