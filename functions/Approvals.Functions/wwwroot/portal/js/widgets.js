// Small pieces every page shows: lights, badges, loading and empty states, problems next to their fields.
import { h, bi, put } from "./dom.js";
import { when } from "./format.js";
import * as L from "./labels.js";

/** A light with its colour and its words (never by colour alone). */
export function light(code) {
  if (!code) return "—";
  const [zh, en] = L.words(L.light, code);
  return h("span", { class: `light ${code}`, "data-light": code }, zh, " ", h("span", { class: "en" }, en));
}

export function badge(map, code, tone) {
  const [zh, en] = L.words(map, code);
  return h("span", { class: `badge ${tone ?? ""}` }, zh, " ", h("span", { class: "en" }, en));
}

export function loading() {
  return h("p", { class: "loading", role: "status" }, bi("正在加载…", "Loading…"));
}

export function empty(zh, en) {
  return h("p", { class: "empty" }, bi(zh, en));
}

/** A case's timeline, oldest first; a long case's published view leaves its oldest entries out and says how many. */
export function timelineList(view) {
  if (!view.timeline.length) return empty("暂无记录", "Nothing yet");
  const omitted = view.timelineOmitted ?? 0;
  return h("ol", { class: "timeline" },
    omitted ? h("li", { class: "omitted" }, bi(`较早的 ${omitted} 条记录未显示`, `${omitted} earlier entries not shown`)) : null,
    view.timeline.map(e => h("li", {}, h("time", { datetime: e.at }, when(e.at)), " · ", e.event)));
}

/** The problem as a person reads it: the title and detail, and every field message not shown next to its field. */
export function problemBox(error, extra = []) {
  const lines = [...extra];
  return h("div", { class: "problem", role: "alert" },
    h("strong", {}, problemTitle(error)),
    error.detail && error.detail !== error.title ? h("p", {}, error.detail) : null,
    lines.length ? h("ul", {}, lines.map(m => h("li", {}, m))) : null);
}

function problemTitle(error) {
  const byStatus = {
    0: "无法连接 Cannot reach the service", 400: "请修改标出的内容 Please correct the marked fields", 401: "请先登录 Please sign in",
    403: "无权办理 Not allowed", 404: "未找到 Not found", 409: "与当前状态冲突 Conflicts with the current state",
    413: "文件过大 File too large", 415: "文件类型不支持 Unsupported file type", 422: "无法处理 Cannot be processed",
  };
  return byStatus[error.status] ?? error.title ?? "出错了 Something went wrong";
}

/**
 * Shows problem+json `errors` next to their fields: a key "project.code" or "materials[2].materialId" finds the
 * element with data-field equal to the key, then to each shorter prefix ("materials"). Messages that find no field
 * go to the summary box at the top of the form.
 */
export function showProblem(form, summary, error) {
  clearProblems(form);
  const unplaced = [];
  for (const [key, messages] of Object.entries(error.errors ?? {})) {
    const target = fieldFor(form, key);
    const list = Array.isArray(messages) ? messages : [String(messages)];
    if (!target) { unplaced.push(...list.map(m => `${key}: ${m}`)); continue; }
    const control = target.matches("input,select,textarea") ? target : target.querySelector("input,select,textarea");
    control?.setAttribute("aria-invalid", "true");
    const id = `err-${Math.random().toString(36).slice(2)}`;
    control?.setAttribute("aria-describedby", id);
    target.after(h("p", { class: "field-error", id, role: "alert", "data-error-for": key }, list.join(" ")));
  }
  put(summary, problemBox(error, unplaced));
  summary.scrollIntoView?.({ block: "nearest" });
}

export function clearProblems(form) {
  form.querySelectorAll(".field-error").forEach(e => e.remove());
  form.querySelectorAll("[aria-invalid]").forEach(e => e.removeAttribute("aria-invalid"));
}

function fieldFor(form, key) {
  const candidates = [key];
  let rest = key;
  while (/[.[]/.test(rest)) {
    rest = rest.replace(/(\[[^\]]*\]|\.[^.[]*)$/, "");
    candidates.push(rest);
  }
  for (const name of candidates) {
    const el = [...form.querySelectorAll("[data-field]")].find(e => e.dataset.field.toLowerCase() === name.toLowerCase());
    if (el) return el;
  }
  return null;
}

/** A labelled form field; data-field carries the API's field name for its problems. */
export function field(zh, en, control, name) {
  return h("label", { class: "field", "data-field": name ?? control.name ?? null }, h("span", {}, bi(zh, en)), control);
}

/** A table that becomes stacked cards on a phone: columns [[zh, en], ...], rows of cells. */
export function table(columns, rows, { stack = true } = {}) {
  const labels = columns.map(([zh, en]) => `${zh} ${en}`);
  return h("div", { class: "table-wrap" }, h("table", { class: stack ? "stack-sm" : "" },
    h("thead", {}, h("tr", {}, columns.map(([zh, en]) => h("th", { scope: "col" }, bi(zh, en))))),
    h("tbody", {}, rows.map(cells => h("tr", {}, cells.map((cell, i) => h("td", { "data-label": labels[i] }, cell)))))));
}

/** Runs an async action from a button: disabled while it runs, so a double click submits once. */
export async function busy(button, action) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try { return await action(); } finally { button.disabled = false; button.removeAttribute("aria-busy"); }
}

/** Red first, then yellow, then green; within a light the earliest due first. */
export function byUrgency(a, b) {
  const rank = { red: 0, yellow: 1, green: 2 };
  return (rank[a.light] ?? 3) - (rank[b.light] ?? 3) || String(a.dueAt ?? "").localeCompare(String(b.dueAt ?? ""));
}
