// The published catalog (事项清单): items with materials, time limits, commitment and verification rules.
import { frame } from "../layout.js";
import { h, bi, put } from "../dom.js";
import { api } from "../api.js";
import { loading, empty, problemBox, badge } from "../widgets.js";
import * as L from "../labels.js";

const main = await frame({ title: ["事项清单", "Catalog"] });
const filter = h("select", { name: "procedure" },
  h("option", { value: "" }, "全部 All"),
  Object.entries(L.procedure).map(([value, [zh, en]]) => h("option", { value }, `${zh} ${en}`)));
const search = h("input", { type: "search", name: "q", placeholder: "事项名称或代码 Item name or code" });
const list = h("div", {}, loading());
main.append(h("div", { class: "row" }, h("label", { class: "field" }, bi("程序", "Procedure"), filter), h("label", { class: "field" }, bi("搜索", "Search"), search)), list);

try {
  const items = await api("/api/catalog/items", { anonymous: true });
  const render = () => {
    const q = search.value.trim().toLowerCase();
    const shown = items.filter(i => (!filter.value || i.procedure === filter.value)
      && (!q || `${i.code} ${i.name} ${i.nameEn}`.toLowerCase().includes(q)));
    put(list, shown.length ? shown.map(item) : empty("没有符合条件的事项", "No item matches"));
  };
  filter.addEventListener("change", render);
  search.addEventListener("input", render);
  render();
} catch (error) {
  put(list, problemBox(error));
}

function item(i) {
  return h("details", { class: "card" },
    h("summary", {}, h("strong", {}, i.name), " ", h("span", { class: "en" }, i.nameEn), " · ", i.code, " · ", i.department,
      " · ", bi(`${i.timeLimitWorkingDays} 个工作日`, "working days")),
    h("p", {}, badge(L.procedure, i.procedure), " ",
      i.commitmentAllowed ? h("span", { class: "ok" }, bi("可告知承诺", "Commitment route allowed")) : h("span", { class: "muted" }, bi("不适用承诺制", "No commitment route")),
      i.autoApprove ? h("span", {}, " · ", bi("无干预智能审批", "Unattended approval")) : null),
    h("h3", {}, bi("材料", "Materials")),
    h("ul", {}, i.materials.map(m => h("li", {}, m.name, " (", m.code, ") ",
      m.required ? bi("必需", "required") : bi("可选", "optional"),
      m.commitable ? h("span", { class: "ok" }, " · ", bi(`可承诺${m.commitmentClass ? "（" + L.words(L.commitmentClass, m.commitmentClass)[0] + "）" : ""}`, "may be committed")) : null,
      m.key ? h("span", { class: "muted" }, " · ", bi("要件", "key document")) : null))),
    i.verification ? h("p", {}, bi("核查", "Verification"), `：${i.verification.department} · ${i.verification.withinWorkingDays} 工作日 working days · ${i.verification.sampling}`) : null,
    i.timeLimitSource ? h("p", { class: "muted" }, bi("时限依据", "Source"), "：", i.timeLimitSource) : null);
}
