using Microsoft.DurableTask.Worker.Shims;

namespace DurableTasks.Worker;

/// <summary>
/// The service provider handed to Microsoft's runtime: it answers <see cref="DurableTaskShimFactory"/> with the one built
/// from this worker's options (data converter, maximum timer interval) and everything else from the app's services.
/// </summary>
internal sealed class RuntimeServices(IServiceProvider inner, DurableTaskShimFactory shims) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(DurableTaskShimFactory) ? shims : inner.GetService(serviceType);
}
