namespace Approvals.Azure.Blobs;

/// <summary>
/// A blob being downloaded: its properties and its content as the network stream (nothing is buffered).
/// Dispose it to release the connection.
/// </summary>
public sealed class BlobDownload : IAsyncDisposable, IDisposable
{
    internal BlobDownload(Stream content, BlobProperties properties)
    {
        Content = content;
        Properties = properties;
    }

    public BlobProperties Properties { get; }

    public Stream Content { get; }

    public void Dispose() => Content.Dispose();

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
