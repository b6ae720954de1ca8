// A department's page of one application: its tasks and the others' (parallel review), the commitments it verifies,
// and the forms to decide, to record an inspection, and the joint-acceptance steps.
import { frame } from "../layout.js";
import { h, bi, put, query } from "../dom.js";
import { api } from "../api.js";
import { when } from "../format.js";
import { loading, problemBox, light, badge, table, empty, field, showProblem, clearProblems, busy, timelineList } from "../widgets.js";
import { identity } from "../session.js";
import * as L from "../labels.js";
import { acceptanceForms } from "../review/acceptance.js";

const main = await frame({ title: ["审查与核查", "Review and inspection"], role: "department" });
if (main) await run(main);

async function run(main) {
  const dept = identity().id.toUpperCase();
  const id = query.get("id");
  const body = h("div", {}, loading());
  main.append(h("p", {}, h("a", { href: "/api/portal/inbox.html" }, bi("← 返回待办", "← Back to the inbox"))), body);
  let catalog = [];
  try { catalog = await api("/api/catalog/items", { anonymous: true }); } catch { /* names only */ }

  async function load() {
    let a;
    try {
      a = await api(`/api/applications/${encodeURIComponent(id)}`);
    } catch (error) {
      put(body, problemBox(error));
      return;
    }
    const mine = a.tasks.filter(t => t.department === dept);
    const checks = a.commitments.filter(c => c.verifyingDepartment === dept);
    put(body,
      h("p", { "data-testid": "status" }, h("strong", {}, a.applicationId), " · ", badge(L.status, a.status), " · ", badge(L.risk, a.riskLevel), " · ",
        bi("项目代码", "Project"), ` ${a.projectCode ?? "—"}`),
      h("h2", {}, bi("并联审查", "Parallel review")),
      table([["部门", "Department"], ["事项", "Item"], ["状态", "State"], ["期限", "Due"], ["亮灯", "Light"], ["意见", "Opinion"]],
        a.tasks.map(t => [t.department, t.item, badge(L.taskState, t.state), when(t.dueAt), light(t.light), t.opinion ?? "—"])),
      h("h2", {}, bi("材料", "Materials")),
      materials(a, mine),
      a.procedure === "joint-acceptance" ? acceptanceForms(a, dept, load) : mine.filter(t => t.state === "pending").map(t => decideForm(a, t)),
      h("h2", {}, bi("本部门核查的承诺", "Commitments this department verifies")),
      checks.length ? checks.map(c => inspectForm(a, c)) : empty("没有需要本部门核查的承诺", "No commitment for this department to verify"),
      h("h2", {}, bi("办理过程", "Timeline")),
      timelineList(a));
  }

  function materials(a, mine) {
    const codes = new Set(mine.map(t => t.item));
    const committed = new Map(a.commitments.map(c => [c.materialCode, c]));
    const rows = catalog.filter(i => codes.has(i.code)).flatMap(i => i.materials.map(m => [i.code, `${m.name} (${m.code})`,
      committed.has(m.code) ? bi(`承诺（${L.words(L.commitmentClass, committed.get(m.code).class)[0]}）`, "committed") : bi("已提供", "provided")]));
    return [rows.length ? table([["事项", "Item"], ["材料", "Material"], ["方式", "How"]], rows) : empty("无材料清单", "No material list"),
      h("p", { class: "muted" }, bi("材料文件预览需要读取材料的接口（尚未在接口契约中）。", "Previewing the files needs an API that reads materials (not in the contract yet)."))];
  }

  function decideForm(a, t) {
    const choice = h("div", { class: "row", role: "radiogroup", "data-field": "decision", "aria-label": "决定 Decision" },
      Object.entries(L.decision).map(([value, [zh, en]], i) => h("label", { class: "row" }, h("input", { type: "radio", name: `decision-${t.item}`, value, checked: i === 0 }), bi(zh, en))));
    const opinion = h("textarea", { name: "opinion", placeholder: "审查意见；一次性告知时逐条写明需补正的内容 Opinion; for corrections, every item to correct" });
    const summary = h("div", { "aria-live": "polite" });
    const go = h("button", { type: "submit" }, bi("提交决定", "Send the decision"));
    const form = h("form", { class: "card", onsubmit: e => { e.preventDefault(); busy(go, async () => {
      clearProblems(form);
      const decision = form.querySelector("input[type=radio]:checked").value;
      try {
        await api(`/api/departments/${encodeURIComponent(dept)}/decisions`, { method: "POST",
          body: { applicationId: a.applicationId, item: t.item, round: t.round, decision, opinion: opinion.value.trim(), reviewer: `${dept} portal` } });
        put(summary, h("p", { class: "ok", role: "status" }, bi("决定已提交", "Decision sent")));
        setTimeout(load, 800);
      } catch (error) { showProblem(form, summary, error); }
    }); } },
      h("h2", {}, bi(`审查决定：${t.item}`, `Decision on ${t.item}`)), h("p", {}, bi("期限", "Due"), `：${when(t.dueAt)} `, light(t.light)),
      choice, field("意见", "Opinion", opinion, "opinion"), summary, go);
    return form;
  }

  function inspectForm(a, c) {
    const open = (c.status === "open" || c.status === "supplied") && a.status === "verifying";
    const head = h("p", {}, h("strong", {}, c.materialCode), ` · ${L.words(L.commitmentClass, c.class).join(" ")} · `, badge(L.commitmentStatus, c.status),
      " · ", bi("核查期限", "Check by"), ` ${when(c.dueAt)} `, light(c.light), c.sampled ? null : [" · ", bi("未抽中", "not sampled")]);
    if (!open) return h("div", { class: "card", "data-commitment": c.id }, head);
    if (c.class === "supplement" && c.status === "open") {
      return h("div", { class: "card", "data-commitment": c.id }, head, h("p", { class: "muted" }, bi("待申请人补齐材料后核查。", "Checked once the applicant has supplied the material.")));
    }
    const result = h("div", { class: "row", role: "radiogroup", "data-field": "result", "aria-label": "核查结果 Result" },
      Object.entries(L.inspection).map(([value, [zh, en]], i) => h("label", { class: "row" }, h("input", { type: "radio", name: `result-${c.id}`, value, checked: i === 0 }), bi(zh, en))));
    const findings = h("textarea", { name: "findings" });
    const summary = h("div", { "aria-live": "polite" });
    const go = h("button", { type: "submit" }, bi("记录核查结果", "Record the inspection"));
    const form = h("form", { class: "card", "data-commitment": c.id, onsubmit: e => { e.preventDefault(); busy(go, async () => {
      clearProblems(form);
      try {
        await api(`/api/departments/${encodeURIComponent(dept)}/inspections`, { method: "POST",
          body: { applicationId: a.applicationId, commitmentId: c.id, result: form.querySelector("input[type=radio]:checked").value, findings: findings.value.trim() } });
        put(summary, h("p", { class: "ok", role: "status" }, bi("核查结果已记录", "Inspection recorded")));
        setTimeout(load, 800);
      } catch (error) { showProblem(form, summary, error); }
    }); } }, head, result, field("核查发现", "Findings", findings, "findings"), summary, go);
    return form;
  }

  await load();
}
