namespace Approvals.Stores;

/// <summary>Why an upload was refused: too large (413) or not a PDF/OFD/JPEG/PNG by content (415).</summary>
public sealed class MaterialRejectedException(MaterialRejection reason, string message) : Exception(message)
{
    public MaterialRejection Reason { get; } = reason;
}

/// <summary>The kinds of refusal.</summary>
public enum MaterialRejection
{
    TooLarge,
    UnsupportedType,
    Empty,
}
