// The applicant's one form (一张表单): guidance, items, project, materials provided or committed, the letter, submit.
import { frame } from "../layout.js";
import { h, bi, put } from "../dom.js";
import { api, ApiError } from "../api.js";
import { identity } from "../session.js";
import { loading, problemBox, field, showProblem, clearProblems, busy } from "../widgets.js";
import * as L from "../labels.js";
import { mergedMaterials, materialsSection } from "../apply/materials.js";
import { letterText } from "../apply/letter.js";

const main = await frame({ title: ["智能导办与申报", "Guidance and application"], role: "applicant" });
if (main) await run(main);

async function run(main) {
  const who = identity();
  main.append(loading());
  let catalog;
  try {
    catalog = await api("/api/catalog/items", { anonymous: true });
  } catch (error) {
    put(main, problemBox(error));
    return;
  }
  main.lastChild.remove();

  const choices = new Map();
  const answers = {};
  const text = (name, value = "", attrs = {}) => h("input", { type: "text", name, value, ...attrs });
  const num = (name, value) => h("input", { type: "number", name, value, min: "0", step: "any" });
  const select = (name, map, value) => h("select", { name }, Object.entries(map).map(([v, [zh, en]]) => h("option", { value: v, selected: v === value }, `${zh} ${en}`)));
  const levels = { low: ["低", "low"], medium: ["中", "medium"], high: ["高", "high"] };

  // 1. Smart guidance (智能导办)
  const stage = select("stage", { construction: ["施工许可阶段", "Construction permit stage"], completion: ["竣工验收阶段", "Completion acceptance stage"] }, "construction");
  const projectType = select("project.type", L.projectType, "industrial");
  const questions = h("div");
  const advice = h("div", { "aria-live": "polite" });
  const guideBox = h("fieldset", {}, h("legend", {}, bi("1. 智能导办", "1. Smart guidance")),
    h("p", { class: "muted" }, bi("回答几个问题，系统给出需办理的事项和材料。", "Answer a few questions; the system suggests the items and materials.")),
    h("div", { class: "row" }, field("阶段", "Stage", stage, "stage"), field("项目类型", "Project type", projectType, "projectType")), questions, advice);

  // 2. Items
  const itemsBox = h("fieldset", { "data-field": "items" }, h("legend", {}, bi("2. 申办事项", "2. Items to apply for")));
  const itemList = h("div");
  itemsBox.append(itemList);

  // 3. Applicant and project
  const f = {
    uscc: text("applicant.uscc", who.id, { readonly: true }), name: text("applicant.name"),
    code: text("project.code", "", { placeholder: "2609-350102-04-01-123456" }), pname: text("project.name"),
    floorArea: num("project.floorArea", "8000"), height: num("project.height", "18"),
    occupantDensity: select("project.occupantDensity", levels, "low"), technicalComplexity: select("project.technicalComplexity", levels, "low"),
    socialInvestment: h("input", { type: "checkbox", name: "project.socialInvestment", checked: true }),
    keyProject: h("input", { type: "checkbox", name: "project.keyProject" }),
    stages: select("acceptanceStages", { combined: ["合并验收", "combined"], early: ["先期验收", "early stage"], late: ["后期验收", "late stage"] }, "combined"),
    unit: text("unit", "", { placeholder: "1#厂房" }),
  };
  const jointOnly = h("div", { class: "row", hidden: true }, field("验收阶段", "Acceptance stages", f.stages, "acceptanceStages"), field("单体", "Building unit", f.unit, "unit"));
  const projectBox = h("fieldset", {}, h("legend", {}, bi("3. 申请人与项目", "3. Applicant and project")),
    h("div", { class: "grid" },
      field("统一社会信用代码", "USCC", f.uscc, "applicant.uscc"), field("单位名称", "Company name", f.name, "applicant.name"),
      field("项目代码", "Project code", f.code, "project.code"), field("项目名称", "Project name", f.pname, "project.name"),
      field("建筑面积（㎡）", "Floor area (m²)", f.floorArea, "project.floorArea"), field("建筑高度（m）", "Height (m)", f.height, "project.height"),
      field("人员密集程度", "Occupant density", f.occupantDensity, "project.occupantDensity"), field("技术复杂程度", "Technical complexity", f.technicalComplexity, "project.technicalComplexity")),
    h("label", { class: "row" }, f.socialInvestment, bi("社会投资项目", "Social investment")),
    h("label", { class: "row" }, f.keyProject, bi("重点项目", "Key project")),
    jointOnly);

  // 4. Materials, 5. letter
  const materialsBox = h("fieldset", { "data-field": "materials" }, h("legend", {}, bi("4. 材料：提供或承诺", "4. Materials: provide or commit")));
  const materialsList = h("div", { "data-field": "commitments" });
  materialsBox.append(h("p", { class: "muted" }, bi("同一材料只需上传一次，所有事项共用。", "Each material is uploaded once and shared by every item.")), materialsList);
  const letter = h("div", { class: "letter", tabindex: "0", "aria-label": "综合承诺书 Commitment letter" });
  const signed = h("input", { type: "checkbox", name: "signed" });
  const signer = text("signer", "", { placeholder: "法定代表人或授权人 Legal representative" });
  const letterBox = h("fieldset", { hidden: true }, h("legend", {}, bi("5. 综合承诺书", "5. Comprehensive commitment letter")), letter,
    field("签署人", "Signed by", signer, "signer"),
    h("label", { class: "row", "data-field": "signed" }, signed, bi("本单位已阅读并签署上述承诺", "We have read and sign the commitments above")));

  const summary = h("div", { "aria-live": "assertive" });
  const submit = h("button", { type: "submit" }, bi("提交申请", "Submit the application"));
  const form = h("form", { novalidate: true, onsubmit: e => { e.preventDefault(); busy(submit, send); } },
    guideBox, itemsBox, projectBox, materialsBox, letterBox, summary, submit);
  main.append(form);

  const procedure = () => (stage.value === "completion" ? "joint-acceptance" : "commitment-approval");
  const chosenItems = () => [...itemList.querySelectorAll("input:checked")].map(i => catalog.find(c => c.code === i.value));

  function drawItems(suggested) {
    const keep = new Set(suggested);
    put(itemList, catalog.filter(i => i.procedure === procedure()).map(i => h("label", { class: "row" },
      h("input", { type: "checkbox", name: "items", value: i.code, checked: keep.has(i.code), onchange: drawMaterials }),
      h("span", {}, h("strong", {}, i.name), ` (${i.code}) · ${i.department} · `, bi(`${i.timeLimitWorkingDays} 个工作日`, "working days"),
        i.commitmentAllowed ? h("span", { class: "ok" }, " · ", bi("可承诺", "commitment allowed")) : null))));
    drawMaterials();
  }

  function drawMaterials() {
    const items = chosenItems();
    const materials = mergedMaterials(items);
    put(materialsList, materials.length ? materialsSection({ materials, choices, uscc: who.id, onChange: drawLetter }) : h("p", { class: "empty" }, bi("请先选择事项", "Choose items first")));
    jointOnly.hidden = procedure() !== "joint-acceptance";
    drawLetter();
  }

  function committed() {
    const materials = mergedMaterials(chosenItems());
    return materials.filter(m => choices.get(m.code)?.mode === "commit").map(m => ({ ...m, class: choices.get(m.code).class }));
  }

  function drawLetter() {
    const commitments = committed();
    letterBox.hidden = commitments.length === 0;
    put(letter, letterText({ applicant: { uscc: f.uscc.value, name: f.name.value }, project: { code: f.code.value, name: f.pname.value }, items: chosenItems(), commitments }));
  }
  [f.name, f.code, f.pname].forEach(i => i.addEventListener("input", drawLetter));

  async function guide() {
    try {
      const answer = await api("/api/guide", { method: "POST", anonymous: true, body: { projectType: projectType.value, stage: stage.value, answers } });
      if (!questions.dataset.stage || questions.dataset.stage !== stage.value) {
        questions.dataset.stage = stage.value;
        put(questions, answer.questions.map(q => {
          answers[q.key] ??= q.default;
          return h("label", { class: "row" }, h("input", { type: "checkbox", name: `answers.${q.key}`, checked: answers[q.key],
            onchange: e => { answers[q.key] = e.target.checked; guide(); } }), q.text);
        }));
        return guide();
      }
      put(advice, h("p", {}, bi("建议办理：", "Suggested items:"), " ", answer.items.join("、") || "—"),
        answer.steps?.length ? h("ol", {}, answer.steps.map(s => h("li", {}, typeof s === "string" ? s : JSON.stringify(s)))) : null);
      drawItems(answer.items);
    } catch (error) {
      if (error instanceof ApiError) showProblem(guideBox, advice, error); else throw error;
    }
  }
  stage.addEventListener("change", () => { for (const k of Object.keys(answers)) delete answers[k]; guide(); });
  projectType.addEventListener("change", guide);
  await guide();

  async function send() {
    clearProblems(form);
    put(summary);
    const items = chosenItems();
    const materials = mergedMaterials(items);
    const provided = [];
    const commitments = [];
    for (const m of materials) {
      const c = choices.get(m.code);
      const row = materialsList.querySelector(`[data-material="${m.code}"]`);
      if (c?.mode === "provide" && c.upload) { row.dataset.field = `materials[${provided.length}]`; provided.push({ materialCode: m.code, materialId: c.upload.materialId }); }
      else if (c?.mode === "commit") { row.dataset.field = `commitments[${commitments.length}]`; commitments.push({ materialCode: m.code, class: c.class }); }
      else row.dataset.field = `material:${m.code}`;
    }
    if (commitments.length && (!signed.checked || !signer.value.trim())) {
      signed.closest("[data-field]").after(h("p", { class: "field-error", role: "alert" }, "请签署承诺书并填写签署人 Please sign the letter and name the signer"));
      signed.focus();
      return;
    }
    const body = {
      applicant: { uscc: f.uscc.value.trim(), name: f.name.value.trim() },
      project: {
        code: f.code.value.trim(), name: f.pname.value.trim(), type: projectType.value,
        floorArea: Number(f.floorArea.value), height: Number(f.height.value),
        occupantDensity: f.occupantDensity.value, technicalComplexity: f.technicalComplexity.value,
        socialInvestment: f.socialInvestment.checked, keyProject: f.keyProject.checked,
      },
      procedure: procedure(),
      items: items.map(i => i.code),
      materials: provided,
      commitments,
      ...(procedure() === "joint-acceptance" ? { acceptanceStages: f.stages.value, unit: f.unit.value.trim() || undefined } : {}),
    };
    const key = sessionStorage.getItem("portal.apply.key") ?? crypto.randomUUID();
    sessionStorage.setItem("portal.apply.key", key);
    try {
      const accepted = await api("/api/applications", { method: "POST", body, headers: { "Idempotency-Key": key } });
      sessionStorage.removeItem("portal.apply.key");
      location.assign(`/api/portal/status.html?id=${encodeURIComponent(accepted.applicationId)}`);
    } catch (error) {
      if (error.status === 422) sessionStorage.removeItem("portal.apply.key");
      showProblem(form, summary, error);
    }
  }
}
