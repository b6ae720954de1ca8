namespace DurableTasks.Tests;

public class SmokeTests
{
    [Fact]
    public void Engine_assembly_loads() => Assert.NotNull(typeof(DurableTasks.AssemblyMarker).Assembly);
}
