using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Approvals.Azure.Storage;

/// <summary>
/// The client options every store uses, in one place. The REST versions are pinned on purpose: the SDKs' default
/// (2026-10-06 for Blobs 12.30.1 and Queues 12.28.1) is newer than Azurite 3.37 accepts, and Azurite refuses it
/// unless started with <c>--skipApiVersionCheck</c>. Pinning <c>V2026_06_06</c>, a version both Azure and Azurite
/// serve, lets the same clients run against either without loosening the emulator (see the README).
/// </summary>
public static class StorageClientDefaults
{
    /// <summary>The Blob REST version spoken: 2026-06-06 (Azurite 3.37 refuses the SDK default 2026-10-06).</summary>
    public const BlobClientOptions.ServiceVersion BlobVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    /// <summary>The Queue REST version spoken: 2026-06-06 (Azurite 3.37 refuses the SDK default 2026-10-06).</summary>
    public const QueueClientOptions.ServiceVersion QueueVersion = QueueClientOptions.ServiceVersion.V2026_06_06;

    /// <summary>Blob options with the pinned version.</summary>
    public static BlobClientOptions Blobs() => new(BlobVersion);

    /// <summary>
    /// Queue options with the pinned version and base64 message text, which is what the Azure Functions queue trigger
    /// reads by default (the SDK's own default is plain text).
    /// </summary>
    public static QueueClientOptions Queues() => new(QueueVersion) { MessageEncoding = QueueMessageEncoding.Base64 };

    /// <summary>Table options: the SDK's default version (2020-12-06) is one Azurite accepts, so nothing is pinned beyond it.</summary>
    public static TableClientOptions Tables() => new(TableClientOptions.ServiceVersion.V2020_12_06);
}
