// A department's inbox: reviews and commitment checks with their lights, red first, and the time left.
import { frame } from "../layout.js";
import { h, bi, put } from "../dom.js";
import { api } from "../api.js";
import { when, daysUntil } from "../format.js";
import { loading, problemBox, light, empty, table, byUrgency, badge } from "../widgets.js";
import { identity } from "../session.js";
import * as L from "../labels.js";

const main = await frame({ title: ["待办事项", "Inbox"], role: "department" });
if (main) {
  const dept = identity().id;
  const list = h("div", {}, loading());
  main.append(h("p", {}, bi(`部门 ${dept}：红灯在前。`, `Department ${dept}: red first.`)), list);
  let now = Date.now();
  try { now = new Date((await api("/api/dev/clock", { anonymous: true })).now).getTime(); } catch { /* not Development: real time */ }
  const load = async () => {
    try {
      const tasks = (await api(`/api/departments/${encodeURIComponent(dept)}/tasks?state=pending`)).sort(byUrgency);
      put(list, tasks.length ? table([["亮灯", "Light"], ["类型", "Kind"], ["申请", "Application"], ["事项", "Item"], ["期限", "Due"], ["剩余（自然日）", "Left (calendar days)"], ["", ""]],
        tasks.map(t => {
          const left = t.dueAt ? daysUntil(t.dueAt, now) : null;
          const href = `/api/portal/review.html?id=${encodeURIComponent(t.applicationId)}${t.commitmentId ? `&commitment=${encodeURIComponent(t.commitmentId)}` : ""}`;
          return [light(t.light), badge(L.kind, t.kind), t.applicationId, t.item, when(t.dueAt),
            left === null ? "—" : left >= 0 ? bi(`${left} 天`, `${left} days`) : h("span", { class: "bad" }, bi(`逾期 ${-left} 天`, `${-left} days late`)),
            h("a", { class: "button", href }, t.kind === "verification" ? bi("核查", "Inspect") : bi("办理", "Open"))];
        })) : empty("没有待办", "Nothing to do"));
    } catch (error) {
      put(list, problemBox(error));
    }
  };
  await load();
}
