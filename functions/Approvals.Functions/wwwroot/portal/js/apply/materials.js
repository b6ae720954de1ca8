// One set of materials for every chosen item (一张表单、一套材料): each material once, provided or committed.
import { h, bi, put, append } from "../dom.js";
import * as L from "../labels.js";
import { uploader } from "../upload.js";
import { earlierUploads, remember } from "../drive.js";
import { when } from "../format.js";

/** The chosen items' materials merged by code: {code, name, items[], required, commitable, key, fixedClass}. */
export function mergedMaterials(items) {
  const byCode = new Map();
  for (const item of items) {
    for (const m of item.materials) {
      const merged = byCode.get(m.code) ?? { code: m.code, name: m.name, items: [], required: false, commitable: true, key: false, fixedClass: null };
      merged.items.push(item.code);
      merged.required ||= m.required;
      // One-to-many (一对多): committed once for every item, so every item that asks for it must allow the commitment.
      merged.commitable &&= m.commitable && item.commitmentAllowed;
      merged.key ||= m.key;
      merged.fixedClass ??= m.commitmentClass ?? null;
      byCode.set(m.code, merged);
    }
  }
  return [...byCode.values()];
}

/**
 * The materials section. `choices` (Map code → {mode: "provide"|"commit"|"skip", upload, class}) survives a change of
 * items; onChange runs after each choice so the letter can follow.
 */
export function materialsSection({ materials, choices, uscc, onChange }) {
  return materials.map(m => {
    const choice = choices.get(m.code) ?? { mode: m.required ? "provide" : "skip", class: m.fixedClass ?? "supplement" };
    choices.set(m.code, choice);
    const row = h("div", { class: "material", "data-material": m.code, "data-field": `material:${m.code}` });
    const detail = h("div");
    const name = `mode-${m.code}`;
    const radio = (mode, zh, en, enabled = true) => h("label", { class: "row" },
      h("input", { type: "radio", name, value: mode, checked: choice.mode === mode, disabled: !enabled,
        onchange: () => { choice.mode = mode; draw(); onChange(); } }), bi(zh, en));
    const draw = () => put(detail, choice.mode === "provide" ? provide(m, choice, uscc, onChange) : choice.mode === "commit" ? commit(m, choice, onChange) : null);
    append(row, [
      h("h3", {}, m.name, " ", h("span", { class: "en" }, `(${m.code})`)),
      h("p", { class: "muted" }, bi(`用于：${m.items.join("、")}`, m.items.length > 1 ? `one upload serves ${m.items.length} items` : "for one item"),
        m.required ? null : [" · ", bi("可选", "optional")], m.key ? [" · ", bi("要件", "key document")] : null),
      h("div", { class: "row", role: "radiogroup", "aria-label": `${m.name} 提供或承诺 provide or commit` },
        radio("provide", "提供材料", "Provide"),
        radio("commit", "告知承诺", "Commit instead", m.commitable),
        m.required ? null : radio("skip", "不提供", "Leave out")),
      m.commitable ? null : h("p", { class: "muted" }, bi("此材料不可承诺，须提供。", "This material cannot be committed; it must be provided.")),
      detail]);
    draw();
    return row;
  });
}

function provide(m, choice, uscc, onChange) {
  const earlier = earlierUploads(uscc).filter(u => u.materialCode === m.code);
  const chosen = h("p", { "aria-live": "polite" }, choice.upload ? current(choice.upload) : null);
  const reuse = earlier.length ? h("label", { class: "field" }, bi("使用已上传的文件（企业云盘）", "Reuse an earlier upload"),
    h("select", { onchange: e => { choice.upload = earlier.find(u => u.materialId === e.target.value) ?? null; put(chosen, choice.upload ? current(choice.upload) : null); onChange(); } },
      h("option", { value: "" }, "— 选择 choose —"),
      earlier.map(u => h("option", { value: u.materialId, selected: choice.upload?.materialId === u.materialId }, `${u.fileName} · ${when(u.at)}`)))) : null;
  const zone = uploader({
    label: `${m.name} ${m.code}`,
    onUploaded: answer => {
      choice.upload = { materialId: answer.materialId, fileName: answer.fileName, size: answer.size, contentType: answer.contentType, materialCode: m.code };
      remember(uscc, choice.upload);
      put(chosen, current(choice.upload));
      onChange();
    },
  });
  return [reuse, zone, chosen];
}

function current(upload) {
  return h("span", {}, bi("已选文件：", "File:"), " ", upload.fileName, h("span", { class: "muted" }, ` sha256 ${upload.materialId.slice(0, 12)}…`));
}

function commit(m, choice, onChange) {
  if (m.fixedClass) choice.class = m.fixedClass;
  const explain = h("div");
  const show = () => {
    const k = L.commitmentClass[choice.class];
    put(explain, h("p", {}, h("strong", {}, bi(k.name[0], k.name[1])), "：", k.means[0], h("br"), h("span", { class: "en" }, k.means[1])),
      h("p", { class: "warn" }, bi("后果：", "If not kept:"), " ", k.consequence[0], h("br"), h("span", { class: "en" }, k.consequence[1])));
  };
  const select = h("select", { name: `class-${m.code}`, disabled: !!m.fixedClass, onchange: e => { choice.class = e.target.value; show(); onChange(); } },
    Object.entries(L.commitmentClass).map(([value, k]) => h("option", { value, selected: value === choice.class }, `${k.name[0]} ${k.name[1]}`)));
  show();
  return [h("label", { class: "field" }, bi("承诺类型", "Commitment class"), select), explain];
}
