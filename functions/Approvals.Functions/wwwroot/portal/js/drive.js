// The applicant's earlier uploads (企业云盘), remembered in this browser per USCC so a material is uploaded once and
// reused across items and applications. The API has no list of one's materials yet; the store keeps the SHA-256 ids.
const key = uscc => `portal.drive.${uscc}`;

export function earlierUploads(uscc) {
  try { return JSON.parse(localStorage.getItem(key(uscc)) ?? "[]"); } catch { return []; }
}

/** Remembers an upload: {materialId, fileName, size, contentType, materialCode, at}. */
export function remember(uscc, upload) {
  const all = earlierUploads(uscc).filter(u => u.materialId !== upload.materialId || u.materialCode !== upload.materialCode);
  all.unshift({ ...upload, at: new Date().toISOString() });
  localStorage.setItem(key(uscc), JSON.stringify(all.slice(0, 200)));
}
