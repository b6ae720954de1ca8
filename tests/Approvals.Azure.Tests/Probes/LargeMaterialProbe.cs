using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Approvals.Azure.Stores;
using Approvals.Azure.Storage;
using Approvals.Azure.Tests.Infrastructure;

namespace Approvals.Azure.Tests.Probes;

/// <summary>
/// Streams one generated material of the given size up through <see cref="BlobMaterialStore"/> and back down, in a
/// process that does nothing else (no test runner loaded), and reports the working set it peaked at. Run as
/// <c>dotnet Approvals.Azure.Tests.dll large-material &lt;connection string&gt; &lt;bytes&gt;</c>.
/// </summary>
internal static class LargeMaterialProbe
{
    public sealed record Result(long Bytes, string SourceSha256, string MaterialId, long StoredSize, long DownloadedBytes, string DownloadedSha256, long BaselineWorkingSet, long PeakWorkingSet, double Seconds);

    public static async Task<int> RunAsync(string connectionString, long size)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var account = StorageAccount.FromConnectionString(connectionString);
        var store = new BlobMaterialStore(
            account.Container(AzuriteFixture.UniqueName("big")),
            account.Table(AzuriteFixture.UniqueName("bigowners")),
            TimeProvider.System);
        var source = new GeneratedPdfStream(size);

        await using var sampler = new WorkingSetSampler();
        var info = await store.PutAsync(source, "91350100M000100Y43", "bim-model.pdf", maxBytes: size + 1);

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long downloaded = 0;
        await using (var read = await store.OpenReadAsync(info.MaterialId) ?? throw new InvalidOperationException("The material was not found after upload."))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await read.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                downloaded += n;
            }
        }

        var result = new Result(size, source.Sha256, info.MaterialId, info.Size, downloaded, Convert.ToHexStringLower(sha.GetHashAndReset()),
            sampler.Baseline, sampler.Peak, started.Elapsed.TotalSeconds);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>The probe's command line: <c>large-material &lt;connection string&gt; &lt;bytes&gt;</c>.</summary>
    public static bool TryParse(string[] args, out string connectionString, out long size)
    {
        connectionString = "";
        size = 0;
        if (args is not ["large-material", var connection, var bytes]) return false;
        connectionString = connection;
        return long.TryParse(bytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out size);
    }
}
