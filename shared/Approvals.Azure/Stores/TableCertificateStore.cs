using System.Text.Json;
using Approvals.Stores;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Approvals.Azure.Stores;

/// <summary>
/// Certificates (电子证照) in Azure Storage: the document in a blob (written once), the record in a table row
/// (partition <c>certificate:{number}</c>) and an index row per project (partition <c>project:{code}</c>, row = number)
/// for listing. Issuing writes document, record, index in that order, each step idempotent, so a retried issue after a
/// crash completes what is missing and never changes what exists. Revocation is an ETag-guarded update of the record.
/// </summary>
public sealed class TableCertificateStore : ICertificateStore
{
    private const string RecordRowKey = "certificate";
    private readonly TableClient table;
    private readonly BlobContainerClient documents;
    private readonly CreateOnce created;

    /// <param name="table">The index table (e.g. <c>Certificates</c>); created on first use.</param>
    /// <param name="documents">The documents container (e.g. <c>certificates</c>); created on first use.</param>
    public TableCertificateStore(TableClient table, BlobContainerClient documents)
    {
        this.table = table ?? throw new ArgumentNullException(nameof(table));
        this.documents = documents ?? throw new ArgumentNullException(nameof(documents));
        created = new CreateOnce(async ct =>
        {
            await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            await documents.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        });
    }

    public async Task<CertificateRecord> IssueAsync(CertificateRecord certificate, byte[] document, string documentContentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(document);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);

        try
        {
            await DocumentBlob(certificate.Number).UploadAsync(new BinaryData(document), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = documentContentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { ["number"] = Uri.EscapeDataString(certificate.Number) },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Issued before: the first document stays.
        }

        var stored = certificate;
        try
        {
            await table.AddEntityAsync(ToEntity(certificate, documentContentType), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            stored = (await GetAsync(certificate.Number, cancellationToken).ConfigureAwait(false))!;
        }

        await table.UpsertEntityAsync(new TableEntity(ProjectPartition(stored.ProjectCode), TableKeyEncoding.Encode(stored.Number))
        {
            { "Number", stored.Number },
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<CertificateRecord?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        var row = await ReadRowAsync(number, cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromEntity(row);
    }

    public async Task<CertificateRecord?> RevokeAsync(string number, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var row = await ReadRowAsync(number, cancellationToken).ConfigureAwait(false);
            if (row is null) return null;
            var record = FromEntity(row);
            if (record.Status == "revoked") return record;
            var revoked = record with { Status = "revoked", RevokedAt = at, RevocationReason = reason };
            try
            {
                await table.UpdateEntityAsync(ToEntity(revoked, row.GetString("DocumentContentType") ?? "application/octet-stream"), row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return revoked;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed meanwhile (revoked by someone else, most likely): read again and decide on the new state.
            }
        }
    }

    public async Task<IReadOnlyList<CertificateRecord>> ListByProjectAsync(string projectCode, CancellationToken cancellationToken = default)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var numbers = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableFilters.PartitionIs(ProjectPartition(projectCode)), select: ["Number"], cancellationToken: cancellationToken).ConfigureAwait(false))
            numbers.Add(row.GetString("Number") ?? TableKeyEncoding.Decode(row.RowKey));

        // The index row only points; the record row is the truth (status may have changed since indexing).
        var records = new List<CertificateRecord>();
        foreach (var chunk in numbers.Chunk(16))
        {
            var read = await Task.WhenAll(chunk.Select(n => GetAsync(n, cancellationToken))).ConfigureAwait(false);
            records.AddRange(read.OfType<CertificateRecord>().Where(r => r.ProjectCode == projectCode));
        }
        return records.OrderBy(r => r.Number, StringComparer.Ordinal).ToList();
    }

    public async Task<(byte[] Content, string ContentType)?> GetDocumentAsync(string number, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(number, cancellationToken).ConfigureAwait(false) is null) return null;
        try
        {
            var download = (await DocumentBlob(number).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            return (download.Content.ToArray(), download.Details.ContentType ?? "application/octet-stream");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<TableEntity?> ReadRowAsync(string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(RecordPartition(number), RecordRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value : null;
    }

    private BlobClient DocumentBlob(string number) => documents.GetBlobClient(TableKeyEncoding.Encode(number));

    private static string RecordPartition(string number) => "certificate:" + TableKeyEncoding.Encode(number);

    private static string ProjectPartition(string projectCode) => "project:" + TableKeyEncoding.Encode(projectCode);

    private static TableEntity ToEntity(CertificateRecord record, string documentContentType)
    {
        var row = new TableEntity(RecordPartition(record.Number), RecordRowKey)
        {
            { "Number", record.Number },
            { "ProjectCode", record.ProjectCode },
            { "HolderUscc", record.HolderUscc },
            { "Item", record.Item },
            { "Status", record.Status },
            { "DocumentContentType", documentContentType },
        };
        TableText.Write(row, "Record", JsonSerializer.Serialize(record));
        return row;
    }

    private static CertificateRecord FromEntity(TableEntity row) =>
        JsonSerializer.Deserialize<CertificateRecord>(TableText.Read(row, "Record") ?? throw new FormatException($"Certificate row {row.PartitionKey} has no record."))!;
}
