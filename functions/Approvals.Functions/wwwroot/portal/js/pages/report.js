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
      table([["类型", "Kind"], ["数量", "Records"]], Object.entries(r.creditOutcomes).map(([k, n]) => [L.words(L.creditKind, k).join(" "), String(n)])),
      services(r));
  }

  /** The seed systems' figures of the month, one line per system. */
  function services(r) {
    const b = r.businessOpenings, s = r.services;
    if (!b && !s) return null;
    const rows = [];
    if (b) rows.push(["开户即开业 Business openings", `开办 ${b.opened} · 证照同发 ${b.issuedSameInstant} · 核查通过 ${b.postChecksVerified} · 未履行 ${b.postChecksBroken} · 撤销许可 ${b.permitsRevoked} · 逾期未查 ${b.postChecksOverdue}`]);
    if (s) {
      const c = s.calls, u = s.utilities, d = s.directService, l = s.landToStart, w = s.warnings;
      rows.push(["呼叫即回应 Calls", `挂号 ${c.registered} · 答复 ${c.answered}（逾期 ${c.answeredLate}）· 督办 ${c.escalated} · 重办 ${c.reopened} · 销号 ${c.closed}`]);
      rows.push(["联合报装 Utilities", `申请 ${u.submitted} · 办结 ${u.completed}（晚于开工 ${u.doneAfterPlannedStart}）· 接入 ${u.connected} · 红灯 ${u.escalations}`]);
      rows.push(["审批服务直通车 Direct train", `预约 ${d.booked} · 联系逾期 ${d.contactedLate} · 现场审批 ${d.approvedOnSite} · 回大厅 ${d.sentToHall} · 容缺补齐 ${d.extremeGapSupplied} · 容缺撤销 ${d.extremeGapRevoked}`]);
      rows.push(["拿地即开工 Land-to-start", `申请 ${l.applied} · 签约 ${l.contractsSigned} · 当日四证齐发 ${l.fourIssuedOnContractDay} · 重新审查 ${l.reviewedAgain}`]);
      rows.push(["项目管家预警 Steward warnings", `告知管家与责任单位 ${w.toOwners} · 告知牵头部门 ${w.toLeadDepartments} · 节点完成 ${w.nodesDone}（晚于计划 ${w.nodesDoneLate}）`]);
    }
    return [h("h2", {}, bi("服务与报装", "Service systems")), table([["系统", "System"], ["本月", "This month"]], rows)];
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
