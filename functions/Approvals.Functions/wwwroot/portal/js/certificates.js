// Certificate cards with their QR codes. The QR code is the one the app drew into the certificate's document
// (GET /api/certificates/{number}/document, public); the card shows that image and links to the phone page.
import { h, bi } from "./dom.js";
import { badge } from "./widgets.js";
import * as L from "./labels.js";

async function qrImage(number) {
  const response = await fetch(`/api/certificates/${encodeURIComponent(number)}/document`);
  if (!response.ok) return null;
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  const img = doc.querySelector('img[src^="data:image/png;base64,"]');
  return img?.getAttribute("src") ?? null;
}

export function certificateCard(c) {
  const qr = h("div", { class: "qr" }, h("span", { class: "muted" }, "…"));
  qrImage(c.number).then(src => qr.replaceChildren(src
    ? h("img", { src, alt: `二维码 QR code: ${c.verifyUrl ?? c.number}`, "data-testid": "qr" })
    : h("span", { class: "muted" }, bi("二维码暂不可用", "QR code unavailable"))));
  return h("div", { class: "card", "data-certificate": c.number },
    h("div", { class: "row" }, qr, h("div", {},
      h("h3", {}, c.number),
      h("p", {}, bi("事项", "Item"), `：${c.item} `, badge(L.certificate, c.status, c.status === "valid" ? "ok" : "bad")),
      h("p", {}, h("a", { href: `/api/portal/verify.html?number=${encodeURIComponent(c.number)}` }, bi("核验页面", "Verification page")), " · ",
        h("a", { href: `/api/certificates/${encodeURIComponent(c.number)}/document` }, bi("证照文件", "Certificate document"))))));
}
