using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions.LocalHost;

/// <summary>One <c>[Function]</c> method of the app and its trigger, as the local host runs it.</summary>
public sealed record LocalFunction(string Name, MethodInfo Method, ParameterInfo TriggerParameter, Attribute Trigger)
{
    public HttpTriggerAttribute? Http => Trigger as HttpTriggerAttribute;

    public QueueTriggerAttribute? Queue => Trigger as QueueTriggerAttribute;

    public TimerTriggerAttribute? Timer => Trigger as TimerTriggerAttribute;

    public bool IsOrchestration => Trigger is OrchestrationTriggerAttribute;

    public bool IsActivity => Trigger is ActivityTriggerAttribute;

    /// <summary>The binding type functions.metadata gives the trigger (httpTrigger, queueTrigger, ...).</summary>
    public string TriggerType => Trigger switch
    {
        HttpTriggerAttribute => "httpTrigger",
        QueueTriggerAttribute => "queueTrigger",
        TimerTriggerAttribute => "timerTrigger",
        OrchestrationTriggerAttribute => "orchestrationTrigger",
        ActivityTriggerAttribute => "activityTrigger",
        _ => Trigger.GetType().Name,
    };
}
