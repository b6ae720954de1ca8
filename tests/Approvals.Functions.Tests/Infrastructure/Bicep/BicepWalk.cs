namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>Every value of a file, depth first: statement values and everything nested in objects, arrays, loops and conditions.</summary>
public static class BicepWalk
{
    public static IEnumerable<BicepValue> Values(BicepFile file) =>
        file.Statements.SelectMany(statement => statement switch
        {
            BicepParameter { Default: { } value } => Descend(value),
            BicepVariable variable => Descend(variable.Value),
            BicepResource resource => Descend(resource.Value),
            BicepModule module => Descend(module.Value),
            BicepOutput output => Descend(output.Value),
            BicepTargetScope scope => Descend(scope.Value),
            _ => [],
        });

    public static IEnumerable<BicepValue> Descend(BicepValue value)
    {
        yield return value;
        var children = value switch
        {
            BicepObject o => o.Properties.Select(p => p.Value),
            BicepArray a => a.Items,
            BicepFor f => [f.Source, f.Body],
            BicepIf i => [i.Condition, i.Body],
            _ => [],
        };
        foreach (var child in children.SelectMany(Descend)) yield return child;
    }
}
