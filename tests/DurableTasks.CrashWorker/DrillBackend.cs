using DurableTasks.Backends;

namespace DurableTasks.CrashWorker;

/// <summary>The store a drill checks with, and the arguments that make a worker process serve the same store.</summary>
public sealed record DrillBackend(Func<IOrchestrationStore> CreateStore, IReadOnlyList<string> WorkerArguments);
