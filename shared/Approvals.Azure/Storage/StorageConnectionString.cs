namespace Approvals.Azure.Storage;

/// <summary>
/// A parsed Azure Storage connection string: the account's credential and its Blob, Queue and Table endpoints.
/// Understands <c>UseDevelopmentStorage=true</c> (Azurite's well-known account on 127.0.0.1:10000-10002),
/// <c>DefaultEndpointsProtocol</c> + <c>AccountName</c> + <c>AccountKey</c> (+ <c>EndpointSuffix</c>), and explicit
/// <c>BlobEndpoint</c> / <c>QueueEndpoint</c> / <c>TableEndpoint</c> (Azurite on other ports uses path-style
/// endpoints such as <c>http://127.0.0.1:port/devstoreaccount1</c>).
/// </summary>
public sealed record StorageConnectionString(StorageSharedKeyCredential Credential, Uri BlobEndpoint, Uri QueueEndpoint, Uri TableEndpoint)
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public, documented, not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string AccountName => Credential.AccountName;

    /// <summary>Parses a connection string; throws <see cref="FormatException"/> naming what is missing or unsupported.</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException($"Connection string setting '{part}' is not of the form Name=Value.");
            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            return new StorageConnectionString(
                new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
                new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10001/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"));
        }

        if (settings.ContainsKey("SharedAccessSignature"))
            throw new FormatException("SharedAccessSignature connection strings are not supported; use an account key, Azurite or a TokenCredential.");
        if (!settings.TryGetValue("AccountName", out var account) || account.Length == 0)
            throw new FormatException("The connection string has no AccountName.");
        if (!settings.TryGetValue("AccountKey", out var key) || key.Length == 0)
            throw new FormatException("The connection string has no AccountKey.");

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("https" or "http")) throw new FormatException($"DefaultEndpointsProtocol '{protocol}' must be http or https.");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");

        Uri Endpoint(string setting, string service) =>
            settings.TryGetValue(setting, out var explicitEndpoint)
                ? Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) ? uri : throw new FormatException($"{setting} '{explicitEndpoint}' is not an absolute URI.")
                : new Uri($"{protocol}://{account}.{service}.{suffix}");

        return new StorageConnectionString(new StorageSharedKeyCredential(account, key),
            Endpoint("BlobEndpoint", "blob"), Endpoint("QueueEndpoint", "queue"), Endpoint("TableEndpoint", "table"));
    }
}
