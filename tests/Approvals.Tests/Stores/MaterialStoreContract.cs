using System.Security.Cryptography;
using System.Text;
using Approvals.Stores;

namespace Approvals.Tests.Stores;

/// <summary>What every material store must do; each implementation derives from this class.</summary>
public abstract class MaterialStoreContract
{
    protected abstract IMaterialStore Store { get; }

    public static byte[] Pdf(string text, int padding = 0) => [.. "%PDF-1.7\n"u8.ToArray(), .. Encoding.UTF8.GetBytes(text), .. new byte[padding]];

    [Fact]
    public async Task Pdf_is_stored_under_its_sha256_and_reads_back_the_same_bytes()
    {
        var bytes = Pdf("施工许可申请表");
        var info = await Store.PutAsync(new MemoryStream(bytes), "91350100M000100Y43", "form.pdf", 1_000_000);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), info.MaterialId);
        Assert.Equal("application/pdf", info.ContentType);
        Assert.Equal(bytes.Length, info.Size);
        await using var read = await Store.OpenReadAsync(info.MaterialId);
        var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Same_content_uploaded_twice_is_stored_once_and_owned_by_both()
    {
        var bytes = Pdf("land certificate");
        var first = await Store.PutAsync(new MemoryStream(bytes), "OWNER-A", "a.pdf", 1_000_000);
        var second = await Store.PutAsync(new MemoryStream(bytes), "OWNER-B", "b.pdf", 1_000_000);

        Assert.Equal(first.MaterialId, second.MaterialId);
        Assert.True(await Store.IsOwnedByAsync(first.MaterialId, "OWNER-A"));
        Assert.True(await Store.IsOwnedByAsync(first.MaterialId, "OWNER-B"));
        Assert.False(await Store.IsOwnedByAsync(first.MaterialId, "OWNER-C"));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    public async Task Images_are_recognised_by_their_magic_bytes(byte[] bytes, string expected)
    {
        var info = await Store.PutAsync(new MemoryStream(bytes), "OWNER", "photo.bin", 1_000);
        Assert.Equal(expected, info.ContentType);
    }

    [Fact]
    public async Task Ofd_package_is_recognised_by_its_root_entry()
    {
        byte[] bytes = [.. "PK\u0003\u0004"u8.ToArray(), .. new byte[26], .. "OFD.xml<ofd:OFD/>"u8.ToArray()];
        var info = await Store.PutAsync(new MemoryStream(bytes), "OWNER", "licence.ofd", 1_000);
        Assert.Equal("application/ofd", info.ContentType);
    }

    [Fact]
    public async Task Other_content_is_refused_whatever_its_name_and_nothing_is_kept()
    {
        var bytes = "MZ this is an executable"u8.ToArray();
        var error = await Assert.ThrowsAsync<MaterialRejectedException>(() => Store.PutAsync(new MemoryStream(bytes), "OWNER", "innocent.pdf", 1_000));

        Assert.Equal(MaterialRejection.UnsupportedType, error.Reason);
        Assert.Null(await Store.GetAsync(Convert.ToHexStringLower(SHA256.HashData(bytes))));
    }

    [Fact]
    public async Task Oversized_upload_is_refused_and_nothing_is_kept()
    {
        var bytes = Pdf("big", padding: 5_000);
        var error = await Assert.ThrowsAsync<MaterialRejectedException>(() => Store.PutAsync(new MemoryStream(bytes), "OWNER", "big.pdf", 4_096));

        Assert.Equal(MaterialRejection.TooLarge, error.Reason);
        Assert.Null(await Store.GetAsync(Convert.ToHexStringLower(SHA256.HashData(bytes))));
    }

    [Fact]
    public async Task Unknown_id_reads_as_absent()
    {
        Assert.Null(await Store.GetAsync(new string('a', 64)));
        Assert.Null(await Store.OpenReadAsync(new string('a', 64)));
        Assert.Null(await Store.GetAsync("../../etc/passwd"));
    }

    [Fact]
    public async Task A_material_much_larger_than_its_header_streams_through_unchanged()
    {
        var bytes = Pdf("site plan", padding: 700_000);
        new Random(7).NextBytes(bytes.AsSpan(20));
        var info = await Store.PutAsync(new MemoryStream(bytes), "OWNER", "plan.pdf", 1_000_000);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), info.MaterialId);
        Assert.Equal(bytes.Length, (await Store.GetAsync(info.MaterialId))!.Size);
        await using var read = await Store.OpenReadAsync(info.MaterialId);
        var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Concurrent_uploads_of_the_same_content_keep_one_copy_and_every_owner()
    {
        var bytes = Pdf("shared drawing", padding: 300_000);
        var owners = Enumerable.Range(0, 4).Select(i => $"OWNER-{i}").ToArray();

        var infos = await Task.WhenAll(owners.Select(o => Task.Run(() => Store.PutAsync(new MemoryStream(bytes), o, "drawing.pdf", 1_000_000))));

        Assert.Single(infos.Select(i => i.MaterialId).Distinct());
        foreach (var owner in owners) Assert.True(await Store.IsOwnedByAsync(infos[0].MaterialId, owner));
    }
}
