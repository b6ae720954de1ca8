// The project code page (项目码): the project's certificates, approvals and progress, no private materials.
import { frame } from "../layout.js";
import { h, bi, put, query } from "../dom.js";
import { api } from "../api.js";
import { when } from "../format.js";
import { loading, empty, field, showProblem, table, badge, busy } from "../widgets.js";
import * as L from "../labels.js";
import { projectSections } from "../seeds.js";

const main = await frame({ title: ["项目码", "Project code"] });
const code = h("input", { type: "text", name: "code", autocomplete: "off", placeholder: "2609-350102-04-01-123456", value: query.get("code") ?? "" });
const result = h("div", { "aria-live": "polite" });
const summary = h("div");
const button = h("button", { type: "submit" }, bi("查询", "Look up"));
const form = h("form", { onsubmit: e => { e.preventDefault(); busy(button, look); } }, field("项目代码（24 位）", "Project code (24 characters)", code, "code"), button);
main.append(form, summary, result);
if (code.value) look();

async function look() {
  const c = code.value.trim();
  put(summary);
  if (!c) return;
  history.replaceState(null, "", `?code=${encodeURIComponent(c)}`);
  put(result, loading());
  try {
    const p = await api(`/api/projects/${encodeURIComponent(c)}`, { anonymous: true });
    put(result,
      h("h2", {}, bi("证照", "Certificates")),
      p.certificates.length ? table([["编号", "Number"], ["事项", "Item"], ["状态", "Status"], ["发证", "Issued"]],
        p.certificates.map(x => [h("a", { href: `/api/portal/verify.html?number=${encodeURIComponent(x.number)}` }, x.number), x.itemName ?? x.item,
          badge(L.certificate, x.status, x.status === "valid" ? "ok" : "bad"), when(x.issuedAt)])) : empty("尚无证照", "No certificates yet"),
      h("h2", {}, bi("审批", "Approvals")),
      p.approvals.length ? table([["申请", "Application"], ["程序", "Procedure"], ["状态", "Status"], ["受理", "Accepted"], ["事项", "Items"]],
        p.approvals.map(a => [a.applicationId, [badge(L.procedure, a.procedure), a.stage ? h("div", {}, bi(`第 ${a.stage.order}/${a.stage.of} 段：${a.stage.name}`, `stage ${a.stage.order} of ${a.stage.of}: ${a.stage.nameEn}`)) : null],
          badge(L.status, a.status), when(a.acceptedAt),
          a.items.map(i => h("div", {}, `${i.item} · ${i.department} · `, badge(L.taskState, i.state)))])) : empty("尚无审批", "No approvals yet"),
      p.stagedPermit ? h("p", { "data-staged-permit": "" }, bi(`分段施工许可：已取得 ${p.stagedPermit.issued}/${p.stagedPermit.of} 段；施工总承包单位 ${p.stagedPermit.contractor.name}`,
        `Staged permit: ${p.stagedPermit.issued} of ${p.stagedPermit.of} stages permitted; general contractor ${p.stagedPermit.contractor.name}`)) : null,
      projectSections(p),
      h("h2", {}, bi("进展", "Progress")),
      p.progress.length ? h("ul", { class: "timeline" }, p.progress.map(e => h("li", {}, when(e.at), " · ", e.event))) : empty("尚无进展", "No progress yet"));
  } catch (error) {
    put(result);
    if (error.status === 404) error.errors = { code: ["没有这个项目代码的记录 Nothing is recorded under this code"] };
    showProblem(form, summary, error);
  }
}
