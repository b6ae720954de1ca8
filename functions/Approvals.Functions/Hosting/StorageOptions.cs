using System.ComponentModel.DataAnnotations;

namespace Approvals.Functions.Hosting;

/// <summary>Where data lives: the embedded default (SQLite file + blob folder) or an Azure Storage account.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>embedded</c> (default) or <c>azure</c>.</summary>
    [RegularExpression("^(embedded|azure)$", ErrorMessage = "Storage:Mode must be 'embedded' or 'azure'.")]
    public string Mode { get; set; } = "embedded";

    /// <summary>The embedded store's folder (environment <c>Storage__Path</c>).</summary>
    [Required]
    public string Path { get; set; } = ".data";

    /// <summary>For <c>azure</c>: a connection string (Azurite or an account key), or empty to use <see cref="AccountName"/> with managed identity.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>For <c>azure</c> with managed identity: the storage account name.</summary>
    public string? AccountName { get; set; }

    /// <summary>For <c>azure</c> with a user-assigned managed identity: its client id.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
