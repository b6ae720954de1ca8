// Certificate verification (证照核验) for a phone that scanned a QR code, or anyone typing a number.
import { frame } from "../layout.js";
import { h, bi, put, query } from "../dom.js";
import { api } from "../api.js";
import { when } from "../format.js";
import { loading, problemBox, field, showProblem, busy } from "../widgets.js";

const main = await frame({ title: ["证照核验", "Verify a certificate"] });
const number = h("input", { type: "text", name: "number", autocomplete: "off", inputmode: "text", placeholder: "CP-PERMIT-…", value: query.get("number") ?? "" });
const result = h("div", { "aria-live": "polite" });
const summary = h("div");
const button = h("button", { type: "submit" }, bi("核验", "Verify"));
const form = h("form", { onsubmit: e => { e.preventDefault(); busy(button, check); } },
  field("证照编号", "Certificate number", number, "number"), button);
main.append(h("p", {}, bi("输入证照编号或扫描证照上的二维码。", "Type the certificate number or scan the QR code on it.")), form, summary, result);
if (number.value) check();

async function check() {
  const n = number.value.trim();
  put(summary);
  if (!n) { put(result); return; }
  history.replaceState(null, "", `?number=${encodeURIComponent(n)}`);
  put(result, loading());
  try {
    const c = await api(`/api/certificates/${encodeURIComponent(n)}`, { anonymous: true });
    const valid = c.status === "valid";
    put(result, h("section", { class: "card", "aria-label": "核验结果 Result" },
      h("p", { class: `verdict ${valid ? "valid" : "revoked"}`, "data-testid": "verdict" },
        valid ? "✔ 有效 Valid" : "✘ 已撤销 Revoked"),
      h("dl", {},
        h("dt", {}, bi("证照编号", "Number")), h("dd", {}, c.number),
        h("dt", {}, bi("事项", "Item")), h("dd", {}, `${c.itemName ?? ""} (${c.item})`),
        h("dt", {}, bi("持证单位", "Holder")), h("dd", {}, `${c.holder?.name ?? ""} · ${c.holder?.uscc ?? ""}`),
        h("dt", {}, bi("项目", "Project")), h("dd", {}, c.project?.name ?? "", " · ",
          h("a", { href: `/api/portal/project.html?code=${encodeURIComponent(c.project?.code ?? "")}` }, c.project?.code ?? "")),
        h("dt", {}, bi("发证时间", "Issued")), h("dd", {}, when(c.issuedAt)),
        valid ? null : [h("dt", {}, bi("撤销时间", "Revoked")), h("dd", {}, when(c.revokedAt)),
          h("dt", {}, bi("撤销原因", "Reason")), h("dd", {}, c.revocationReason ?? "—")]),
      h("p", {}, h("a", { href: `/api/certificates/${encodeURIComponent(c.number)}/document` }, bi("查看证照文件", "Open the certificate document")))));
  } catch (error) {
    put(result);
    if (error.status === 404) error.errors = { number: ["没有这个编号的证照 No certificate has this number"] };
    showProblem(form, summary, error);
  }
}
