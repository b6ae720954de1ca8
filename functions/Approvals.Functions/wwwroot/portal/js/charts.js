// Small SVG charts drawn here (no library): horizontal bars with their numbers written out.
const ns = "http://www.w3.org/2000/svg";

function el(tag, attrs, text) {
  const node = document.createElementNS(ns, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Bars for [{label, value, color?}]: the label left, the bar, the value at its end. `title` names the chart. */
export function barChart(title, rows, { unit = "", color = "#1a5fb4" } = {}) {
  const rowHeight = 26, labelWidth = 170, width = 600, barSpace = width - labelWidth - 60;
  const height = rows.length * rowHeight + 34;
  const max = Math.max(1, ...rows.map(r => r.value));
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-label": title });
  svg.append(el("title", {}, title), el("text", { x: 8, y: 20, "font-size": 14, "font-weight": 700, fill: "#1d2733" }, title));
  rows.forEach((r, i) => {
    const y = 32 + i * rowHeight;
    const w = Math.max(r.value > 0 ? 2 : 0, (r.value / max) * barSpace);
    svg.append(
      el("text", { x: 8, y: y + 15, "font-size": 12, fill: "#1d2733" }, r.label),
      el("rect", { x: labelWidth, y: y + 3, width: w, height: rowHeight - 8, fill: r.color ?? color, rx: 2 }),
      el("text", { x: labelWidth + w + 6, y: y + 15, "font-size": 12, fill: "#1d2733" }, `${Number.isInteger(r.value) ? r.value : r.value.toFixed(1)}${unit}`));
  });
  if (!rows.length) svg.append(el("text", { x: 8, y: 48, "font-size": 12, fill: "#5b6775" }, "无数据 No data"));
  return svg;
}
