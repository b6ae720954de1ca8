using Approvals.Activities;
using Approvals.Applications;
using Approvals.Catalog;
using Approvals.JointAcceptance;
using Approvals.StagedPermits;
using Approvals.Stores;

namespace Approvals.Intake;

/// <summary>
/// Intake (受理) of a notify-and-commit application: validates the submission against the catalog, the applicant's
/// materials and its credit, grades the risk, decides the route per material (provided, committed, or accepted
/// with a gap), draws the reproducible sample, and computes every deadline, so the orchestration starts with a
/// complete plan and stays free of reference data. Every problem is reported at once; nothing is written.
/// </summary>
public sealed class IntakePlanner(
    ItemCatalog catalog,
    IntakePolicy policy,
    IDeadlineCalculator calendar,
    ICreditLedger credit,
    IMaterialStore materials,
    TimeProvider timeProvider,
    JointAcceptancePlanner jointPlanner,
    IProjectCommitmentLookup earlierCommitments,
    IProjectStageLookup? earlierStages = null,
    StagedPermitPolicy? stagedPermits = null)
{
    private readonly StagedPermitPolicy staging = stagedPermits ?? StagedPermitPolicy.Embedded;

    private readonly RiskGrader risk = new(policy.Risk);
    private readonly CreditAssessor assessor = new(policy.Credit);

    /// <summary>The applicant's standing today, as <c>GET /api/credit/{uscc}</c> shows it.</summary>
    public async Task<CreditStanding> StandingAsync(string uscc, CancellationToken cancellationToken = default) =>
        assessor.Assess(uscc, await credit.ReadAsync(uscc, cancellationToken), timeProvider.GetUtcNow());

    /// <summary>Plans a commitment-approval submission; <paramref name="callerUscc"/> is the signed-in applicant (null: trusted caller).</summary>
    public async Task<IntakeDecision> PlanAsync(string applicationId, Submission submission, string? callerUscc, CancellationToken cancellationToken = default)
    {
        var problems = new IntakeProblems();
        SubmissionShape.Check(submission, callerUscc, problems);
        var stage = submission.Procedure == StagedPermitPolicy.Procedure ? StagedPermitRules.CheckShape(submission, staging, problems) : null;
        if (submission.Procedure != StagedPermitPolicy.Procedure && submission.Stage is not null)
        {
            problems.Add("stage", $"stage applies to procedure {StagedPermitPolicy.Procedure} only.");
        }
        var stageMaterials = stage?.Stage.Materials ?? [];
        var items = ChosenItems(submission, problems);

        var uscc = submission.Applicant?.Uscc ?? "";
        var standing = problems.Has("applicant.uscc") ? null : await StandingAsync(uscc, cancellationToken);
        var assessment = problems.Has("project.type") || submission.Project is null ? null : risk.Grade(submission.Project);
        await CheckMaterialsAsync(submission, items, stageMaterials, uscc, problems, cancellationToken);
        var commitments = PlanCommitments(submission, items, standing, problems);
        CheckCompleteness(submission, items, stageMaterials, problems);

        if (problems.Any || standing is null || assessment is null) return new(null, problems.ToDictionary(), assessment, standing);
        string? stageClaim = null;
        if (stage is { } staged)
        {
            var found = earlierStages is null ? [] : await earlierStages.FindAsync(submission.Project!.Code!, cancellationToken);
            // A retry of this very submission (same id) after a crash finds its own application: that one is not earlier.
            var earlier = found.Where(e => e.ApplicationId != applicationId).ToList();
            if (StagedPermitRules.Conflict(staging, staged.Stage, staged.Order, submission.Contractor!.Uscc!, earlier) is { } conflict)
            {
                return new(null, problems.ToDictionary(), assessment, standing) { Conflict = conflict };
            }
            stageClaim = StageClaims.Key(submission.Project!.Code!, staged.Stage.Code, StageClaims.Attempt(staged.Stage.Code, earlier));
        }

        var now = timeProvider.GetUtcNow();
        if (submission.Procedure == SubmissionShape.JointAcceptance)
        {
            return await PlanJointAcceptanceAsync(applicationId, submission, items, assessment, standing, now, commitments, cancellationToken);
        }
        var seed = $"{applicationId}:{now:yyyyMMdd}";
        var plan = new ApplicationPlan
        {
            ApplicationId = applicationId,
            Uscc = uscc,
            ApplicantName = submission.Applicant!.Name!,
            ProjectCode = submission.Project!.Code!,
            ProjectName = submission.Project.Name!,
            Procedure = stage is null ? SubmissionShape.CommitmentApproval : StagedPermitPolicy.Procedure,
            RiskLevel = assessment.Level,
            AcceptedAt = now,
            Tasks = items.Where(i => !i.AutoApprove).Select(i => Task(i, now)).Select(t => stage is { } st && t.Item == staging.Item
                ? t with { ItemName = StagedPermitRules.PermitName(t.ItemName, staging, st.Stage, st.Order) }
                : t).ToList(),
            UnattendedItems = items.Where(i => i.AutoApprove).Select(i => new PlannedItem(i.Code, i.Name, i.Department)).ToList(),
            Commitments = commitments.Select((c, n) => Sample(c, $"{applicationId}-C{n + 1}", assessment.Level, standing, seed)).ToList(),
            CorrectionPeriodWorkingDays = policy.CorrectionPeriodWorkingDays,
            SamplingSeed = seed,
            Stage = stage is { } chosen
                ? new PermitStageView(chosen.Stage.Code, chosen.Order, staging.Stages.Count, chosen.Stage.Name, chosen.Stage.NameEn,
                    Identity.Uscc.TryParse(submission.Contractor!.Uscc, out var contractor, out _) ? contractor.Value : submission.Contractor.Uscc!, submission.Contractor.Name!.Trim())
                : null,
            StageClaim = stageClaim,
        };
        return new(plan, problems.ToDictionary(), assessment, standing);
    }

    /// <summary>
    /// Joint acceptance: the stages, time plan and steps come from its own planner, with the project's earlier commitments.
    /// New commitments are those the catalog opens, i.e. fire acceptance filing by commitment (消防验收备案承诺制, Shandong
    /// 2023 measure 8), sampled at its lower ratio for low-risk projects and verified after the acceptance.
    /// </summary>
    private async Task<IntakeDecision> PlanJointAcceptanceAsync(string applicationId, Submission submission, List<CatalogItem> items,
        RiskAssessment assessment, CreditStanding standing, DateTimeOffset now, List<DraftCommitment> commitments, CancellationToken cancellationToken)
    {
        var project = submission.Project!;
        var request = new JointAcceptanceRequest
        {
            ApplicationId = applicationId,
            Uscc = submission.Applicant!.Uscc!,
            ApplicantName = submission.Applicant.Name!,
            ProjectCode = project.Code!,
            ProjectName = project.Name!,
            ProjectType = project.Type!,
            RiskLevel = assessment.Level,
            SocialInvestment = project.SocialInvestment ?? false,
            KeyProject = project.KeyProject ?? false,
            CivilAirDefenceWorks = project.CivilAirDefenceWorks,
            AcceptanceStages = submission.AcceptanceStages!,
            Items = items.Select(i => i.Code).ToList(),
            UnitName = string.IsNullOrWhiteSpace(submission.Unit) ? null : submission.Unit,
            SurveyResultsMaterialId = submission.Materials?.FirstOrDefault(m => m?.MaterialCode == "SURVEY-RESULTS")?.MaterialId,
        };
        var earlier = await earlierCommitments.FindAsync(request.ProjectCode, cancellationToken);
        var result = jointPlanner.Plan(request, now, earlier);
        if (!result.Accepted)
        {
            return new(null, new Dictionary<string, string[]> { ["acceptanceStages"] = [.. result.Problems] }, assessment, standing);
        }
        var seed = $"{applicationId}:{now:yyyyMMdd}";
        var plan = result.Plan! with
        {
            Commitments = commitments.Select((c, n) => Sample(c, $"{applicationId}-C{n + 1}", assessment.Level, standing, seed)).ToList(),
            SamplingSeed = seed,
        };
        return new(null, new Dictionary<string, string[]>(), assessment, standing) { JointPlan = plan };
    }

    private List<CatalogItem> ChosenItems(Submission submission, IntakeProblems problems)
    {
        var chosen = new List<CatalogItem>();
        var codes = submission.Items ?? [];
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (string.IsNullOrWhiteSpace(code)) { problems.Add($"items[{i}]", "item code is empty."); continue; }
            if (!catalog.TryGetItem(code, out var item)) { problems.Add($"items[{i}]", $"unknown item {code}; GET /api/catalog/items lists them."); continue; }
            if (chosen.Contains(item)) { problems.Add($"items[{i}]", $"{code} is chosen twice."); continue; }
            var expected = submission.Procedure == SubmissionShape.JointAcceptance ? Procedure.JointAcceptance : Procedure.CommitmentApproval;
            if (item.Procedure != expected) { problems.Add($"items[{i}]", $"{code} belongs to the other procedure."); continue; }
            chosen.Add(item);
        }
        return chosen;
    }

    private async Task CheckMaterialsAsync(Submission submission, List<CatalogItem> items, IReadOnlyList<StageMaterial> stageMaterials, string uscc, IntakeProblems problems, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = submission.Materials ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { MaterialCode: { Length: > 0 } code } m) continue;
            if (!seen.Add(code)) problems.Add($"materials[{i}].materialCode", $"{code} is given twice.");
            else if (!items.Any(it => it.Material(code) is not null) && stageMaterials.All(sm => sm.Code != code)) problems.Add($"materials[{i}].materialCode", $"none of the chosen items asks for {code}.");
            if (SubmissionShape.IsSha256(m.MaterialId) && uscc.Length > 0 && !await materials.IsOwnedByAsync(m.MaterialId!, uscc, cancellationToken))
            {
                problems.Add($"materials[{i}].materialId", $"no material {m.MaterialId![..12]}… was uploaded by this applicant (POST /api/materials first).");
            }
        }
    }

    /// <summary>
    /// One commitment per material however many items need it (一对多). A material every requiring item lets be
    /// committed is an ordinary commitment of the catalog's class; a material the catalog marks gap-eligible for every
    /// other item becomes a gap (容缺受理) to supply later, which credit must allow. Nothing else may be missing.
    /// </summary>
    private List<DraftCommitment> PlanCommitments(Submission submission, List<CatalogItem> items, CreditStanding? standing, IntakeProblems problems)
    {
        var drafts = new List<DraftCommitment>();
        var provided = (submission.Materials ?? []).Select(m => m?.MaterialCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var list = submission.Commitments ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { MaterialCode: { Length: > 0 } code, Class: { } @class } || !SubmissionShape.Classes.Contains(@class)) continue;
            var field = $"commitments[{i}]";
            if (drafts.Any(d => d.MaterialCode == code)) { problems.Add(field, $"{code} is committed twice; one commitment serves every item (一对多)."); continue; }
            if (provided.Contains(code)) { problems.Add(field, $"{code} is both provided and committed; choose one."); continue; }
            var requiring = items.Where(it => it.Material(code) is { Required: true }).ToList();
            if (requiring.Count == 0) { problems.Add(field, $"none of the chosen items requires {code}."); continue; }
            if (standing is { CommitmentAllowed: false }) { problems.Add(field, $"commitment route refused: credit grade {standing.Grade}, {standing.Restriction}."); continue; }

            var refusing = requiring.Where(it => !it.CommitmentAllowed || it.Material(code) is not { Commitable: true }).ToList();
            if (refusing.Count == 0)
            {
                var expected = StrictestClass(requiring, code);
                if (expected != @class) { problems.Add($"{field}.class", $"{code} is committed as {expected}, not {@class}."); continue; }
                drafts.Add(new DraftCommitment(code, requiring[0].Material(code)!.Name, @class, requiring, Gap: false));
                continue;
            }
            var key = requiring.Where(it => it.Material(code)!.Key).Select(it => it.Code).ToList();
            if (key.Count > 0) { problems.Add(field, $"{code} is a key material of {string.Join(", ", key)}: it must be provided, not committed."); continue; }
            var closed = refusing.Where(it => it.Material(code) is not { GapEligible: true }).Select(it => it.Code).ToList();
            if (closed.Count > 0)
            {
                problems.Add(field, $"{string.Join(", ", closed)} take no commitment for {code} and the catalog does not open it to acceptance with gaps (容缺): it must be provided.");
                continue;
            }
            if (@class != "supplement") { problems.Add($"{field}.class", $"{string.Join(", ", refusing.Select(r => r.Code))} take no commitment for {code}; only a gap to supplement (容缺) is possible."); continue; }
            if (standing is { GapAcceptanceAllowed: false }) { problems.Add(field, $"acceptance with gaps refused: credit grade {standing.Grade}."); continue; }
            drafts.Add(new DraftCommitment(code, requiring[0].Material(code)!.Name, @class, requiring, Gap: true));
        }
        return drafts;
    }

    private static void CheckCompleteness(Submission submission, List<CatalogItem> items, IReadOnlyList<StageMaterial> stageMaterials, IntakeProblems problems)
    {
        var covered = (submission.Materials ?? []).Select(m => m?.MaterialCode).OfType<string>()
            .Concat((submission.Commitments ?? []).Select(c => c?.MaterialCode).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var material in item.Materials.Where(m => m.Required && !covered.Contains(m.Code)))
            {
                var how = item.CommitmentAllowed && material.Commitable ? "upload it or commit to it" : material.Key ? "upload it (key material)" : "upload it";
                problems.Add("materials", $"{material.Code} ({material.Name}) is required by {item.Code}: {how}.");
            }
        }
        var provided = (submission.Materials ?? []).Select(m => m?.MaterialCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var material in stageMaterials.Where(m => !provided.Contains(m.Code)))
        {
            problems.Add("materials", $"{material.Code} ({material.Name}) is required by the stage {submission.Stage}: upload it.");
        }
    }

    private PlannedTask Task(CatalogItem item, DateTimeOffset now)
    {
        var basis = new DeadlineRequest(now, item.TimeLimitWorkingDays);
        var due = calendar.Compute(basis);
        return new PlannedTask(item.Department, item.Code, item.Name, item.TimeLimitWorkingDays, due.DueAt, due.YellowAt, due.Provisional, basis);
    }

    /// <summary>Decides whether a commitment is checked (核查), by rule, risk and the reproducible draw.</summary>
    private PlannedCommitment Sample(DraftCommitment draft, string id, string riskLevel, CreditStanding standing, string seed)
    {
        var first = draft.Items[0];
        var rule = first.Verification ?? new VerificationRule(first.Department, first.TimeLimitWorkingDays, SamplingRule.Always);
        var within = draft.Gap ? draft.Items.Min(i => i.TimeLimitWorkingDays) : draft.Items.Min(i => i.Verification?.WithinWorkingDays ?? rule.WithinWorkingDays);
        var (sampled, reason) = draft.Class switch
        {
            "supplement" => (true, draft.Gap ? "gap (容缺): the material must be supplied" : "supplement: the material must be supplied"),
            _ when rule.Sampling == SamplingRule.Always => (true, "catalog rule: always checked"),
            _ when rule.Sampling == SamplingRule.None => (false, "catalog rule: not sampled"),
            _ when riskLevel == RiskLevels.High => (true, "high risk: always checked"),
            _ => Draw(draft, id, riskLevel, standing, seed),
        };
        return new PlannedCommitment(id, draft.MaterialCode, draft.MaterialName, draft.Class, draft.Items.Select(i => i.Code).ToList(),
            rule.Department, within, sampled, reason, draft.Gap);
    }

    private (bool, string) Draw(DraftCommitment draft, string id, string riskLevel, CreditStanding standing, string seed)
    {
        var ratio = riskLevel == RiskLevels.Low && draft.Items.Any(i => policy.Sampling.LowFireRiskFilingItems.Contains(i.Code))
            ? policy.Sampling.LowFireRiskFilingRatio
            : policy.Sampling.Ratios[riskLevel];
        if (standing.Grade == "A") ratio *= policy.Sampling.GoodCreditFactor;
        var draw = CommitmentSampler.Draw(seed, id);
        return (draw < ratio, $"draw {draw:0.0000} {(draw < ratio ? "<" : "≥")} ratio {ratio:0.####} ({riskLevel} risk{(standing.Grade == "A" ? ", good credit" : "")}; seed {seed})");
    }

    /// <summary>
    /// The class of a commitment shared by items whose classes differ: the strictest wins, because one commitment
    /// must satisfy every department (supplement: the material must come; on-site: an inspection; retained: on file).
    /// </summary>
    private static string StrictestClass(IEnumerable<CatalogItem> requiring, string code) =>
        requiring.Select(i => Wire(i.Material(code)!.CommitmentClass ?? i.CommitmentClass))
            .OrderBy(c => Array.IndexOf(["supplement", "on-site", "retained"], c)).First();

    private static string Wire(CommitmentClass? c) => c switch
    {
        CommitmentClass.Supplement => "supplement",
        CommitmentClass.Retained => "retained",
        CommitmentClass.OnSite => "on-site",
        _ => "supplement",
    };

    private sealed record DraftCommitment(string MaterialCode, string MaterialName, string Class, IReadOnlyList<CatalogItem> Items, bool Gap);
}
