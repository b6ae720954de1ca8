using Microsoft.Extensions.Logging;

namespace Bench.Peers;

/// <summary>What the peers share: a logger factory that lets only warnings and errors through, and the producer count.</summary>
internal static class PeerLogging
{
    /// <summary>Concurrent schedulers, as in <see cref="EngineBenchmark"/>, so the producer is not the limit.</summary>
    public const int Producers = 8;

    public static ILoggerFactory Quiet() => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Warning)
        .AddSimpleConsole(console => console.SingleLine = true));
}
