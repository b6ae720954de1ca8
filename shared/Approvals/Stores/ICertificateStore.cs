namespace Approvals.Stores;

/// <summary>Certificates: an index (number, item, holder, project, status) and each one's document.</summary>
public interface ICertificateStore
{
    /// <summary>Stores a certificate and its document; issuing the same number again changes nothing (idempotent).</summary>
    Task<CertificateRecord> IssueAsync(CertificateRecord certificate, byte[] document, string documentContentType, CancellationToken cancellationToken = default);

    Task<CertificateRecord?> GetAsync(string number, CancellationToken cancellationToken = default);

    /// <summary>Marks a certificate revoked (撤销) with the reason; revoking twice keeps the first record.</summary>
    Task<CertificateRecord?> RevokeAsync(string number, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CertificateRecord>> ListByProjectAsync(string projectCode, CancellationToken cancellationToken = default);

    Task<(byte[] Content, string ContentType)?> GetDocumentAsync(string number, CancellationToken cancellationToken = default);
}
