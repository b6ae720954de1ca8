using Approvals.Applications;
using Approvals.Catalog;
using Approvals.Stores;
using Microsoft.DurableTask.Client;

namespace Approvals.DirectService;

/// <summary>
/// What the centre, the team and the applicant do to a running booking. Each command checks the published status
/// first, then raises the booking's event: first contact by the centre only, once; a visit checked by
/// <see cref="VisitRules"/>; a supply of key documents only for a gap-accepted item, with the applicant's own uploads.
/// </summary>
public sealed class DirectServiceCommands(DurableTaskClient client, DirectServicePolicy policy, ItemCatalog catalog, IMaterialStore materials, TimeProvider timeProvider)
{
    public const int MaxNoteLength = 500;

    public async Task<BookingStatusView?> GetAsync(string bookingId, CancellationToken cancellationToken = default)
    {
        if (!bookingId.StartsWith(DirectServiceQueries.IdPrefix, StringComparison.Ordinal)) return null;
        var instance = await client.GetInstanceAsync(bookingId, getInputsAndOutputs: true, cancellationToken);
        return instance?.ReadCustomStatusAs<BookingStatusView>();
    }

    /// <summary>The centre's first contact: it assigns the team.</summary>
    public async Task<CommandResult> ContactAsync(string bookingId, string callerDepartment, string teamCode, string contactedBy, string? note, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(callerDepartment, policy.Centre.Code, StringComparison.OrdinalIgnoreCase))
        {
            return new(CommandOutcome.Forbidden, $"首次联系由 {policy.Centre.Name} 负责 / first contact is the {policy.Centre.NameEn}'s");
        }
        if (policy.Team(teamCode) is not { } team) return new(CommandOutcome.Invalid, $"服务队 '{teamCode}' 不存在 / team must be one of {string.Join(", ", policy.Teams.Select(t => t.Code))}");
        var view = await GetAsync(bookingId, cancellationToken);
        if (view is null) return NotFound(bookingId);
        if (view.Status != "booked") return new(CommandOutcome.Conflict, $"预约 {bookingId} 已联系 / booking {bookingId} was contacted already");
        await client.RaiseEventAsync(bookingId, DirectServiceSignals.Contact, new FirstContact(team, contactedBy, note?.Trim(), timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"contacted, team {team.Code}");
    }

    /// <summary>The team records a visit: the centre, or a department with an item in the booking.</summary>
    public async Task<(CommandResult Result, IReadOnlyDictionary<string, string[]>? Errors)> RecordVisitAsync(string bookingId, string callerDepartment, string recordedBy,
        VisitRequest request, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(bookingId, cancellationToken);
        if (view is null) return (NotFound(bookingId), null);
        if (!string.Equals(callerDepartment, policy.Centre.Code, StringComparison.OrdinalIgnoreCase)
            && !view.Items.Any(i => string.Equals(i.Department, callerDepartment, StringComparison.OrdinalIgnoreCase)))
        {
            return (new(CommandOutcome.Forbidden, $"{callerDepartment} 不在本次服务中 / {callerDepartment} serves no item of this booking"), null);
        }
        var check = VisitRules.Check(view, request, policy, catalog, recordedBy, timeProvider.GetUtcNow());
        if (check.Errors.Count > 0) return (new(CommandOutcome.Invalid, "上门记录有误 / the visit has problems"), check.Errors);
        if (check.Conflict is { } conflict) return (new(CommandOutcome.Conflict, conflict), null);
        await client.RaiseEventAsync(bookingId, DirectServiceSignals.Visit, check.Record, cancellation: cancellationToken);
        return (CommandResult.Accepted("visit recorded"), null);
    }

    /// <summary>The applicant supplies the missing key documents of a gap-accepted item: every one, each an upload of its own.</summary>
    public async Task<CommandResult> SupplyAsync(string bookingId, string callerUscc, string item, IReadOnlyList<SuppliedDocument> documents, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(bookingId, cancellationToken);
        if (view is null || !string.Equals(view.Uscc, callerUscc, StringComparison.OrdinalIgnoreCase)) return NotFound(bookingId);
        var booked = view.Items.FirstOrDefault(i => string.Equals(i.Code, item, StringComparison.OrdinalIgnoreCase));
        if (booked is null) return new(CommandOutcome.NotFound, $"{item} 不在预约 {bookingId} 中 / {item} is not an item of {bookingId}");
        if (booked.State != "gap-accepted") return new(CommandOutcome.Conflict, $"{booked.Code} 当前为 {booked.State}，无需补交要件 / {booked.Code} is {booked.State}: nothing is to be supplied");
        var missing = booked.MissingKeyDocuments.Except(documents.Select(d => d.MaterialCode), StringComparer.Ordinal).ToList();
        if (missing.Count > 0) return new(CommandOutcome.Invalid, $"仍缺要件 / still missing: {string.Join(", ", missing)}");
        foreach (var document in documents)
        {
            if (!await materials.IsOwnedByAsync(document.MaterialId, callerUscc, cancellationToken))
            {
                return new(CommandOutcome.Invalid, $"材料 {document.MaterialId} 不存在或不属于您 / material {document.MaterialId} does not exist or is not yours");
            }
        }
        await client.RaiseEventAsync(bookingId, DirectServiceSignals.Supply, new KeyDocumentSupply(booked.Code, documents, timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"{booked.Code}: key documents supplied");
    }

    private static CommandResult NotFound(string bookingId) => new(CommandOutcome.NotFound, $"预约 {bookingId} 不存在 / booking {bookingId} does not exist");
}
