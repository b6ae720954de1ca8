// Building DOM nodes without innerHTML: every text from the API is set as text, never parsed as markup.

/** h("a", {href, class, onclick}, child...): an element; children may be strings, nodes, arrays, null or false. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's content. */
export function put(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Two languages: Chinese first, English after it, quieter. */
export function bi(zh, en) {
  return h("span", {}, zh, " ", h("span", { class: "en", lang: "en" }, en));
}

export const query = new URLSearchParams(location.search);
