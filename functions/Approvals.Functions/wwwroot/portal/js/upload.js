// One material's file: drag and drop or choose, type and size checked before upload, a progress bar, the answer.
import { h, bi, put } from "./dom.js";
import { upload } from "./api.js";
import { problemBox } from "./widgets.js";

/** The largest file the page sends; the app answers 413 above its own configured limit in any case. */
export const maxBytes = 256 * 1024 * 1024;

const kinds = [
  { name: "PDF", test: b => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46, type: "application/pdf" },
  { name: "PNG", test: b => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47, type: "image/png" },
  { name: "JPEG", test: b => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, type: "image/jpeg" },
  { name: "OFD", test: b => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04, type: "application/ofd" },
];

/** What is wrong with a file before it is sent, in both languages, or null. */
export async function checkFile(file) {
  if (file.size === 0) return "文件为空 The file is empty";
  if (file.size > maxBytes) return `文件超过 ${maxBytes / 1048576} MB The file is larger than ${maxBytes / 1048576} MB`;
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (!kinds.some(k => k.test(head))) return "只接受 PDF、OFD、JPEG、PNG 文件 Only PDF, OFD, JPEG and PNG files are accepted";
  return null;
}

function typeOf(file, head) {
  return kinds.find(k => k.test(head))?.type ?? file.type;
}

/**
 * A drop zone with a file input for one material. `label` names it for screen readers; onUploaded receives
 * {materialId, size, contentType, fileName}.
 */
export function uploader({ label, onUploaded }) {
  const input = h("input", { type: "file", accept: ".pdf,.ofd,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png", "aria-label": label });
  const bar = h("progress", { max: "1", value: "0", hidden: true, "aria-label": "上传进度 Upload progress" });
  const state = h("div", { "aria-live": "polite" });
  const zone = h("div", { class: "dropzone" }, h("span", {}, bi("拖放文件到此处，或", "Drop a file here, or")), " ", input, bar, state);
  const send = async file => {
    put(state);
    const problem = await checkFile(file);
    if (problem) { put(state, h("p", { class: "field-error", role: "alert" }, problem)); return; }
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const type = typeOf(file, head);
    const body = file.type === type ? file : new File([file], file.name, { type });
    bar.hidden = false;
    bar.value = 0;
    try {
      const answer = await upload(body, p => { bar.value = p; });
      put(state, h("span", { class: "ok" }, "✔ ", bi("已上传", "Uploaded"), ` ${file.name} (${Math.ceil(answer.size / 1024)} KB)`));
      onUploaded({ ...answer, fileName: file.name });
    } catch (error) {
      bar.hidden = true;
      put(state, problemBox(error));
    }
  };
  input.addEventListener("change", () => input.files[0] && send(input.files[0]));
  zone.addEventListener("dragover", e => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", e => { e.preventDefault(); zone.classList.remove("over"); if (e.dataTransfer.files[0]) send(e.dataTransfer.files[0]); });
  return zone;
}
