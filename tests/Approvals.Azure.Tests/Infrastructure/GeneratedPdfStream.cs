using System.Security.Cryptography;

namespace Approvals.Azure.Tests.Infrastructure;

/// <summary>
/// A forward-only stream of <paramref name="length"/> bytes that starts like a PDF and continues with pseudo-random
/// bytes, generated as it is read (nothing is held in memory or written to disk). It hashes what it hands out, so the
/// expected SHA-256 is known once it has been read to the end.
/// </summary>
internal sealed class GeneratedPdfStream(long length, ulong seed = 0x9E3779B97F4A7C15) : Stream
{
    private static readonly byte[] Header = "%PDF-1.7\n%generated test material\n"u8.ToArray();
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private ulong state = seed;
    private long position;
    private string? hash;

    /// <summary>The SHA-256 of everything read, once the stream has been read to its end.</summary>
    public string Sha256 => hash ?? throw new InvalidOperationException("Not read to the end yet.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - position);
        if (n <= 0)
        {
            hash ??= Convert.ToHexStringLower(sha256.GetHashAndReset());
            return 0;
        }
        var span = buffer[..n];
        var i = 0;
        for (; position + i < Header.Length && i < n; i++) span[i] = Header[position + i];
        for (; i < n; i++)
        {
            // xorshift64: fast, deterministic, incompressible enough for a storage test.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            span[i] = (byte)state;
        }
        sha256.AppendData(span);
        position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

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
