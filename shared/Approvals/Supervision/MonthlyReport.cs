namespace Approvals.Supervision;

/// <summary>
/// The monthly data analysis report (月度数据分析报告, measure 37) for one month in Asia/Shanghai: applications, working
/// days used per item and department, overdue tasks, commitments verified and broken, credit outcomes.
/// </summary>
public sealed record MonthlyReport(
    string Month,
    DateTimeOffset GeneratedAt,
    int ApplicationsAccepted,
    IReadOnlyDictionary<string, int> ApplicationsByStatus,
    IReadOnlyList<ItemFigures> Items,
    IReadOnlyList<DepartmentFigures> Departments,
    int OverdueTasks,
    CommitmentFigures Commitments,
    IReadOnlyDictionary<string, int> CreditOutcomes)
{
    /// <summary>Business openings (开户即开业) in the month; null where the report was built without them.</summary>
    public BusinessOpeningFigures? BusinessOpenings { get; init; }

    /// <summary>Calls, utilities, the direct train, land-to-start and steward warnings in the month.</summary>
    public ServiceFigures? Services { get; init; }
}

/// <summary>Decisions on one item within the month and the working days they took.</summary>
public sealed record ItemFigures(string Item, string Department, int Decided, int Approved, int Rejected, int Corrections, double AverageWorkingDays, int MaxWorkingDays, int Overdue);

public sealed record DepartmentFigures(string Department, int Decided, double AverageWorkingDays, int Overdue);

/// <summary>Commitments by outcome; <see cref="NotSampled"/>: not sampled, no finding (not a verification).</summary>
public sealed record CommitmentFigures(int Made, int Fulfilled, int Broken, int False, int Open, int Sampled, int NotSampled = 0);
