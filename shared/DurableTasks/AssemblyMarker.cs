namespace DurableTasks;

/// <summary>Anchors the assembly for reflection-based checks (dependency direction tests).</summary>
public static class AssemblyMarker;
