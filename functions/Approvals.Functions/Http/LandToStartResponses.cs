using Approvals.LandToStart;

namespace Approvals.Functions.Http;

/// <summary>The JSON shapes of land-to-start (拿地即开工), with every time shown in +08:00.</summary>
public static class LandToStartResponses
{
    private static DateTimeOffset Local(DateTimeOffset t) => ApplicationResponses.Local(t);

    private static DateTimeOffset? Local(DateTimeOffset? t) => t is { } v ? Local(v) : null;

    private static object? Opinion(LandOpinionView? o) => o is null ? null : new { result = o.Result, opinion = o.Opinion, at = Local(o.At), mark = o.Mark, simulated = o.Simulated };

    /// <summary>The full status (GET /api/land-to-start/{id}).</summary>
    public static object Status(LandToStartStatusView v) => new
    {
        caseId = v.CaseId,
        uscc = v.Uscc,
        projectCode = v.ProjectCode,
        projectName = v.ProjectName,
        park = v.Park,
        soldWithDesignScheme = v.SoldWithDesignScheme,
        status = v.Status,
        appliedAt = Local(v.AppliedAt),
        readyAt = Local(v.ReadyAt),
        planConditions = v.Conditions,
        steps = v.Steps.Select(s => new
        {
            key = s.Key,
            name = s.Name,
            nameEn = s.NameEn,
            department = s.Department,
            state = s.State,
            after = s.After,
            openedAt = Local(s.OpenedAt),
            dueAt = Local(s.DueAt),
            light = s.Light,
            doneAt = Local(s.DoneAt),
            late = s.Late,
            note = s.Note,
        }),
        documents = v.Documents.Select(d => new
        {
            key = d.Key,
            name = d.Name,
            nameEn = d.NameEn,
            department = d.Department,
            state = d.State,
            simulatedOpinion = Opinion(d.Simulated),
            formalOpinion = Opinion(d.Formal),
            certificate = d.Certificate,
            issuedAt = Local(d.IssuedAt),
            light = d.Light,
            reReviewBecause = d.ReReviewBecause,
        }),
        contract = v.ContractNumber is null ? null : new { number = v.ContractNumber, signedOn = v.ContractSignedOn, registeredAt = Local(v.ContractAt) },
        timeline = v.Timeline.Select(e => new { at = Local(e.At), @event = e.Event }),
    };

    /// <summary>One case in a list.</summary>
    public static object Line(LandToStartStatusView v) => new
    {
        caseId = v.CaseId,
        uscc = v.Uscc,
        projectCode = v.ProjectCode,
        projectName = v.ProjectName,
        status = v.Status,
        appliedAt = Local(v.AppliedAt),
        stepsDone = v.Steps.Count(s => s.State is "done" or "skipped"),
        steps = v.Steps.Count,
        red = v.Steps.Count(s => s.Light == "red") + v.Documents.Count(d => d.Light == "red"),
        documents = v.Documents.Select(d => new { key = d.Key, state = d.State, light = d.Light }),
    };
}
