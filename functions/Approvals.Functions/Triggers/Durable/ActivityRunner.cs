using Microsoft.DurableTask;

namespace Approvals.Functions.Triggers.Durable;

/// <summary>Runs a domain activity class for an <c>[ActivityTrigger]</c> function, with its services from the invocation's scope.</summary>
public sealed class ActivityRunner(IServiceProvider services)
{
    public async Task<TOutput> RunAsync<TActivity, TInput, TOutput>(string name, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var activity = ActivatorUtilities.CreateInstance<TActivity>(services);
        return await activity.RunAsync(new Context(name), input);
    }

    /// <summary>The domain's activities read nothing from their context; the name is there for logs.</summary>
    private sealed class Context(string name) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId => "";
    }
}
