using Approvals.Activities;
using Approvals.Applications;
using Approvals.Catalog;
using Approvals.Identity;

namespace Approvals.DirectService;

/// <summary>
/// Checks a direct-train booking (every problem at once): a key project of a known level, catalog items, a known
/// channel, a contact, plan nodes with dates; and sets the first-contact deadline (default 1 working day).
/// </summary>
public sealed class BookingPlanner(DirectServicePolicy policy, ItemCatalog catalog, IDeadlineCalculator calendar)
{
    public const int MaxNameLength = 100;
    public const int MaxPlanNodes = 30;

    public BookingPlanResult Plan(string bookingId, string uscc, string bookedBy, BookingRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        if (!ProjectCode.TryParse(request.Project?.Code?.Trim(), out var code, out var codeError)) Add("project.code", $"项目代码无效 / project code: {codeError}");
        var name = request.Project?.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength) Add("project.name", $"请填写项目名称（最多 {MaxNameLength} 字） / project.name is required, at most {MaxNameLength} characters.");
        var level = DirectServicePolicy.Find(policy.KeyLevels, request.Project?.KeyLevel);
        if (level is null) Add("project.keyLevel", $"直通车服务省市区重点项目 / the direct train serves key projects: keyLevel must be one of {string.Join(", ", policy.KeyLevels.Select(l => l.Code))}.");
        var channel = DirectServicePolicy.Find(policy.Channels, request.Channel ?? "portal");
        if (channel is null) Add("channel", $"channel must be one of {string.Join(", ", policy.Channels.Select(c => c.Code))}.");

        var items = new List<BookedItem>();
        var wanted = request.Items ?? [];
        if (wanted.Count == 0) Add("items", "请选择需要服务的事项 / choose at least one item.");
        foreach (var (itemCode, i) in wanted.Select((c, i) => (c?.Trim() ?? "", i)))
        {
            if (!catalog.TryGetItem(itemCode, out var item)) Add($"items[{i}]", $"'{itemCode}' 不是事项清单中的事项 / is not a catalog item.");
            else if (items.Any(x => x.Code == item.Code)) Add($"items[{i}]", $"{item.Code} 重复 / is listed twice.");
            else items.Add(new BookedItem(item.Code, item.Name, item.NameEn, item.Department, policy.OnSiteAcceptance.Contains(item.Code), policy.OnSiteApproval.Contains(item.Code)));
        }

        var contactName = request.Contact?.Name?.Trim() ?? "";
        var contactPhone = request.Contact?.Phone?.Trim() ?? "";
        if (contactName.Length is 0 or > MaxNameLength) Add("contact.name", "请填写联系人 / contact.name is required.");
        if (contactPhone.Length is < 5 or > 20 || !contactPhone.All(c => char.IsDigit(c) || c is '-' or '+' or ' ')) Add("contact.phone", "请填写有效电话 / contact.phone must be a phone number.");

        var nodes = new List<PlanNode>();
        var planned = request.Plan ?? [];
        if (planned.Count > MaxPlanNodes) Add("plan", $"最多 {MaxPlanNodes} 个节点 / at most {MaxPlanNodes} nodes.");
        foreach (var (node, i) in planned.Select((n, i) => (n, i)))
        {
            var key = node.Key?.Trim() ?? "";
            if (key.Length is 0 or > 40) Add($"plan[{i}].key", "节点须有键（最多 40 字） / a node needs a key of at most 40 characters.");
            else if (nodes.Any(n => n.Key == key)) Add($"plan[{i}].key", $"'{key}' 重复 / is listed twice.");
            if (string.IsNullOrWhiteSpace(node.Name) || node.Name.Length > MaxNameLength) Add($"plan[{i}].name", "节点须有名称 / a node needs a name.");
            if (node.PlannedOn is null) Add($"plan[{i}].plannedOn", "节点须有计划日期 / a node needs its planned date.");
            if (key.Length is > 0 and <= 40 && node.Name is { Length: > 0 and <= MaxNameLength } && node.PlannedOn is { } on && nodes.All(n => n.Key != key))
            {
                nodes.Add(new PlanNode(key, node.Name.Trim(), on));
            }
        }
        if (errors.Count > 0) return new(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        return new(new BookingPlan
        {
            BookingId = bookingId,
            Uscc = uscc.ToUpperInvariant(),
            EnterpriseName = request.EnterpriseName?.Trim() is { Length: > 0 } enterprise ? enterprise[..Math.Min(enterprise.Length, MaxNameLength)] : null,
            ProjectCode = code.Value,
            ProjectName = name,
            KeyLevel = level!,
            Channel = channel!,
            BookedBy = bookedBy,
            Items = items,
            ContactName = contactName,
            ContactPhone = contactPhone,
            HoldsLand = request.HoldsLand,
            Urgent = request.Urgent,
            PlanNodes = nodes,
            BookedAt = now,
            FirstContact = calendar.Compute(new DeadlineRequest(now, policy.FirstContactWorkingDays)),
            FirstContactWorkingDays = policy.FirstContactWorkingDays,
            Centre = policy.Centre,
            SupplyWorkingDays = policy.ExtremeGapSupplyWorkingDays,
        }, new Dictionary<string, string[]>());
    }
}
