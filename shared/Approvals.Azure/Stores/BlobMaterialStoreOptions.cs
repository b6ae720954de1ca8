namespace Approvals.Azure.Stores;

/// <summary>Knobs of <see cref="BlobMaterialStore"/>.</summary>
public sealed record BlobMaterialStoreOptions
{
    /// <summary>4 MiB: the block size used unless configured otherwise.</summary>
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    /// <summary>
    /// Uploads up to this size are hashed in memory and written once under their hash; larger ones stream in blocks of
    /// this size to a staging blob and are then copied under their hash. Memory per upload stays at about one block.
    /// </summary>
    public int BlockSize { get; init; } = DefaultBlockSize;
}
