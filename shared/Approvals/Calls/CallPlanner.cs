using Approvals.Activities;
using Approvals.Applications;

namespace Approvals.Calls;

/// <summary>
/// Registers a call (挂号): checks the request (every problem at once), gives it its unit (the enterprise's pick, else
/// the topic's unit, else the policy's default, Jining 2020 三(四)2), and writes the first assignment slip (交办单) with
/// the unit's responsible person and a working-day deadline (the shorter one for a major urgent call).
/// </summary>
public sealed class CallPlanner(CallPolicy policy, IDeadlineCalculator calendar)
{
    public const int MaxTitleLength = 100;
    public const int MaxDescriptionLength = 2000;

    public CallPlanResult Plan(string callId, string uscc, CallRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var title = request.Title?.Trim() ?? "";
        var description = request.Description?.Trim() ?? "";
        if (title.Length == 0) Add("title", "请填写问题标题 / title is required.");
        else if (title.Length > MaxTitleLength) Add("title", $"标题最多 {MaxTitleLength} 字 / title is at most {MaxTitleLength} characters.");
        if (description.Length == 0) Add("description", "请描述问题 / description is required.");
        else if (description.Length > MaxDescriptionLength) Add("description", $"描述最多 {MaxDescriptionLength} 字 / description is at most {MaxDescriptionLength} characters.");

        CallUnit? unit = null;
        var chosenBy = "default";
        if (!string.IsNullOrWhiteSpace(request.Unit))
        {
            unit = policy.Unit(request.Unit.Trim());
            chosenBy = "enterprise";
            if (unit is null) Add("unit", $"承办单位 '{request.Unit}' 不存在 / unit must be one of {string.Join(", ", policy.Units.Select(u => u.Code))}.");
        }
        string? topic = null;
        if (!string.IsNullOrWhiteSpace(request.Topic))
        {
            var match = policy.Topics.Keys.FirstOrDefault(t => string.Equals(t, request.Topic.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null) Add("topic", $"问题类别 '{request.Topic}' 不存在 / topic must be one of {string.Join(", ", policy.Topics.Keys)}.");
            else
            {
                topic = match;
                if (unit is null && chosenBy == "default")
                {
                    unit = policy.Unit(policy.Topics[match]);
                    chosenBy = "topic";
                }
            }
        }
        if (chosenBy == "default") unit = policy.Unit(policy.DefaultUnit);

        AssignmentSlip? slip = null;
        if (unit is not null)
        {
            var days = request.MajorUrgent ? policy.MajorUrgentAnswerWorkingDays : policy.AnswerWorkingDays;
            var deadline = calendar.Compute(new DeadlineRequest(now, days));
            (slip, var problem) = AssignmentSlip.Create(1, unit, now, days, deadline.DueAt, deadline.YellowAt, deadline.Provisional);
            if (problem is not null) Add("unit", problem);
        }
        if (errors.Count > 0 || slip is null) return new(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        return new(new CallPlan
        {
            CallId = callId,
            Uscc = uscc.ToUpperInvariant(),
            EnterpriseName = request.EnterpriseName?.Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, MaxTitleLength)] : null,
            Title = title,
            Description = description,
            Topic = topic,
            MajorUrgent = request.MajorUrgent,
            UnitChosenBy = chosenBy,
            RegisteredAt = now,
            Slip = slip,
            RatingWorkingDays = policy.RatingWorkingDays,
            PlatformOffice = policy.PlatformOffice,
            DistrictLeaders = policy.DistrictLeaders,
            CommissionerOffice = policy.CommissionerOffice,
        }, new Dictionary<string, string[]>());
    }
}
