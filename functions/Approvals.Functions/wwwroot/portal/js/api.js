// Calls the app's public HTTP API (../shared/api.md) as the signed-in person; problems arrive as problem+json.
import { bearerToken } from "./session.js";

/** A problem+json answer: status, title, detail and the `errors` map of field → messages. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem?.title ?? "";
    this.detail = problem?.detail ?? "";
    this.errors = problem?.errors ?? {};
  }
}

/** fetch with the bearer token; JSON in and out; throws ApiError for anything but 2xx. */
export async function api(path, { method = "GET", body, headers = {}, accept = "application/json", anonymous = false } = {}) {
  const all = { Accept: accept, ...headers };
  if (!anonymous) {
    const token = await bearerToken();
    if (token) all.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined && !(body instanceof Blob)) all["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers: all, body: body === undefined || body instanceof Blob ? body : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { title: "网络错误，请稍后重试 Network error, please try again" });
  }
  const type = response.headers.get("Content-Type") ?? "";
  const payload = type.includes("json") ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof payload === "object" ? payload : { title: `HTTP ${response.status}` });
  return payload;
}

/**
 * Uploads one file to POST /api/materials with a progress callback (fetch cannot report upload progress, XHR can).
 * Resolves {materialId, size, contentType}; rejects with ApiError (413 too large, 415 not PDF/OFD/JPEG/PNG).
 */
export async function upload(file, onProgress) {
  const token = await bearerToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/materials");
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = e => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) { onProgress?.(1); resolve(body); }
      else reject(new ApiError(xhr.status, body ?? { title: `HTTP ${xhr.status}` }));
    };
    xhr.onerror = () => reject(new ApiError(0, { title: "网络错误，上传未完成 Network error, upload not finished" }));
    xhr.send(file);
  });
}
