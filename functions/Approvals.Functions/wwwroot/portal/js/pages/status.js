// The applicant's application: lights, the one-time notice and its answer, supplying a committed material,
// certificates with QR codes, the clock and the timeline. Refreshes itself while something is moving.
import { frame } from "../layout.js";
import { h, bi, put, query } from "../dom.js";
import { api } from "../api.js";
import { when } from "../format.js";
import { loading, problemBox, light, badge, table, empty, showProblem, clearProblems, field, busy, timelineList } from "../widgets.js";
import { uploader } from "../upload.js";
import { remember } from "../drive.js";
import { identity } from "../session.js";
import { certificateCard } from "../certificates.js";
import * as L from "../labels.js";

const main = await frame({ title: ["申请进度", "Application status"], role: "applicant" });
if (main) await run(main);

async function run(main) {
  const id = query.get("id");
  if (!id) { main.append(empty("未指定申请，请从“我的申请”进入。", "No application given; open one from My applications.")); return; }
  const sections = Object.fromEntries(["head", "notice", "tasks", "commitments", "certificates", "timeline"].map(k => [k, h("section", { "data-section": k })]));
  main.append(loading(), ...Object.values(sections));
  const drawn = {};
  let last;

  async function refresh() {
    try {
      last = await api(`/api/applications/${encodeURIComponent(id)}`);
    } catch (error) {
      put(sections.head, problemBox(error));
      return;
    } finally {
      main.querySelector(".loading")?.remove();
    }
    draw("head", [last.applicationId, last.status, last.riskLevel, last.clock, last.projectCode], head);
    draw("notice", [last.status, last.notices], notice);
    draw("tasks", [last.tasks, last.steps], tasks);
    draw("commitments", [last.commitments, last.status], commitments);
    draw("certificates", last.certificates, certificates);
    draw("timeline", last.timeline, timeline);
  }

  /** Redraws a section only when its data changed, so a form being filled in is left alone. */
  function draw(name, data, render) {
    const json = JSON.stringify(data);
    if (drawn[name] === json) return;
    drawn[name] = json;
    put(sections[name], render(last));
  }

  function head(a) {
    return [
      h("p", { "data-testid": "status" }, h("strong", {}, a.applicationId), " · ", badge(L.status, a.status), " · ", badge(L.risk, a.riskLevel)),
      h("p", {}, bi("受理时间", "Accepted"), `：${when(a.acceptedAt)} · `, bi(`已用 ${a.clock.workingDaysUsed} 个工作日`, `${a.clock.workingDaysUsed} working days used`),
        a.projectCode ? [" · ", h("a", { href: `/api/portal/project.html?code=${encodeURIComponent(a.projectCode)}` }, bi("项目码", "Project code"))] : null),
      a.clock.paused.length ? h("p", { class: "muted" }, bi("计时暂停", "Clock paused"), "：",
        a.clock.paused.map(p => `${when(p.from)} – ${p.to ? when(p.to) : "…"}（${p.reason}）`).join("；")) : null,
    ];
  }

  function tasks(a) {
    const rows = a.tasks.map(t => [t.department, t.item, badge(L.taskState, t.state), [when(t.dueAt), t.provisional ? h("span", { class: "muted" }, " 暂定 provisional") : null], light(t.light), t.opinion ?? "—"]);
    return [h("h2", {}, bi("部门审查", "Department reviews")),
      rows.length ? table([["部门", "Department"], ["事项", "Item"], ["状态", "State"], ["期限", "Due"], ["亮灯", "Light"], ["意见", "Opinion"]], rows) : empty("正在分派给各部门…", "Being sent to the departments…"),
      a.steps?.length ? [h("h3", {}, bi("验收步骤", "Acceptance steps")), table([["步骤", "Step"], ["状态", "State"], ["期限", "Due"], ["亮灯", "Light"], ["完成", "Done"]],
        a.steps.map(s => [s.name, badge(L.taskState, s.state), when(s.dueAt), light(s.light), when(s.completedAt)]))] : null];
  }

  function notice(a) {
    const open = a.status === "awaiting-corrections";
    const latest = a.notices.at(-1);
    if (!latest) return null;
    const box = h("div", { class: "card notice" },
      h("h2", {}, bi("一次性告知", "One-time notice")),
      h("p", {}, bi("告知时间", "Issued"), `：${when(latest.issuedAt)} · `, bi("答复期限", "Answer by"), `：${when(latest.answerBy)}`),
      h("ul", {}, latest.corrections.map(c => h("li", {}, h("strong", {}, `${c.department} · ${c.item}`), "：", c.text))));
    if (!open) { box.append(h("p", { class: "ok" }, bi("已答复", "Answered"))); return box; }
    const uploads = [];
    const rows = h("div");
    const addRow = () => {
      const entry = { materialCode: "", materialId: "" };
      uploads.push(entry);
      const n = uploads.length - 1;
      const code = h("input", { type: "text", name: `materials[${n}].materialCode`, placeholder: "CIVILDEF-DESIGN", oninput: e => { entry.materialCode = e.target.value.trim(); } });
      rows.append(h("div", { class: "material", "data-field": `materials[${n}]` },
        field("补正材料代码", "Material code", code, `materials[${n}].materialCode`),
        uploader({ label: `补正材料 ${n + 1} Corrected material`, onUploaded: u => { entry.materialId = u.materialId; remember(identity().id, { ...u, materialCode: entry.materialCode }); } })));
    };
    addRow();
    const note = h("textarea", { name: "note" });
    const summary = h("div");
    const send = h("button", { type: "submit" }, bi("提交补正", "Send the corrections"));
    const form = h("form", { onsubmit: e => { e.preventDefault(); busy(send, async () => {
      clearProblems(form);
      put(summary);
      try {
        await api(`/api/applications/${encodeURIComponent(id)}/resubmission`, { method: "POST", body: { materials: uploads.filter(u => u.materialCode || u.materialId), note: note.value } });
        put(summary, h("p", { class: "ok", role: "status" }, bi("补正已提交，等待部门重新审查。", "Corrections sent; the departments review again.")));
        setTimeout(refresh, 300);
      } catch (error) { showProblem(form, summary, error); }
    }); } },
      h("h3", {}, bi("答复告知", "Answer the notice")), rows,
      h("button", { type: "button", class: "secondary", onclick: addRow }, bi("再加一份材料", "Add another material")),
      field("说明", "Note", note, "note"), summary, send);
    box.append(form);
    return box;
  }

  function commitments(a) {
    if (!a.commitments.length) return null;
    return [h("h2", {}, bi("承诺与核查", "Commitments and verification")),
      table([["材料", "Material"], ["类型", "Class"], ["事项", "Items"], ["期限", "Due"], ["抽查", "Sampled"], ["状态", "Status"], ["操作", "Action"]],
        a.commitments.map(c => [c.materialCode, L.words(L.commitmentClass, c.class).join(" "), c.items.join("、"), [when(c.dueAt), " ", light(c.light)],
          c.sampled ? bi("抽中", "yes") : bi("未抽中", "no"), badge(L.commitmentStatus, c.status, c.status === "false" || c.status === "broken" ? "bad" : ""),
          c.class === "supplement" && c.status === "open" && a.status === "verifying" ? supply(c) : "—"]))];
  }

  function supply(c) {
    const summary = h("div");
    const holder = h("div", { "data-field": "materialId" }, uploader({
      label: `补齐 ${c.materialCode} Supply`,
      onUploaded: async u => {
        remember(identity().id, { ...u, materialCode: c.materialCode });
        try {
          await api(`/api/applications/${encodeURIComponent(id)}/materials`, { method: "POST", body: { materialCode: c.materialCode, materialId: u.materialId } });
          put(summary, h("p", { class: "ok", role: "status" }, bi("已补齐，等待核查。", "Supplied; awaiting the check.")));
          setTimeout(refresh, 300);
        } catch (error) { showProblem(holder.parentElement, summary, error); }
      },
    }));
    return h("div", {}, h("strong", {}, bi("补齐材料", "Supply it")), holder, summary);
  }

  function certificates(a) {
    return [h("h2", {}, bi("电子证照", "Certificates")),
      a.certificates.length ? a.certificates.map(certificateCard) : empty("审批通过后在此发证", "Certificates appear here once approved")];
  }

  function timeline(a) {
    return [h("h2", {}, bi("办理过程", "Timeline")),
      timelineList(a)];
  }

  await refresh();
  setInterval(() => { if (document.visibilityState === "visible") refresh(); }, 2000);
}
