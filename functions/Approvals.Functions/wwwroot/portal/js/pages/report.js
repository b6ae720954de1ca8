// The monthly data analysis report (月度数据分析报告): figures, charts drawn as SVG, CSV download.
import { frame } from "../layout.js";
import { h, bi, put, query } from "../dom.js";
import { api, ApiError } from "../api.js";
import { bearerToken } from "../session.js";
import { when } from "../format.js";
import { loading, problemBox, table, field, showProblem, clearProblems, busy } from "../widgets.js";
import { barChart } from "../charts.js";
import * as L from "../labels.js";

const main = await frame({ title: ["月度报告", "Monthly report"], role: "supervisor" });
if (main) await run(main);

async function run(main) {
  const month = h("input", { type: "month", name: "month", value: query.get("month") ?? "" });
  const summary = h("div");
  const go = h("button", { type: "submit" }, bi("查看", "Show"));
  const csv = h("button", { type: "button", class: "secondary", onclick: () => busy(csv, download) }, bi("下载 CSV", "Download CSV"));
  const form = h("form", { class: "row", onsubmit: e => { e.preventDefault(); busy(go, load); } }, field("月份", "Month", month, "month"), go, csv);
  const body = h("div", {}, loading());
  main.append(form, summary, body);

  async function load() {
    clearProblems(form);
    put(summary);
    put(body, loading());
    try {
      const r = await api(`/api/reports/monthly${month.value ? `?month=${encodeURIComponent(month.value)}` : ""}`);
      month.value = r.month;
      history.replaceState(null, "", `?month=${r.month}`);
      render(r);
    } catch (error) {
      put(body);
      showProblem(form, summary, error);
    }
  }

  function render(r) {
    const c = r.commitments;
    put(body,
      h("p", {}, bi(`${r.month} · 受理 ${r.applicationsAccepted} 件 · 逾期任务 ${r.overdueTasks} 个`, `${r.applicationsAccepted} accepted · ${r.overdueTasks} overdue tasks`),
        h("br"), h("span", { class: "muted" }, bi("生成时间", "Generated"), `：${when(r.generatedAt)}`)),
      h("div", { class: "charts" },
        barChart("各事项平均用时（工作日）Average working days per item", r.items.map(i => ({ label: i.item, value: i.averageWorkingDays }))),
        barChart("各部门平均用时（工作日）Average working days per department", r.departments.map(d => ({ label: d.department, value: d.averageWorkingDays }))),
        barChart("亮灯：逾期任务 Lights: overdue tasks", [
          ...r.departments.map(d => ({ label: `${d.department} 红灯 red`, value: d.overdue, color: "#b3121f" })),
          { label: "合计 all", value: r.overdueTasks, color: "#b3121f" }]),
        barChart("承诺 Commitments", [
          { label: "作出 made", value: c.made }, { label: "抽中 sampled", value: c.sampled },
          { label: "已履行 fulfilled", value: c.fulfilled, color: "#1b7f3b" }, { label: "未抽中 not sampled", value: c.notSampled ?? 0, color: "#5b6775" },
          { label: "未履行 broken", value: c.broken, color: "#a66f00" }, { label: "虚假 false", value: c.false, color: "#b3121f" }, { label: "待核查 open", value: c.open }]),
        barChart("申请状态 Applications by status", Object.entries(r.applicationsByStatus).map(([s, n]) => ({ label: L.words(L.status, s)[0], value: n })))),
      h("h2", {}, bi("各事项", "Per item")),
      table([["事项", "Item"], ["部门", "Department"], ["办结", "Decided"], ["同意", "Approved"], ["不同意", "Rejected"], ["补正", "Corrections"], ["平均", "Average"], ["最长", "Max"], ["逾期", "Overdue"]],
        r.items.map(i => [i.item, i.department, i.decided, i.approved, i.rejected, i.corrections, i.averageWorkingDays.toFixed(1), i.maxWorkingDays, i.overdue].map(String))),
      h("h2", {}, bi("信用结果", "Credit outcomes")),
      table([["类型", "Kind"], ["数量", "Records"]], Object.entries(r.creditOutcomes).map(([k, n]) => [L.words(L.creditKind, k).join(" "), String(n)])));
  }

  async function download() {
    clearProblems(form);
    const path = `/api/reports/monthly${month.value ? `?month=${encodeURIComponent(month.value)}` : ""}`;
    const response = await fetch(path, { headers: { Accept: "text/csv", Authorization: `Bearer ${await bearerToken()}` } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      showProblem(form, summary, new ApiError(response.status, problem));
      return;
    }
    const blob = await response.blob();
    const link = h("a", { href: URL.createObjectURL(blob), download: `monthly-report-${month.value || "latest"}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  await load();
}
