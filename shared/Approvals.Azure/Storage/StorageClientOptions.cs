using Azure.Core;

namespace Approvals.Azure.Storage;

/// <summary>
/// Knobs shared by the Blob, Queue and Table clients: Azure.Core's retry, transport and diagnostics
/// (inherited from <see cref="ClientOptions"/>) plus the REST versions spoken and the clock used to date requests.
/// </summary>
public class StorageClientOptions : ClientOptions
{
    /// <summary>The <c>x-ms-version</c> sent to the Blob and Queue services.</summary>
    public string BlobQueueServiceVersion { get; set; } = "2024-11-04";

    /// <summary>The <c>x-ms-version</c> sent to the Table service (the newest version Tables document).</summary>
    public string TableServiceVersion { get; set; } = "2019-02-02";

    /// <summary>
    /// The clock that stamps <c>x-ms-date</c>. The service rejects requests more than 15 minutes off, so this should
    /// stay the real clock even when business time is simulated.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
