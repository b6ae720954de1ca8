// Who is signed in. Locally (Development) a role picker names the principal with a dev token; in Azure the
// Entra ID module (entra-signin.js) signs in and provides the token. The mode comes from /api/portal/sign-in.json.
import { entraAccount, entraSignIn, entraSignOut, entraToken } from "./entra-signin.js";

const key = "portal.identity";
let settingsPromise;

/** The sign-in settings the app answers (mode "dev" or "entra"; public identifiers only). */
export function signInSettings() {
  settingsPromise ??= fetch("/api/portal/sign-in.json").then(r => r.json()).catch(() => ({ mode: "dev" }));
  return settingsPromise;
}

/** {role: "applicant"|"department"|"supervisor", id: USCC | department code | name} or null. */
export function identity() {
  try { return JSON.parse(localStorage.getItem(key) ?? "null"); } catch { return null; }
}

export function signInAs(role, id) {
  localStorage.setItem(key, JSON.stringify({ role, id: id.trim() }));
}

export async function signOut() {
  localStorage.removeItem(key);
  const settings = await signInSettings();
  if (settings.mode === "entra") await entraSignOut(settings);
}

/** Signs in with Entra ID (Azure only); the account's app role and claims say who it is. */
export async function signInWithEntra() {
  const settings = await signInSettings();
  const account = await entraSignIn(settings);
  if (account) localStorage.setItem(key, JSON.stringify(account));
  return account;
}

export async function currentEntraAccount() {
  const settings = await signInSettings();
  return settings.mode === "entra" ? entraAccount(settings) : null;
}

/** The bearer token for the API, or null when nobody is signed in. */
export async function bearerToken() {
  const settings = await signInSettings();
  if (settings.mode === "entra") return entraToken(settings);
  const who = identity();
  return who ? `dev:${who.role}:${who.id}` : null;
}
