namespace Approvals.Functions.Hosting;

/// <summary>A store or dependency <c>GET /api/health</c> asks.</summary>
public interface IHealthProbe
{
    string Name { get; }

    Task<(bool Ok, string Detail)> CheckAsync(CancellationToken cancellation);
}
