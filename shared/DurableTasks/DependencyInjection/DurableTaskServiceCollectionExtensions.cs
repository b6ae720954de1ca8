using DurableTasks.Backends;
using DurableTasks.Client;
using DurableTasks.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableTasks.DependencyInjection;

/// <summary>Registers the engine in a host: the store, the registry, the client and (optionally) the in-process worker.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine. <paramref name="createStore"/> builds the store; <paramref name="register"/> adds orchestrators
    /// and activities. With <paramref name="runWorker"/> the worker runs as a hosted service in this process.
    /// </summary>
    public static IServiceCollection AddDurableTasks(
        this IServiceCollection services,
        Func<IServiceProvider, IOrchestrationStore> createStore,
        Action<DurableTaskRegistry> register,
        DurableTaskWorkerOptions? workerOptions = null,
        bool runWorker = true)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(createStore);
        var registry = new DurableTaskRegistry();
        register(registry);
        services.AddSingleton(registry);
        services.AddSingleton(workerOptions ?? new DurableTaskWorkerOptions());
        services.AddSingleton(sp => new DurableTaskClient(sp.GetRequiredService<IOrchestrationStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DurableTaskWorker(
            sp.GetRequiredService<IOrchestrationStore>(),
            sp.GetRequiredService<DurableTaskRegistry>(),
            sp,
            sp.GetRequiredService<DurableTaskWorkerOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            logger: sp.GetService<ILogger<DurableTaskWorker>>()));
        if (runWorker)
        {
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DurableTaskWorker>());
        }
        return services;
    }
}
