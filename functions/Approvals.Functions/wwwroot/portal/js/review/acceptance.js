// Joint completion acceptance (竣工联合验收) for one department: site findings, the acceptance opinion per item
// (with rectifications when it fails), and the archive / registration certificate numbers.
import { h, bi, put } from "../dom.js";
import { api } from "../api.js";
import { when } from "../format.js";
import { light, badge, table, field, showProblem, clearProblems, busy } from "../widgets.js";
import * as L from "../labels.js";

function post(path, body, form, summary, reload) {
  return async () => {
    clearProblems(form);
    try {
      await api(path, { method: "POST", body });
      put(summary, h("p", { class: "ok", role: "status" }, bi("已提交", "Sent")));
      setTimeout(reload, 800);
    } catch (error) { showProblem(form, summary, error); }
  };
}

export function acceptanceForms(a, dept, reload) {
  const base = `/api/departments/${encodeURIComponent(dept)}`;
  const parts = [h("h2", {}, bi("验收步骤", "Acceptance steps")),
    table([["步骤", "Step"], ["状态", "State"], ["期限", "Due"], ["亮灯", "Light"], ["完成", "Done"]],
      (a.steps ?? []).map(s => [s.name, badge(L.taskState, s.state), when(s.dueAt), light(s.light), when(s.completedAt)]))];

  const findings = h("textarea", { name: "findings" });
  const fs = h("div");
  const fgo = h("button", { type: "submit" }, bi("记录现场查验", "Record the site findings"));
  const ff = h("form", { class: "card", onsubmit: e => { e.preventDefault(); busy(fgo, post(`${base}/site-findings`, { applicationId: a.applicationId, findings: findings.value.trim() }, ff, fs, reload)); } },
    h("h3", {}, bi("联合现场查验", "Joint site inspection")), field("查验发现", "Findings", findings, "findings"), fs, fgo);
  parts.push(ff);

  for (const t of a.tasks.filter(t => t.department === dept && t.state === "pending")) {
    const result = h("select", { name: "result" }, h("option", { value: "pass" }, "合格 Pass"), h("option", { value: "fail" }, "不合格 Fail"));
    const opinion = h("textarea", { name: "opinion" });
    const rect = h("textarea", { name: "rectifications", placeholder: "每行一条整改意见 One rectification per line" });
    const s = h("div");
    const go = h("button", { type: "submit" }, bi("提交验收意见", "Send the opinion"));
    const form = h("form", { class: "card", onsubmit: e => { e.preventDefault(); busy(go, () => post(`${base}/acceptance-opinions`, {
      applicationId: a.applicationId, item: t.item, result: result.value, opinion: opinion.value.trim(),
      rectifications: rect.value.split("\n").map(x => x.trim()).filter(Boolean) }, form, s, reload)()); } },
      h("h3", {}, bi(`验收意见：${t.item}`, `Opinion on ${t.item}`)), field("结论", "Result", result, "result"), field("意见", "Opinion", opinion, "opinion"),
      field("整改意见", "Rectifications", rect, "rectifications"), s, go);
    parts.push(form);
  }

  const step = h("select", { name: "step" }, h("option", { value: "archive-certificate" }, "档案认可 Archive certificate"), h("option", { value: "first-registration" }, "首次登记 First registration"));
  const number = h("input", { type: "text", name: "number" });
  const cs = h("div");
  const cgo = h("button", { type: "submit" }, bi("登记证书编号", "Record the number"));
  const cf = h("form", { class: "card", onsubmit: e => { e.preventDefault(); busy(cgo, post(`${base}/certificates`, { applicationId: a.applicationId, step: step.value, number: number.value.trim() }, cf, cs, reload)); } },
    h("h3", {}, bi("验登合一：证书编号", "Certificates after acceptance")), field("步骤", "Step", step, "step"), field("编号", "Number", number, "number"), cs, cgo);
  parts.push(cf);
  return parts;
}
