using Approvals.Intake;
using Approvals.Stores;

namespace Approvals.Tests.Intake;

public sealed class IntakePlannerTests : IDisposable
{
    private readonly IntakeFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task Shared_material_is_committed_once_for_every_item_that_needs_it_with_the_strictest_class()
    {
        // The embedded catalog shares no commitable material between two items, so the test adds one: FUNDS-PROOF,
        // retained for the permit, also asked by civil air defence as a supplement.
        var catalog = IntakeFixture.EmbeddedCatalogWith(root =>
        {
            var civilDefence = root["items"]!.AsArray().Single(i => (string?)i!["code"] == "CP-CIVILDEF")!;
            civilDefence["materials"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{"code":"FUNDS-PROOF","required":true,"commitable":true,"key":false,"commitmentClass":"supplement"}"""));
        });
        using var shared = new IntakeFixture(catalog);
        var submission = await shared.PermitAndCivilDefenceAsync(("FUNDS-PROOF", "supplement"));

        var decision = await shared.Planner.PlanAsync("APP-1", submission, IntakeFixture.Uscc);

        Assert.True(decision.Accepted, string.Join("; ", decision.Errors.SelectMany(e => e.Value)));
        var plan = decision.Plan!;
        var funds = Assert.Single(plan.Commitments, c => c.MaterialCode == "FUNDS-PROOF");
        Assert.Equal(["CP-PERMIT", "CP-CIVILDEF"], funds.Items);
        Assert.Equal("supplement", funds.Class);
        Assert.Equal(["HUD", "CAD"], plan.Tasks.Select(t => t.Department));
        Assert.Equal("low", plan.RiskLevel);
        Assert.All(plan.Tasks, t => Assert.True(t.DueAt > plan.AcceptedAt));
    }

    [Fact]
    public async Task Every_problem_is_named_at_once()
    {
        var submission = IntakeFixture.Valid() with
        {
            Applicant = new ApplicantInput("91350100M000100Y44", ""),
            Project = IntakeFixture.Valid().Project! with { Code = "26-bad", Type = "castle", FloorArea = -1 },
            Items = ["CP-PERMIT", "CP-NOPE", "CP-PERMIT"],
            Materials = [new MaterialInput("LAND-CERT", "not-a-hash")],
            Commitments = [new CommitmentInput("FUNDS-PROOF", "someday")],
        };

        var decision = await f.Planner.PlanAsync("APP-2", submission, null);

        Assert.False(decision.Accepted);
        foreach (var field in new[] { "applicant.uscc", "applicant.name", "project.code", "project.type", "project.floorArea", "items[1]", "items[2]", "materials[0].materialId", "commitments[0].class" })
        {
            Assert.True(decision.Errors.ContainsKey(field), $"no error for {field}; got {string.Join(", ", decision.Errors.Keys)}");
        }
    }

    [Fact]
    public async Task Material_not_uploaded_by_the_applicant_is_refused()
    {
        var submission = await f.PermitAndCivilDefenceAsync();
        var foreign = await f.UploadAsync("someone else's land certificate", owner: "91110000600037341L");
        submission = submission with { Materials = [.. submission.Materials!.Where(m => m!.MaterialCode != "LAND-CERT"), new MaterialInput("LAND-CERT", foreign)] };

        var decision = await f.Planner.PlanAsync("APP-3", submission, IntakeFixture.Uscc);

        Assert.Contains(decision.Errors, e => e.Key.EndsWith(".materialId", StringComparison.Ordinal) && e.Value[0].Contains("uploaded by this applicant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_required_material_names_the_item_that_needs_it()
    {
        var submission = await f.PermitAndCivilDefenceAsync();
        submission = submission with { Materials = submission.Materials!.Where(m => m!.MaterialCode != "SAFETY-MEASURES").ToList() };

        var decision = await f.Planner.PlanAsync("APP-4", submission, IntakeFixture.Uscc);

        var message = Assert.Single(decision.Errors["materials"]);
        Assert.Contains("SAFETY-MEASURES", message);
        Assert.Contains("CP-PERMIT", message);
    }

    [Fact]
    public async Task Commitment_of_the_wrong_class_or_for_a_non_commitable_item_is_refused_with_the_reason()
    {
        var wrongClass = await f.PermitAndCivilDefenceAsync(("FUNDS-PROOF", "on-site"));
        var decision = await f.Planner.PlanAsync("APP-5", wrongClass, IntakeFixture.Uscc);
        Assert.Contains("retained", decision.Errors["commitments[0].class"][0]);

        var planningItem = IntakeFixture.Valid() with
        {
            Items = ["CP-PLANNING"],
            Materials = [new MaterialInput("PROJECT-APPROVAL", await f.UploadAsync("approval")), new MaterialInput("SITE-PLAN", await f.UploadAsync("site"))],
            Commitments = [new CommitmentInput("LAND-CERT", "retained")],
        };
        decision = await f.Planner.PlanAsync("APP-6", planningItem, IntakeFixture.Uscc);
        var refusal = Assert.Single(decision.Errors, e => e.Key.StartsWith("commitments[0]", StringComparison.Ordinal));
        Assert.Contains("CP-PLANNING", refusal.Value[0]);
    }

    [Fact]
    public async Task Applicant_with_a_broken_commitment_is_refused_the_commitment_route_and_may_repair_only_after_the_minimum_period()
    {
        await f.Credit.AppendAsync(IntakeFixture.Uscc, new CreditLedgerEntry(CreditKinds.Broken, f.Clock.GetUtcNow(), "APP-0/C1", "FUNDS-PROOF not supplied"));
        var submission = await f.PermitAndCivilDefenceAsync(("FUNDS-PROOF", "retained"));

        var decision = await f.Planner.PlanAsync("APP-7", submission, IntakeFixture.Uscc);

        Assert.False(decision.Accepted);
        Assert.Contains("commitment route refused", decision.Errors["commitments[0]"][0]);
        Assert.Equal("C", decision.Credit!.Grade);

        var assessor = new CreditAssessor(IntakePolicy.Embedded.Credit);
        var records = await f.Credit.ReadAsync(IntakeFixture.Uscc);
        Assert.False(assessor.CanRepair(records, "APP-0/C1", f.Clock.GetUtcNow().AddMonths(2)).Allowed);
        Assert.True(assessor.CanRepair(records, "APP-0/C1", f.Clock.GetUtcNow().AddMonths(4)).Allowed);

        await f.Credit.AppendAsync(IntakeFixture.Uscc, new CreditLedgerEntry(CreditKinds.Repair, f.Clock.GetUtcNow().AddMonths(4), "APP-0/C1", "repaired"));
        Assert.True((await f.Planner.PlanAsync("APP-8", submission, IntakeFixture.Uscc)).Accepted);
    }

    [Fact]
    public async Task Material_the_catalog_opens_to_gaps_may_be_a_gap_to_supplement_but_a_key_one_may_not()
    {
        var key = await f.PermitAndCivilDefenceAsync(("CONTRACTOR-CONTRACT", "supplement"));
        var refused = await f.Planner.PlanAsync("APP-9", key, IntakeFixture.Uscc);
        Assert.Contains("key material", refused.Errors["commitments[0]"][0]);

        var gap = await f.PermitAndCivilDefenceAsync(("DESIGN-DRAWINGS", "supplement"));
        var accepted = await f.Planner.PlanAsync("APP-9", gap, IntakeFixture.Uscc);
        Assert.True(accepted.Accepted, string.Join("; ", accepted.Errors.SelectMany(e => e.Value)));
        var commitment = Assert.Single(accepted.Plan!.Commitments);
        Assert.Contains("容缺", commitment.SamplingReason);
        Assert.Equal(["CP-PERMIT", "CP-CIVILDEF"], commitment.Items);
    }

    [Fact]
    public async Task Unattended_items_get_no_department_task()
    {
        var submission = IntakeFixture.Valid() with
        {
            Items = ["CP-ENERGY", "CP-SOILWATER"],
            Materials = [new MaterialInput("PROJECT-APPROVAL", await f.UploadAsync("approval"))],
            Commitments = [new CommitmentInput("ENERGY-REPORT", "retained"), new CommitmentInput("SOILWATER-PLAN", "retained")],
        };

        var decision = await f.Planner.PlanAsync("APP-10", submission, IntakeFixture.Uscc);

        Assert.True(decision.Accepted, string.Join("; ", decision.Errors.SelectMany(e => e.Value)));
        Assert.Empty(decision.Plan!.Tasks);
        Assert.Equal(["CP-ENERGY", "CP-SOILWATER"], decision.Plan.UnattendedItems.Select(i => i.Item));
    }

    [Fact]
    public async Task Sampling_is_reproducible_for_the_same_application_and_day()
    {
        var submission = await f.PermitAndCivilDefenceAsync(("CIVILDEF-DESIGN", "supplement"), ("FUNDS-PROOF", "retained"), ("SAFETY-MEASURES", "on-site"), ("DRAWING-REVIEW-CERT", "supplement"));

        var first = await f.Planner.PlanAsync("APP-11", submission, IntakeFixture.Uscc);
        var again = await f.Planner.PlanAsync("APP-11", submission, IntakeFixture.Uscc);

        Assert.Equal(first.Plan!.Commitments.Select(c => (c.Sampled, c.SamplingReason)), again.Plan!.Commitments.Select(c => (c.Sampled, c.SamplingReason)));
        Assert.All(first.Plan.Commitments.Where(c => c.Class != "supplement"), c => Assert.Contains("seed APP-11:", c.SamplingReason));
    }

    [Fact]
    public async Task Joint_acceptance_submission_is_planned_by_stage_and_a_key_project_must_take_all_of_stage_one()
    {
        string[] late = ["JA-WATER", "JA-POWER", "JA-ARCHIVES"];
        var materials = new List<MaterialInput?>();
        foreach (var code in new[] { "APPLICATION-FORM", "UTILITY-CONNECTION-FORM", "AS-BUILT-DRAWINGS", "ARCHIVE-FILES" })
        {
            materials.Add(new MaterialInput(code, await f.UploadAsync(code)));
        }
        var submission = IntakeFixture.Valid() with { Procedure = "joint-acceptance", AcceptanceStages = "late", Items = late, Materials = materials };

        var decision = await f.Planner.PlanAsync("APP-JA-1", submission, IntakeFixture.Uscc);
        Assert.True(decision.Accepted, string.Join("; ", decision.Errors.SelectMany(e => e.Value)));
        Assert.Null(decision.Plan);
        Assert.Equal("late", decision.JointPlan!.Stages);

        var key = submission with { Project = submission.Project! with { KeyProject = true } };
        var refused = await f.Planner.PlanAsync("APP-JA-2", key, IntakeFixture.Uscc);
        Assert.False(refused.Accepted);
        Assert.Contains(refused.Errors["acceptanceStages"], m => m.Contains("early", StringComparison.OrdinalIgnoreCase));
    }
}
