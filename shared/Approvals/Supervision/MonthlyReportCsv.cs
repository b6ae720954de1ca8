using System.Globalization;
using System.Text;

namespace Approvals.Supervision;

/// <summary>The monthly report as CSV (<c>Accept: text/csv</c>): one row per figure, <c>section,subject,metric,value</c>.</summary>
public static class MonthlyReportCsv
{
    public static string Write(MonthlyReport report)
    {
        var csv = new StringBuilder("section,subject,metric,value\n");
        void Row(string section, string subject, string metric, object value) =>
            csv.Append(Escape(section)).Append(',').Append(Escape(subject)).Append(',').Append(Escape(metric)).Append(',')
               .Append(Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")).Append('\n');

        Row("month", report.Month, "applicationsAccepted", report.ApplicationsAccepted);
        foreach (var (status, n) in report.ApplicationsByStatus) Row("status", status, "applications", n);
        foreach (var i in report.Items)
        {
            Row("item", i.Item, "decided", i.Decided);
            Row("item", i.Item, "averageWorkingDays", i.AverageWorkingDays);
            Row("item", i.Item, "maxWorkingDays", i.MaxWorkingDays);
            Row("item", i.Item, "overdue", i.Overdue);
        }
        foreach (var d in report.Departments)
        {
            Row("department", d.Department, "decided", d.Decided);
            Row("department", d.Department, "averageWorkingDays", d.AverageWorkingDays);
            Row("department", d.Department, "overdue", d.Overdue);
        }
        Row("tasks", "all", "overdue", report.OverdueTasks);
        var c = report.Commitments;
        Row("commitments", "all", "made", c.Made);
        Row("commitments", "all", "sampled", c.Sampled);
        Row("commitments", "all", "fulfilled", c.Fulfilled);
        Row("commitments", "all", "notSampled", c.NotSampled);
        Row("commitments", "all", "broken", c.Broken);
        Row("commitments", "all", "false", c.False);
        Row("commitments", "all", "open", c.Open);
        foreach (var (kind, n) in report.CreditOutcomes) Row("credit", kind, "records", n);
        if (report.BusinessOpenings is { } b)
        {
            Row("businessOpenings", "all", "opened", b.Opened);
            Row("businessOpenings", "all", "issuedSameInstant", b.IssuedSameInstant);
            Row("businessOpenings", "all", "postChecksVerified", b.PostChecksVerified);
            Row("businessOpenings", "all", "postChecksBroken", b.PostChecksBroken);
            Row("businessOpenings", "all", "permitsRevoked", b.PermitsRevoked);
            Row("businessOpenings", "all", "postChecksOverdue", b.PostChecksOverdue);
        }
        if (report.Services is { } s)
        {
            foreach (var (section, figures) in new (string, object)[] { ("calls", s.Calls), ("utilities", s.Utilities), ("directService", s.DirectService), ("landToStart", s.LandToStart), ("warnings", s.Warnings) })
            {
                foreach (var property in figures.GetType().GetProperties())
                {
                    Row(section, "all", char.ToLowerInvariant(property.Name[0]) + property.Name[1..], (int)property.GetValue(figures)!);
                }
            }
        }
        return csv.ToString();
    }

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
