// The supervisor's board: every open task and check with its light (red first, filterable), escalations, the latest
// commitment audit, the dead letters, and the open cases of the seed systems.
import { frame } from "../layout.js";
import { h, bi, put } from "../dom.js";
import { api } from "../api.js";
import { when } from "../format.js";
import { loading, problemBox, light, empty, table, byUrgency, badge } from "../widgets.js";
import * as L from "../labels.js";
import { boardSections } from "../seeds.js";

const main = await frame({ title: ["监管看板", "Supervision board"], role: "supervisor" });
if (main) await run(main);

async function run(main) {
  const dept = h("select", { name: "department" }, h("option", { value: "" }, "全部部门 All departments"));
  const subject = h("input", { type: "search", name: "subject", placeholder: "事项或承诺 Item or commitment" });
  const lightFilter = h("select", { name: "light" }, h("option", { value: "" }, "全部 All"),
    Object.entries(L.light).map(([v, [zh, en]]) => h("option", { value: v }, `${zh} ${en}`)));
  const lights = h("div", {}, loading());
  const escalations = h("div");
  const audit = h("div", {}, loading());
  const dead = h("div", {}, loading());
  main.append(
    h("h2", {}, bi("亮灯", "Lights")),
    h("div", { class: "row" }, h("label", { class: "field" }, bi("部门", "Department"), dept), h("label", { class: "field" }, bi("事项", "Item"), subject),
      h("label", { class: "field" }, bi("亮灯", "Light"), lightFilter)),
    lights,
    h("h2", {}, bi("红灯督办", "Escalations (red)")), escalations,
    h("h2", {}, bi("最近一次承诺核查审计", "Latest commitment audit")), audit,
    h("h2", {}, bi("死信（无法处理的部门答复）", "Dead letters (department answers that could not be applied)")), dead,
    h("h2", {}, bi("服务、报装与开办", "Calls, utilities, the direct train, land-to-start, business openings")), ...boardSections().flat(),
    h("p", {}, h("a", { href: "/api/portal/report.html" }, bi("月度报告", "Monthly report")), " · ", h("a", { href: "/api/portal/credit.html" }, bi("信用修复", "Credit repair"))));

  try {
    const all = (await api("/api/supervision/lights")).sort(byUrgency);
    for (const d of [...new Set(all.map(l => l.department))].sort()) dept.append(h("option", { value: d }, d));
    const render = () => {
      const q = subject.value.trim().toLowerCase();
      const shown = all.filter(l => (!dept.value || l.department === dept.value) && (!lightFilter.value || l.light === lightFilter.value)
        && (!q || l.subject.toLowerCase().includes(q)));
      put(lights, shown.length ? table([["亮灯", "Light"], ["申请", "Application"], ["部门", "Department"], ["事项/承诺", "Subject"], ["类型", "Kind"], ["期限", "Due"]],
        shown.map(l => [light(l.light), l.applicationId, l.department, l.subject, badge(L.kind, l.kind), when(l.dueAt)])) : empty("没有符合条件的任务", "No open task matches"));
    };
    [dept, lightFilter].forEach(e => e.addEventListener("change", render));
    subject.addEventListener("input", render);
    render();
    const red = all.filter(l => l.light === "red");
    put(escalations, red.length ? h("ul", {}, red.map(l => h("li", {}, light("red"), ` ${l.department} · ${l.subject} · ${l.applicationId} · `, bi("逾期自", "overdue since"), ` ${when(l.dueAt)}`)))
      : empty("没有红灯", "No red light"));
  } catch (error) {
    put(lights, problemBox(error));
  }

  try {
    const a = await api("/api/audits/latest");
    const section = (zh, en, entries) => [h("h3", {}, bi(zh, en), ` (${entries.length})`), entries.length
      ? table([["申请", "Application"], ["单位", "USCC"], ["材料", "Material"], ["核查部门", "Verifier"], ["期限", "Due"], ["状态", "Status"]],
        entries.map(e => [e.applicationId, e.uscc, `${e.materialCode} · ${L.words(L.commitmentClass, e.class)[0]}`, e.verifyingDepartment, when(e.dueAt), badge(L.commitmentStatus, e.status)]))
      : empty("无", "None")];
    put(audit, h("p", {}, bi("审计时间", "Run at"), `：${when(a.runAt)}`), section("即将到期", "Due soon", a.dueSoon), section("已逾期", "Overdue", a.overdue), section("未履行/虚假", "Broken or false", a.broken));
  } catch (error) {
    put(audit, error.status === 404 ? empty("尚未运行核查审计（每日 01:00）", "No audit has run yet (daily at 01:00)") : problemBox(error));
  }

  try {
    const letters = await api("/api/supervision/dead-letters");
    put(dead, letters.length ? table([["时间", "When"], ["消息", "Message"], ["原因", "Reason"]],
      letters.map(l => [when(l.at), l.messageId ?? "—", l.reason])) : empty("没有死信", "No dead letters"));
  } catch (error) {
    put(dead, problemBox(error));
  }
}
