using System.ComponentModel.DataAnnotations;

namespace Approvals.Functions.Hosting;

/// <summary>Public face of the portal: the base URL printed in certificate QR codes.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The largest material upload accepted, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxMaterialBytes { get; set; } = 256L * 1024 * 1024;
}
