// The frame of every page: title, navigation for the signed-in role, the sign-in bar, the footer.
import { h, bi, put } from "./dom.js";
import { identity, signInAs, signOut, signInSettings, signInWithEntra } from "./session.js";
import { api } from "./api.js";
import { when } from "./format.js";

const roleNames = { applicant: ["申请人", "Applicant"], department: ["审批部门", "Department"], supervisor: ["监管人员", "Supervisor"] };
const idHints = {
  applicant: ["统一社会信用代码", "USCC", "91350100M000100Y43"],
  department: ["部门或公用事业单位代码（如 HUD、WATERCO）", "Department or utility code (HUD, WATERCO …)", "HUD"],
  supervisor: ["姓名", "Name", "li"],
};
const links = {
  public: [["/api/portal/", "首页", "Home"], ["/api/portal/catalog.html", "事项清单", "Catalog"], ["/api/portal/verify.html", "证照核验", "Verify a certificate"], ["/api/portal/project.html", "项目码", "Project code"]],
  applicant: [["/api/portal/apply.html", "智能导办与申报", "Guidance and application"], ["/api/portal/my.html", "我的申请", "My applications"], ["/api/portal/services.html", "企业服务", "Enterprise services"], ["/api/portal/credit.html", "我的信用", "My credit"]],
  department: [["/api/portal/inbox.html", "待办事项", "Inbox"]],
  supervisor: [["/api/portal/board.html", "监管看板", "Supervision board"], ["/api/portal/report.html", "月度报告", "Monthly report"], ["/api/portal/credit.html", "信用修复", "Credit repair"]],
};

/**
 * Builds the page frame and returns its <main>. `role` is the role the page is for (null: public); when nobody of
 * that role is signed in, main shows the sign-in prompt instead and the page's own code is not run (returns null).
 */
export async function frame({ title, role = null }) {
  document.title = `${title[0]} · ${title[1]} — 工程建设项目审批`;
  const who = identity();
  const settings = await signInSettings();
  const main = h("main", { id: "main", tabindex: "-1" });
  const here = location.pathname.replace(/index\.html$/, "");
  const nav = h("nav", { class: "site", "aria-label": "主导航 Main" },
    [...links.public, ...(who ? links[who.role] ?? [] : [])].map(([href, zh, en]) =>
      h("a", { href, "aria-current": href === here || (href.endsWith("/") && here === "/api/portal") ? "page" : null }, bi(zh, en))));
  document.body.replaceChildren(
    h("a", { class: "skip", href: "#main" }, "跳到正文 Skip to content"),
    h("header", { class: "site" }, h("p", { class: "brand" }, "工程建设项目告知承诺制审批", h("small", { lang: "en" }, "Notify-and-commit approval of construction projects"))),
    nav,
    signInBar(who, settings),
    main,
    footer(settings));
  main.append(h("h1", {}, bi(title[0], title[1])));
  if (role && who?.role !== role) {
    const [zh, en] = roleNames[role];
    main.append(h("p", { class: "card", role: "status" }, bi(`请在上方以“${zh}”身份登录后使用本页。`, `Please sign in above as ${en.toLowerCase()} to use this page.`)));
    return null;
  }
  return main;
}

function signInBar(who, settings) {
  const bar = h("div", { class: "signin", role: "region", "aria-label": "登录 Sign-in" });
  if (who) {
    const [zh, en] = roleNames[who.role] ?? [who.role, who.role];
    bar.append(h("span", {}, bi("当前身份：", "Signed in as"), " ", h("strong", { "data-testid": "who" }, `${zh} ${en} ${who.id}`)),
      h("button", { type: "button", class: "secondary", onclick: async () => { await signOut(); location.reload(); } }, bi("退出", "Sign out")));
    return bar;
  }
  if (settings.mode === "entra") {
    bar.append(h("button", { type: "button", onclick: async () => { await signInWithEntra(); location.reload(); } }, bi("统一身份认证登录", "Sign in with Entra ID")));
    return bar;
  }
  const role = h("select", { name: "role", "aria-label": "身份 Role" }, Object.entries(roleNames).map(([value, [zh, en]]) => h("option", { value }, `${zh} ${en}`)));
  const id = h("input", { type: "text", name: "principal", autocomplete: "off", "aria-label": "" });
  const hint = () => {
    const [zh, en, example] = idHints[role.value];
    id.placeholder = example;
    id.setAttribute("aria-label", `${zh} ${en}`);
    put(idLabel, bi(zh, en));
  };
  const idLabel = h("span");
  role.addEventListener("change", hint);
  const form = h("form", { class: "row", onsubmit: e => { e.preventDefault(); if (id.value.trim()) { signInAs(role.value, id.value); location.reload(); } } },
    h("span", {}, bi("本地开发登录", "Local dev sign-in")),
    h("label", {}, bi("身份", "Role"), role),
    h("label", {}, idLabel, id),
    h("button", { type: "submit" }, bi("登录", "Sign in")));
  hint();
  bar.append(form);
  return bar;
}

function footer(settings) {
  const foot = h("footer", { class: "site" }, bi("所有时间均为北京时间（UTC+8），精确到分钟。", "All times are Shanghai time (UTC+8), to the minute."));
  if (settings.mode === "dev") {
    const clock = h("span", { "data-testid": "dev-clock" });
    foot.append(h("br"), clock);
    api("/api/dev/clock", { anonymous: true }).then(c => put(clock, bi(`开发虚拟时钟：${when(c.now)}`, "Development virtual clock"))).catch(() => {});
  }
  return foot;
}
