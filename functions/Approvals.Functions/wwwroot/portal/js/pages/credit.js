// Credit (信用): the grade and what it allows, the records, how repair works; supervisors repair where the rules allow.
import { frame } from "../layout.js";
import { h, bi, put, query } from "../dom.js";
import { api } from "../api.js";
import { when } from "../format.js";
import { loading, problemBox, table, empty, field, showProblem, clearProblems, busy } from "../widgets.js";
import { identity } from "../session.js";
import * as L from "../labels.js";

const who = identity();
const main = await frame({ title: ["信用", "Credit"], role: who?.role === "supervisor" ? "supervisor" : "applicant" });
if (main) await run(main);

async function run(main) {
  const supervisor = who.role === "supervisor";
  const result = h("div");
  if (supervisor) {
    const uscc = h("input", { type: "text", name: "uscc", value: query.get("uscc") ?? "", placeholder: "91350100M000100Y43" });
    const summary = h("div");
    const go = h("button", { type: "submit" }, bi("查询", "Look up"));
    const form = h("form", { onsubmit: e => { e.preventDefault(); busy(go, () => show(uscc.value.trim(), form, summary)); } }, field("统一社会信用代码", "USCC", uscc, "uscc"), go);
    main.append(form, summary, result);
    if (uscc.value) await show(uscc.value, form, summary);
  } else {
    main.append(result);
    await show(who.id);
  }

  async function show(uscc, form, summary) {
    if (!uscc) return;
    if (form) clearProblems(form);
    put(result, loading());
    let credit, policy;
    try {
      [credit, policy] = await Promise.all([api(`/api/credit/${encodeURIComponent(uscc)}`), api("/api/policy", { anonymous: true }).catch(() => null)]);
    } catch (error) {
      put(result);
      if (form) showProblem(form, summary, error); else put(result, problemBox(error));
      return;
    }
    const [zh, en] = L.grade[credit.grade] ?? [credit.grade, credit.grade];
    const rules = policy?.intake?.credit;
    put(result,
      h("div", { class: "card" },
        h("p", { "data-testid": "grade", style: "font-size:1.4rem" }, bi(`信用等级 ${credit.grade}`, `Grade ${credit.grade}`)),
        h("p", {}, zh, h("br"), h("span", { class: "en" }, en)),
        h("p", {}, credit.commitmentAllowed ? h("span", { class: "ok" }, "✔ ", bi("可使用告知承诺", "Commitment route open")) : h("span", { class: "bad" }, "✘ ", bi("暂停告知承诺", "Commitment route barred")),
          " · ", credit.gapAcceptanceAllowed ? h("span", { class: "ok" }, "✔ ", bi("可容缺受理", "Gap acceptance open")) : h("span", { class: "bad" }, "✘ ", bi("暂停容缺受理", "Gap acceptance barred"))),
        credit.restriction ? h("p", {}, bi("限制", "Restriction"), `：${credit.restriction}`, credit.restrictedUntil ? ` · ${when(credit.restrictedUntil)}` : "") : null,
        h("p", { class: "muted" }, credit.chainIntact ? bi("信用记录链完整", "The record chain is intact") : h("span", { class: "bad" }, bi("信用记录链校验失败", "The record chain does not verify")))),
      h("h2", {}, bi("如何修复信用", "How to repair credit")),
      h("p", {}, rules
        ? bi(`未履行承诺：公示满 ${rules.brokenRepairAfterMonths} 个月后可申请修复；虚假承诺：满 ${rules.falseRepairAfterMonths} 个月后可申请修复。修复由监管部门办理。`,
          `Broken commitment: repair may be asked after ${rules.brokenRepairAfterMonths} months; false commitment: after ${rules.falseRepairAfterMonths} months. The supervisor repairs.`)
        : bi("公示期满后可向监管部门申请信用修复。", "After the publicity period, ask the supervisor for a repair.")),
      h("h2", {}, bi("信用记录", "Records")),
      credit.records.length ? table([["序号", "No."], ["类型", "Kind"], ["时间", "When"], ["关联", "Reference"], ["说明", "Details"]],
        credit.records.map(r => [String(r.sequence), L.words(L.creditKind, r.kind).join(" "), when(r.occurredAt), r.reference ?? "—", r.details ?? "—"])) : empty("暂无记录", "No records"),
      supervisor ? repairForm(credit) : null);
  }

  function repairForm(credit) {
    const bad = credit.records.filter(r => ["broken", "false-commitment", "revocation"].includes(r.kind));
    if (!bad.length) return null;
    const reference = h("select", { name: "reference" }, bad.map(r => h("option", { value: r.reference }, `${r.reference} · ${L.words(L.creditKind, r.kind)[0]} · ${when(r.occurredAt)}`)));
    const reason = h("textarea", { name: "reason" });
    const summary = h("div", { "aria-live": "polite" });
    const go = h("button", { type: "submit" }, bi("修复", "Repair"));
    const form = h("form", { class: "card", onsubmit: e => { e.preventDefault(); busy(go, async () => {
      clearProblems(form);
      try {
        await api(`/api/credit/${encodeURIComponent(credit.uscc)}/repairs`, { method: "POST", body: { reference: reference.value, reason: reason.value } });
        put(summary, h("p", { class: "ok", role: "status" }, bi("已修复", "Repaired")));
        setTimeout(() => show(credit.uscc), 500);
      } catch (error) { showProblem(form, summary, error); }
    }); } }, h("h2", {}, bi("信用修复", "Credit repair")), field("记录", "Record", reference, "reference"), field("理由", "Reason", reason, "reason"), summary, go);
    return form;
  }
}
