using System.Text.Json;
using DurableTasks.Backends;
using DurableTasks.Client;
using DurableTasks.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableTasks.DependencyInjection;

/// <summary>Registers the embedded backend in a host: the store, the registry, Microsoft's client type and (optionally) the worker.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>The data converter the embedded backend uses unless told otherwise: System.Text.Json with web defaults (camelCase).</summary>
    public static DataConverter WebJsonConverter { get; } = new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// Adds the embedded backend. <paramref name="createStore"/> builds the store; <paramref name="register"/> adds
    /// orchestrators and activities to Microsoft's <see cref="DurableTaskRegistry"/>. With <paramref name="runWorker"/> the
    /// worker runs as a hosted service in this process. <see cref="DurableTaskClient"/> resolves to the embedded client.
    /// </summary>
    public static IServiceCollection AddEmbeddedDurableTasks(
        this IServiceCollection services,
        Func<IServiceProvider, IOrchestrationStore> createStore,
        Action<DurableTaskRegistry> register,
        EmbeddedWorkerOptions? workerOptions = null,
        bool runWorker = true)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(WebJsonConverter);
        services.AddSingleton(createStore);
        services.AddSingleton(RegisteredTasks.From(register));
        services.AddSingleton(workerOptions ?? new EmbeddedWorkerOptions());
        services.AddSingleton(sp => new EmbeddedDurableTaskClient(sp.GetRequiredService<IOrchestrationStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DataConverter>()));
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<EmbeddedDurableTaskClient>());
        services.AddSingleton(sp => new EmbeddedDurableTaskWorker(
            sp.GetRequiredService<IOrchestrationStore>(),
            sp.GetRequiredService<RegisteredTasks>(),
            sp,
            sp.GetRequiredService<EmbeddedWorkerOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DataConverter>(),
            sp.GetService<ILoggerFactory>()));
        if (runWorker)
        {
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<EmbeddedDurableTaskWorker>());
        }
        return services;
    }
}
