namespace Approvals.JointAcceptance;

/// <summary>
/// Everything the joint-acceptance orchestration needs, decided at intake: the inspections per department, the time
/// plan with each step's deadline, the site appointment, and the states of the project's earlier commitments. The
/// orchestration stays deterministic and free of reference data.
/// </summary>
public sealed record JointAcceptancePlan
{
    public required string ApplicationId { get; init; }
    public required string Uscc { get; init; }
    public required string ApplicantName { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string RiskLevel { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>early, late or combined.</summary>
    public required string Stages { get; init; }

    /// <summary>The unit accepted on its own (单位工程), or null for the whole project.</summary>
    public string? UnitName { get; init; }

    /// <summary>The time plan chosen by type and risk (its name), and its overall limit and deadline.</summary>
    public required string TimePlan { get; init; }

    public required int TotalWorkingDays { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public bool Provisional { get; init; }

    /// <summary>The steps in order, each with its deadline.</summary>
    public required IReadOnlyList<PlannedStep> Steps { get; init; }

    /// <summary>One inspection per item; each department attends the site inspection and gives an opinion per item.</summary>
    public required IReadOnlyList<PlannedInspection> Inspections { get; init; }

    /// <summary>The joint site inspection appointment (Asia/Shanghai hour of the policy on the step's due day).</summary>
    public required DateTimeOffset SiteAppointmentAt { get; init; }

    /// <summary>The project's commitments from earlier approvals, as known at intake (re-checked before acceptance passes).</summary>
    public IReadOnlyList<EarlierCommitment> EarlierCommitments { get; init; } = [];

    /// <summary>
    /// Commitments made with this acceptance (fire acceptance filing by commitment, Shandong 2023 measure 8), verified
    /// after the acceptance passes like an approval's: supplied, sampled, or left to complaints until the window ends.
    /// </summary>
    public IReadOnlyList<Applications.PlannedCommitment> Commitments { get; init; } = [];

    /// <summary>Seed of the reproducible sampling (双随机) of <see cref="Commitments"/>.</summary>
    public string SamplingSeed { get; init; } = "";

    public string? SurveyResultsMaterialId { get; init; }

    public int RectificationPeriodWorkingDays { get; init; } = 20;

    public int CommitmentRecheckHours { get; init; } = 24;

    /// <summary>The item the archive-certificate step stands for, when chosen.</summary>
    public string? ArchiveItem { get; init; }

    /// <summary>The item the first-registration step stands for, when chosen.</summary>
    public string? RegistrationItem { get; init; }

    /// <summary>The department that issues the archive certificate (城建档案馆).</summary>
    public string ArchiveDepartment { get; init; } = "ARCH";

    /// <summary>The department that does the first registration (不动产登记中心).</summary>
    public string RegistrationDepartment { get; init; } = "REG";

    /// <summary>The departments that attend the site inspection.</summary>
    public IReadOnlyList<string> Departments => Inspections.Select(i => i.Department).Distinct().ToList();

    public PlannedStep Step(string name) => Steps.Single(s => s.Name == name);

    public bool HasStep(string name) => Steps.Any(s => s.Name == name);
}

/// <summary>A step of the plan: due the end of the <see cref="OffsetWorkingDays"/>th working day from acceptance.</summary>
public sealed record PlannedStep(string Name, int OffsetWorkingDays, DateTimeOffset DueAt, DateTimeOffset YellowAt, bool Provisional)
{
    public static PlannedStep From(string name, int offset, Activities.Deadline deadline) =>
        new(name, offset, deadline.DueAt, deadline.YellowAt, deadline.Provisional);
}

/// <summary>One item a department inspects on site and gives its opinion on.</summary>
public sealed record PlannedInspection(string Department, string Item, string ItemName, string Stage);
