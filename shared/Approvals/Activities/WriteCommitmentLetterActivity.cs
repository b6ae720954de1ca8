using Approvals.Applications;
using Approvals.Documents;
using Approvals.Stores;
using Microsoft.DurableTask;

namespace Approvals.Activities;

/// <summary>
/// Writes the comprehensive commitment letter (综合承诺书, many-in-one 多合一): every commitment of the application in
/// one signed document, stored with the applicant's materials. Returns its SHA-256, which the history keeps.
/// </summary>
public sealed class WriteCommitmentLetterActivity(IMaterialStore materials, ApprovalSettings settings) : TaskActivity<ApplicationPlan, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, ApplicationPlan plan)
    {
        var lines = new List<string>
        {
            $"申请人 Applicant: {plan.ApplicantName} ({plan.Uscc})",
            $"项目 Project: {plan.ProjectName} ({plan.ProjectCode})",
            $"申请编号 Application: {plan.ApplicationId}",
            $"受理时间 Accepted: {plan.AcceptedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} (+08:00)",
            "",
            "本单位已知悉告知的审批条件、材料要求和虚假承诺的法律后果，现承诺如下：",
            "We have been told the conditions, materials and the consequences of a false commitment, and commit to:",
        };
        var n = 1;
        foreach (var c in plan.Commitments)
        {
            var what = c.Class switch
            {
                "supplement" => $"在{c.WithinWorkingDays}个工作日内补齐 / supply within {c.WithinWorkingDays} working days",
                "retained" => "自留备查，随时接受抽查 / keep on file for sampling",
                _ => $"现场符合标准，接受{c.VerifyingDepartment}现场核查 / site meets the standard, open to inspection",
            };
            lines.Add($"{n++}. {c.MaterialName} ({c.MaterialCode}) — {what}; 涉及事项 items: {string.Join(", ", c.Items)}; 核查部门 verified by {c.VerifyingDepartment}");
        }
        lines.Add("");
        lines.Add("如承诺不实或未履行，愿承担撤销审批决定、记入信用记录等后果。");
        lines.Add("If a commitment is untrue or not kept, the approval may be revoked and the outcome recorded in our credit file.");

        var pdf = SimplePdf.Write("综合承诺书 Comprehensive commitment letter", lines);
        var stored = await materials.PutAsync(new MemoryStream(pdf), plan.Uscc, $"commitment-letter-{plan.ApplicationId}.pdf", settings.MaxDocumentBytes, CancellationToken.None);
        return stored.MaterialId;
    }
}
