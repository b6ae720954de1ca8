using System.Security.Cryptography;
using Approvals.Stores;

namespace Approvals.Azure.Stores;

/// <summary>
/// Wraps an upload as it is read once: hashes it (SHA-256), counts it against the size limit, and sniffs its type from
/// the first <see cref="ContentSniffer.HeaderLength"/> bytes, throwing <see cref="MaterialRejectedException"/> as soon as
/// the content is too large, empty or not PDF/OFD/JPEG/PNG, so a refused upload stops mid-stream and is never committed.
/// </summary>
internal sealed class MaterialUploadStream(Stream inner, long maxBytes) : Stream
{
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] header = new byte[ContentSniffer.HeaderLength];
    private int headerLength;
    private long size;
    private string? contentType;
    private bool finished;

    public long Size => size;

    /// <summary>The sniffed type, known once the header is complete or the stream ended.</summary>
    public string? ContentType => contentType;

    /// <summary>The lower-case hex SHA-256, available once the stream has been read to its end.</summary>
    public string Hash => finished ? hash! : throw new InvalidOperationException("The upload has not been read to its end.");

    private string? hash;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => size; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        return Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Account(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            if (!finished)
            {
                if (size == 0) throw new MaterialRejectedException(MaterialRejection.Empty, "The material is empty.");
                SniffOrReject();
                hash = Convert.ToHexStringLower(sha256.GetHashAndReset());
                finished = true;
            }
            return 0;
        }
        size += data.Length;
        if (size > maxBytes) throw new MaterialRejectedException(MaterialRejection.TooLarge, $"The material is larger than the limit of {maxBytes} bytes.");
        if (headerLength < header.Length)
        {
            var take = Math.Min(data.Length, header.Length - headerLength);
            data[..take].CopyTo(header.AsSpan(headerLength));
            headerLength += take;
            if (headerLength == header.Length) SniffOrReject();
        }
        sha256.AppendData(data);
        return data.Length;
    }

    private void SniffOrReject()
    {
        if (contentType is not null) return;
        contentType = ContentSniffer.Sniff(header.AsSpan(0, headerLength))
            ?? throw new MaterialRejectedException(MaterialRejection.UnsupportedType,
                $"Only PDF, OFD, JPEG and PNG materials are accepted; this is {ContentSniffer.Describe(header.AsSpan(0, headerLength))}.");
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) sha256.Dispose();
        base.Dispose(disposing);
    }
}
