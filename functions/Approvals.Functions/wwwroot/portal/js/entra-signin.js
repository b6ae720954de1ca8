// Entra ID sign-in for the portal in Azure, with MSAL for the browser (public client: authorization code + PKCE).
// Configured only from /api/portal/sign-in.json ({clientId, authority, scope, redirectPath}); no secret is ever in
// the page. MSAL itself is not fetched from a CDN: deploy @azure/msal-browser's browser build as
// /api/portal/vendor/msal-browser.min.js (it defines window.msal). Nothing here runs in Development.

let clientPromise;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error("MSAL 未部署 MSAL browser library is not deployed at " + src));
    document.head.append(script);
  });
}

async function client(settings) {
  clientPromise ??= (async () => {
    if (!settings.clientId || !settings.authority) throw new Error("缺少登录配置 Portal:SignIn:ClientId / Authority are not configured");
    if (!window.msal) await loadScript("/api/portal/vendor/msal-browser.min.js");
    const app = new window.msal.PublicClientApplication({
      auth: { clientId: settings.clientId, authority: settings.authority, redirectUri: location.origin + settings.redirectPath },
      cache: { cacheLocation: "sessionStorage" },
    });
    await app.initialize();
    await app.handleRedirectPromise();
    return app;
  })();
  return clientPromise;
}

/** The portal's identity from the account's ID token claims: app role, and the USCC or department claim. */
function toIdentity(account) {
  if (!account) return null;
  const claims = account.idTokenClaims ?? {};
  const roles = (claims.roles ?? []).map(r => String(r).toLowerCase());
  const role = ["supervisor", "department", "applicant"].find(r => roles.includes(r)) ?? "applicant";
  const id = role === "applicant" ? claims.uscc : role === "department" ? claims.dept : account.name;
  return { role, id: id ?? account.username, entra: true };
}

export async function entraAccount(settings) {
  const app = await client(settings);
  return toIdentity(app.getActiveAccount() ?? app.getAllAccounts()[0]);
}

export async function entraSignIn(settings) {
  const app = await client(settings);
  const result = await app.loginPopup({ scopes: [settings.scope].filter(Boolean) });
  app.setActiveAccount(result.account);
  return toIdentity(result.account);
}

export async function entraSignOut(settings) {
  const app = await client(settings);
  await app.logoutPopup();
}

export async function entraToken(settings) {
  const app = await client(settings);
  const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
  if (!account) return null;
  const request = { scopes: [settings.scope].filter(Boolean), account };
  try {
    return (await app.acquireTokenSilent(request)).accessToken;
  } catch {
    return (await app.acquireTokenPopup(request)).accessToken;
  }
}
