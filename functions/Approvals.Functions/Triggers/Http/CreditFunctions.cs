using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Identity;
using Approvals.Intake;
using Approvals.Stores;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions.Triggers.Http;

/// <summary>The credit record (信用记录): read by its owner or a supervisor; repaired (信用修复) by a supervisor where the rules allow.</summary>
public sealed class CreditFunctions(HttpCall http, IntakePlanner intake, IntakePolicy policy, ICreditLedger ledger, TimeProvider time)
{
    public sealed record RepairBody(string? Reference, string? Reason);

    [Function("GetCredit")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "credit/{uscc}")] HttpRequest request, string uscc) =>
        http.RunAsync(request, Access.Authenticated, async user =>
        {
            var ct = request.HttpContext.RequestAborted;
            if (!Uscc.IsValid(uscc.ToUpperInvariant())) return Problem.BadRequest($"{uscc} is not a valid unified social credit code");
            uscc = uscc.ToUpperInvariant();
            if (!user.MayRead(uscc)) return Problem.NotFound($"no credit record for {uscc} that you may read");
            var standing = await intake.StandingAsync(uscc, ct);
            var records = await ledger.ReadAsync(uscc, ct);
            var chain = CreditChain.Verify(records);
            return Results.Ok(new
            {
                uscc,
                grade = standing.Grade,
                commitmentAllowed = standing.CommitmentAllowed,
                gapAcceptanceAllowed = standing.GapAcceptanceAllowed,
                restriction = standing.Restriction,
                restrictedUntil = standing.RestrictedUntil is { } until ? ApplicationResponses.Local(until) : (DateTimeOffset?)null,
                chainIntact = chain.Intact,
                records = records.Select(r => new
                {
                    sequence = r.Sequence,
                    kind = r.Kind,
                    occurredAt = ApplicationResponses.Local(r.OccurredAt),
                    reference = r.Reference,
                    details = r.Details,
                    hash = r.Hash,
                }),
            });
        });

    [JsonRequestBody(typeof(RepairBody))]
    [Function("RepairCredit")]
    public Task<IResult> Repair([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "credit/{uscc}/repairs")] HttpRequest request, string uscc) =>
        http.RunAsync<RepairBody>(request, Access.Supervisor, async (_, body) =>
        {
            var ct = request.HttpContext.RequestAborted;
            uscc = uscc.ToUpperInvariant();
            if (!Uscc.IsValid(uscc)) return Problem.BadRequest($"{uscc} is not a valid unified social credit code");
            if (string.IsNullOrWhiteSpace(body.Reference)) return new ValidationProblem().Add("reference", "reference names the record to repair.").ToResult();
            var records = await ledger.ReadAsync(uscc, ct);
            var now = time.GetUtcNow();
            var (allowed, reason) = new CreditAssessor(policy.Credit).CanRepair(records, body.Reference, now);
            if (!allowed) return Problem.Conflict(reason);
            var record = await ledger.AppendAsync(uscc, new CreditLedgerEntry(CreditKinds.Repair, now, body.Reference, body.Reason ?? "credit repaired"), ct);
            return Results.Created($"/api/credit/{uscc}", new { sequence = record.Sequence, kind = record.Kind, reference = record.Reference, hash = record.Hash });
        });
}
