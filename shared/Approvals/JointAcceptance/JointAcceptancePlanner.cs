using Approvals.Activities;
using Approvals.Applications;
using Approvals.Calendar;
using Approvals.Catalog;

namespace Approvals.JointAcceptance;

/// <summary>
/// Intake of a joint completion acceptance (竣工联合验收): checks the stage choice (a key project takes all of Qingdao's
/// stage 1 at once), picks the items per stage from the catalog, chooses the time plan by type and risk, and computes
/// every step's working-day deadline and the site appointment.
/// </summary>
public sealed class JointAcceptancePlanner(ItemCatalog catalog, JointAcceptancePolicy policy, IDeadlineCalculator calendar)
{
    public JointAcceptancePlanResult Plan(JointAcceptanceRequest request, DateTimeOffset acceptedAt, IReadOnlyList<EarlierCommitment>? earlierCommitments = null)
    {
        var problems = new List<string>();
        if (!WireName.TryParse<AcceptanceStageChoice>(request.AcceptanceStages, out var choice))
        {
            return JointAcceptancePlanResult.Rejected([$"acceptanceStages: '{request.AcceptanceStages}' is not one of {WireName.Allowed<AcceptanceStageChoice>()}"]);
        }
        var stages = choice switch
        {
            AcceptanceStageChoice.Early => new[] { AcceptanceStage.Early },
            AcceptanceStageChoice.Late => [AcceptanceStage.Late],
            _ => [AcceptanceStage.Early, AcceptanceStage.Late],
        };
        var items = ChooseItems(request, stages, problems);
        if (request.KeyProject)
        {
            var missing = KeyProjectGroups(request).Where(group => !group.Any(items.Contains)).Select(g => string.Join(" or ", g)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"items: a key project must apply for every stage-1 item at once (Qingdao 2022 三(七)); missing {string.Join(", ", missing)}"
                    + (choice == AcceptanceStageChoice.Combined ? "" : "; they span the early and late stages, so choose combined"));
            }
        }
        if (problems.Count == 0 && items.All(i => i == policy.RegistrationItem))
        {
            problems.Add("items: nothing to inspect; first registration follows a joint acceptance and is not applied for alone");
        }
        if (problems.Count > 0) return JointAcceptancePlanResult.Rejected(problems);

        var timePlan = policy.TimePlanFor(request, choice);
        var archiveItem = items.Contains(policy.ArchiveItem) ? policy.ArchiveItem : null;
        var registrationItem = items.Contains(policy.RegistrationItem) ? policy.RegistrationItem : null;
        var steps = AcceptanceSteps.All
            .Where(s => s != AcceptanceSteps.ArchiveCertificate || archiveItem is not null)
            .Where(s => s != AcceptanceSteps.FirstRegistration || registrationItem is not null)
            .Select(s =>
            {
                var offset = timePlan.OffsetOf(s);
                return PlannedStep.From(s, offset, calendar.Compute(new DeadlineRequest(acceptedAt, offset)));
            })
            .ToList();
        var overall = calendar.Compute(new DeadlineRequest(acceptedAt, timePlan.TotalWorkingDays));
        var siteDue = steps.Single(s => s.Name == AcceptanceSteps.SiteInspection).DueAt;
        var appointment = WorkingDayCalendar.StartOfDay(WorkingDayCalendar.ShanghaiDate(siteDue.AddTicks(-1))).AddHours(policy.SiteInspectionHour);
        if (appointment < acceptedAt) appointment = acceptedAt;

        return new JointAcceptancePlanResult(new JointAcceptancePlan
        {
            ApplicationId = request.ApplicationId,
            Uscc = request.Uscc,
            ApplicantName = request.ApplicantName,
            ProjectCode = request.ProjectCode,
            ProjectName = request.ProjectName,
            RiskLevel = request.RiskLevel,
            AcceptedAt = acceptedAt,
            Stages = WireName.Of(choice),
            UnitName = string.IsNullOrWhiteSpace(request.UnitName) ? null : request.UnitName.Trim(),
            TimePlan = timePlan.Name,
            TotalWorkingDays = timePlan.TotalWorkingDays,
            DueAt = overall.DueAt,
            Provisional = overall.Provisional,
            Steps = steps,
            Inspections = items.Where(i => i != policy.RegistrationItem).Select(catalog.Item)
                .Select(i => new PlannedInspection(i.Department, i.Code, i.Name, WireName.Of(i.Stage!.Value))).ToList(),
            SiteAppointmentAt = appointment,
            EarlierCommitments = earlierCommitments ?? [],
            SurveyResultsMaterialId = request.SurveyResultsMaterialId,
            RectificationPeriodWorkingDays = policy.RectificationPeriodWorkingDays,
            CommitmentRecheckHours = policy.CommitmentRecheckHours,
            ArchiveItem = archiveItem,
            RegistrationItem = registrationItem,
            ArchiveDepartment = catalog.Item(policy.ArchiveItem).Department,
            RegistrationDepartment = catalog.Item(policy.RegistrationItem).Department,
        }, []);
    }

    /// <summary>The items of the chosen stages: those the applicant named, or every one (the first of each alternative group).</summary>
    private List<string> ChooseItems(JointAcceptanceRequest request, AcceptanceStage[] stages, List<string> problems)
    {
        if (request.Items.Count == 0)
        {
            return stages.SelectMany(WholeStage).Select(group => group[0])
                .Where(code => request.CivilAirDefenceWorks != false || code != policy.CivilAirDefenceItem).ToList();
        }
        var chosen = new List<string>();
        foreach (var code in request.Items.Distinct(StringComparer.Ordinal))
        {
            if (!catalog.TryGetItem(code, out var item) || item.Procedure != Procedure.JointAcceptance)
            {
                problems.Add($"items: '{code}' is not a joint-acceptance item");
            }
            else if (!stages.Contains(item.Stage!.Value))
            {
                problems.Add($"items: '{code}' belongs to the {WireName.Of(item.Stage!.Value)} stage, which was not chosen");
            }
            else
            {
                chosen.Add(code);
            }
        }
        foreach (var group in policy.OneOf.Where(g => g.Count(chosen.Contains) > 1))
        {
            problems.Add($"items: take one of {string.Join(", ", group)}, not several");
        }
        return catalog.ItemsOf(Procedure.JointAcceptance).Select(i => i.Code).Where(chosen.Contains).ToList();
    }

    /// <summary>Qingdao's stage 1 as groups of alternatives; the civil-air-defence filing only for a project with such works.</summary>
    private IEnumerable<IReadOnlyList<string>> KeyProjectGroups(JointAcceptanceRequest request) =>
        policy.KeyProjectItems
            .Where(code => request.CivilAirDefenceWorks == true || code != policy.CivilAirDefenceItem)
            .Select(code => policy.OneOf.FirstOrDefault(g => g.Contains(code)) ?? [code]);

    /// <summary>The items of a stage in catalog order, each as its group of alternatives (a group of one for most).</summary>
    private IEnumerable<IReadOnlyList<string>> WholeStage(AcceptanceStage stage)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in catalog.ItemsOf(Procedure.JointAcceptance, stage))
        {
            if (seen.Contains(item.Code)) continue;
            var group = policy.OneOf.FirstOrDefault(g => g.Contains(item.Code)) ?? [item.Code];
            foreach (var code in group) seen.Add(code);
            yield return group;
        }
    }
}
