using Approvals.Functions.Triggers.Durable;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Hosting;

/// <summary>
/// The isolated worker under the Azure Functions host (Azure, or <c>func start</c>): the host owns HTTP, queues,
/// timers and Durable Functions; this process runs the functions with the ASP.NET Core integration.
/// </summary>
public static class FunctionsWorkerHost
{
    /// <summary>The Functions host starts its worker with these arguments (older hosts: --host/--port/--workerId).</summary>
    public static bool IsStartedByFunctionsHost(string[] args) =>
        args.Any(a => a is "--functions-uri" or "--functions-worker-id" or "--workerId" or "--functions-request-id");

    public static IHost Build(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<DurableClientMiddleware>();
        builder.Services.AddSingleton<DurableClientSlot>();
        builder.Services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<DurableClientSlot>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddFunctionApp(builder.Configuration);
        // Durable Functions' isolated extension serializes orchestration payloads and custom status with the worker's serializer.
        builder.Services.Configure<Microsoft.Azure.Functions.Worker.WorkerOptions>(options => options.Serializer = new global::Azure.Core.Serialization.JsonObjectSerializer(Json.DurablePayloads.Options));
        return builder.Build();
    }
}
