using Approvals.Catalog;

namespace Approvals.DirectService;

/// <summary>What the team sends for a visit, before it is checked.</summary>
public sealed record VisitRequest(
    IReadOnlyList<string>? Accepted,
    IReadOnlyList<string>? Approved,
    IReadOnlyList<HallReferralRequest>? ToHall,
    IReadOnlyList<GapAcceptanceRequest>? GapAccepted,
    IReadOnlyList<string>? Ticked,
    string? Note);

public sealed record HallReferralRequest(string? Item, string? Reason);

public sealed record GapAcceptanceRequest(string? Item, IReadOnlyList<string>? MissingKeyDocuments);

/// <summary>A visit as checked: the record to raise, or every problem of its shape (400), or why the booking's state refuses it (409).</summary>
public sealed record VisitCheck(VisitRecord? Record, IReadOnlyDictionary<string, string[]> Errors, string? Conflict);

/// <summary>
/// Checks a visit against the booking and the lists (every problem at once): items on the on-site acceptance list are
/// accepted, items on the on-site approval list are approved under their department's authorisation (授权委托, 首席审批员)
/// once accepted, anything may go back to the hall with a reason, and extreme gap acceptance (极限容缺受理) is only for an
/// urgent key project that holds its land, lacking key documents (要件) of the item, never secondary ones.
/// </summary>
public static class VisitRules
{
    public const int MaxReasonLength = 500;

    public static VisitCheck Check(BookingStatusView booking, VisitRequest request, DirectServicePolicy policy, ItemCatalog catalog, string recordedBy, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        if (booking.Status is "booked") conflicts.Add("尚未联系并分配服务队，不能记录上门服务 / first contact and a team come before a visit");
        if (booking.Status is "closed") conflicts.Add("预约已办结 / the booking is closed");

        var items = booking.Items.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var decided = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        BookedItemView? Item(string field, string? code)
        {
            if (code is null || !items.TryGetValue(code.Trim(), out var item))
            {
                Add(field, $"'{code}' 不在本次预约中 / is not an item of this booking.");
                return null;
            }
            if (item.Settled) conflicts.Add($"{item.Code} 已办结（{item.State}） / {item.Code} is settled already ({item.State})");
            return item;
        }
        void Decide(string field, BookedItemView item)
        {
            if (!decided.Add(item.Code)) Add(field, $"{item.Code} 在本次记录中被处理两次 / {item.Code} is decided twice in one visit.");
        }

        var accepted = new List<string>();
        foreach (var (code, i) in (request.Accepted ?? []).Select((c, i) => (c, i)))
        {
            if (Item($"accepted[{i}]", code) is not { } item) continue;
            if (!item.OnSiteAcceptance) Add($"accepted[{i}]", $"{item.Code} 不在现场受理清单中 / is not on the on-site acceptance list: accept it in the hall.");
            else if (item.State != "booked") conflicts.Add($"{item.Code} 已受理 / {item.Code} is accepted already");
            else accepted.Add(item.Code);
        }

        var approved = new List<OnSiteApproval>();
        foreach (var (code, i) in (request.Approved ?? []).Select((c, i) => (c, i)))
        {
            if (Item($"approved[{i}]", code) is not { } item) continue;
            Decide($"approved[{i}]", item);
            if (!item.OnSiteApproval) Add($"approved[{i}]", $"{item.Code} 不在现场审批清单中 / is not on the on-site approval list: it is finished in the hall.");
            else if (item.State != "accepted" && !accepted.Contains(item.Code)) conflicts.Add($"{item.Code} 尚未受理，不能审批 / {item.Code} must be accepted before it is approved");
            else if (policy.AuthorityOf(item.Department) is not { } authority) conflicts.Add($"{item.Department} 未授权现场审批 / {item.Department} has signed no authorisation for on-site approval");
            else approved.Add(new OnSiteApproval(item.Code, authority));
        }

        var toHall = new List<HallReferral>();
        foreach (var (referral, i) in (request.ToHall ?? []).Select((r, i) => (r, i)))
        {
            if (string.IsNullOrWhiteSpace(referral.Reason) || referral.Reason.Length > MaxReasonLength) Add($"toHall[{i}].reason", $"请说明回大厅办理的原因（最多 {MaxReasonLength} 字） / say why it goes back to the hall.");
            if (Item($"toHall[{i}].item", referral.Item) is not { } item) continue;
            Decide($"toHall[{i}].item", item);
            if (referral.Reason is { Length: > 0 and <= MaxReasonLength } reason) toHall.Add(new HallReferral(item.Code, reason.Trim()));
        }

        var gaps = new List<GapAcceptance>();
        var gapRequests = request.GapAccepted ?? [];
        if (gapRequests.Count > 0 && !(booking.HoldsLand && booking.Urgent))
        {
            conflicts.Add("极限容缺受理仅适用于已取得土地、时间紧迫的重点项目 / extreme gap acceptance is only for an urgent key project that holds its land");
        }
        foreach (var (gap, i) in gapRequests.Select((g, i) => (g, i)))
        {
            if (Item($"gapAccepted[{i}].item", gap.Item) is not { } item) continue;
            Decide($"gapAccepted[{i}].item", item);
            if (!item.OnSiteAcceptance) Add($"gapAccepted[{i}].item", $"{item.Code} 不在现场受理清单中 / is not on the on-site acceptance list.");
            if (item.State is not ("booked" or "accepted")) conflicts.Add($"{item.Code} 当前为 {item.State} / {item.Code} is {item.State}");
            var catalogItem = catalog.Item(item.Code);
            var missing = (gap.MissingKeyDocuments ?? []).Select(m => m?.Trim() ?? "").ToList();
            if (missing.Count == 0) Add($"gapAccepted[{i}].missingKeyDocuments", "请列出所缺要件 / name the key documents that are missing.");
            foreach (var code in missing.Where(m => catalogItem.Material(m) is not { Key: true }))
            {
                Add($"gapAccepted[{i}].missingKeyDocuments", $"'{code}' 不是 {item.Code} 的要件 / is not a key document of {item.Code} (secondary materials use ordinary gap acceptance).");
            }
            if (missing.Count > 0 && missing.All(m => catalogItem.Material(m) is { Key: true })) gaps.Add(new GapAcceptance(item.Code, missing.Distinct().ToList()));
        }

        var ticked = new List<string>();
        foreach (var (key, i) in (request.Ticked ?? []).Select((k, i) => (k, i)))
        {
            var node = booking.Plan.FirstOrDefault(n => n.Key == key);
            if (node is null) Add($"ticked[{i}]", $"'{key}' 不是服务计划的节点 / is not a node of the service plan.");
            else if (node.TickedOn is not null || ticked.Contains(node.Key)) conflicts.Add($"节点 {key} 已销号 / node {key} is ticked off already");
            else ticked.Add(node.Key);
        }
        if (request.Note is { Length: > MaxReasonLength }) Add("note", $"最多 {MaxReasonLength} 字 / at most {MaxReasonLength} characters.");
        if (accepted.Count + approved.Count + toHall.Count + gaps.Count + ticked.Count == 0 && errors.Count == 0 && conflicts.Count == 0)
        {
            Add("visit", "本次上门未记录任何受理、审批、回大厅、容缺或销号 / the visit records nothing.");
        }

        if (errors.Count > 0) return new(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), null);
        if (conflicts.Count > 0) return new(null, new Dictionary<string, string[]>(), string.Join("; ", conflicts));
        return new(new VisitRecord(now, recordedBy, accepted, approved, toHall, gaps, ticked, request.Note?.Trim()), new Dictionary<string, string[]>(), null);
    }
}
