namespace Approvals.JointAcceptance;

/// <summary>
/// A time plan by project risk and type (分类验收时限): the overall limit in working days from acceptance, and the
/// working days each step adds after the one before (0: due the same day as the step before).
/// </summary>
public sealed record AcceptanceTimePlan
{
    public required string Name { get; init; }

    public TimePlanCondition When { get; init; } = new();

    /// <summary>The overall limit in working days from acceptance (e.g. 12, 7 or 3).</summary>
    public required int TotalWorkingDays { get; init; }

    /// <summary>Where the limit and the step split come from: a seed and measure, or "local default, configurable".</summary>
    public string Source { get; init; } = "";

    /// <summary>Working days per step, by step name (<see cref="AcceptanceSteps"/>).</summary>
    public required IReadOnlyDictionary<string, int> Steps { get; init; }

    /// <summary>The working days from acceptance by which <paramref name="step"/> is due: the sum of its own and every earlier step's days.</summary>
    public int OffsetOf(string step)
    {
        var offset = 0;
        foreach (var name in AcceptanceSteps.All)
        {
            offset += Steps.GetValueOrDefault(name);
            if (name == step) return offset;
        }
        throw new ArgumentException($"Unknown acceptance step '{step}'.", nameof(step));
    }
}
