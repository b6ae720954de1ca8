using Approvals.Stores;

namespace Approvals.Functions.Hosting;

/// <summary>Health probes that make one cheap read on each store, so <c>/api/health</c> names the store that does not answer.</summary>
public sealed class StoreHealthProbe(string name, Func<CancellationToken, Task> read) : IHealthProbe
{
    public string Name => name;

    public async Task<(bool Ok, string Detail)> CheckAsync(CancellationToken cancellation)
    {
        try
        {
            await read(cancellation);
            return (true, "ok");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (false, ex.Message);
        }
    }

    public static void AddAll(IServiceCollection services)
    {
        const string nobody = "000000000000000000";
        // A point read of the durable engine: cheap on every backend (listing instances scans tables on Azure Storage).
        services.AddSingleton<IHealthProbe>(sp => new StoreHealthProbe("engine", ct =>
            sp.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>().GetInstanceAsync("health-probe", ct)));
        services.AddSingleton<IHealthProbe>(sp => new StoreHealthProbe("materials", ct => sp.GetRequiredService<IMaterialStore>().GetAsync(new string('0', 64), ct)));
        services.AddSingleton<IHealthProbe>(sp => new StoreHealthProbe("credit", ct => sp.GetRequiredService<ICreditLedger>().ReadAsync(nobody, ct)));
        services.AddSingleton<IHealthProbe>(sp => new StoreHealthProbe("certificates", ct => sp.GetRequiredService<ICertificateStore>().GetAsync("HEALTH-PROBE", ct)));
        services.AddSingleton<IHealthProbe>(sp => new StoreHealthProbe("records", ct => sp.GetRequiredService<IKeyedRecords>().GetAsync("health", "probe", ct)));
    }
}
