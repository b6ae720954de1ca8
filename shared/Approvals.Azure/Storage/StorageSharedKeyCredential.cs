using System.Security.Cryptography;
using System.Text;

namespace Approvals.Azure.Storage;

/// <summary>
/// A storage account name and its access key, used to sign requests with Shared Key. Production code prefers a
/// <see cref="global::Azure.Core.TokenCredential"/> (managed identity); Shared Key is for Azurite and key-based
/// connection strings.
/// </summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] key;

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        try
        {
            key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException e)
        {
            throw new FormatException("The storage account key is not valid base64.", e);
        }
    }

    public string AccountName { get; }

    /// <summary>The base64 HMAC-SHA256 of <paramref name="stringToSign"/> (UTF-8) under the account key.</summary>
    public string ComputeSignature(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
}
