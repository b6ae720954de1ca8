// The applicant's applications with their lights.
import { frame } from "../layout.js";
import { h, bi, put } from "../dom.js";
import { api } from "../api.js";
import { when } from "../format.js";
import { loading, problemBox, light, badge, empty } from "../widgets.js";
import * as L from "../labels.js";

const main = await frame({ title: ["我的申请", "My applications"], role: "applicant" });
if (main) {
  const list = h("div", {}, loading());
  main.append(h("p", {}, h("a", { class: "button", href: "/api/portal/apply.html" }, bi("新的申请", "New application"))), list);
  try {
    const page = await api("/api/applications");
    put(list, page.items.length ? page.items.map(a => h("a", { class: "card", href: `/api/portal/status.html?id=${encodeURIComponent(a.applicationId)}`, style: "display:block;color:inherit;text-decoration:none" },
      h("h2", {}, a.applicationId, " ", badge(L.status, a.status)),
      h("p", {}, badge(L.procedure, a.procedure), " · ", bi("受理", "Accepted"), ` ${when(a.acceptedAt)} · `, bi(`已用 ${a.clock.workingDaysUsed} 个工作日`, "working days used")),
      h("p", {}, a.tasks.map(t => h("span", { style: "margin-right:1rem" }, `${t.department} ${t.item} `, light(t.light)))))) : empty("还没有申请", "No applications yet"));
  } catch (error) {
    put(list, problemBox(error));
  }
}
