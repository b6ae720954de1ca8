// The portal's home: what each kind of user can do here.
import { frame } from "../layout.js";
import { h, bi, append } from "../dom.js";
import { identity } from "../session.js";

const tiles = [
  [null, "/api/portal/verify.html", "证照核验", "Verify a certificate", "扫码或输入编号，查看证照是否有效。", "Scan or type a number to see whether a certificate is valid."],
  [null, "/api/portal/project.html", "项目码", "Project code", "一码查看项目的证照、审批与进展。", "One code: the project's certificates, approvals and progress."],
  [null, "/api/portal/catalog.html", "事项清单", "Catalog", "每个事项的材料、时限、可否承诺与核查规则。", "Each item's materials, time limit, commitment and verification rules."],
  ["applicant", "/api/portal/apply.html", "智能导办与申报", "Guidance and application", "回答几个问题，一张表单申报多个事项。", "Answer a few questions; one form for every item."],
  ["applicant", "/api/portal/my.html", "我的申请", "My applications", "亮灯进度、一次性告知、证照与承诺。", "Lights, one-time notices, certificates and commitments."],
  ["applicant", "/api/portal/credit.html", "我的信用", "My credit", "信用等级、可用的办理方式及修复。", "Grade, what it allows, and how to repair it."],
  ["department", "/api/portal/inbox.html", "待办事项", "Inbox", "按亮灯排序的审查与核查任务，红灯在前。", "Reviews and checks by light, red first."],
  ["supervisor", "/api/portal/board.html", "监管看板", "Supervision board", "亮灯督办、承诺核查审计、死信。", "Lights, commitment audit, dead letters."],
  ["supervisor", "/api/portal/report.html", "月度报告", "Monthly report", "图表与 CSV 下载。", "Charts and CSV download."],
];

const main = await frame({ title: ["工程建设项目审批门户", "Approvals portal"] });
const who = identity();
append(main, [
  h("p", {}, bi("一张表单、一套材料、并联审批、承诺核查、信用闭环。", "One form, one set of materials, parallel review, verified commitments, credit.")),
  h("div", { class: "grid" }, tiles.filter(([role]) => role === null || role === who?.role).map(([, href, zh, en, dzh, den]) =>
    h("a", { class: "card", href }, h("h2", {}, bi(zh, en)), h("p", {}, dzh, h("br"), h("span", { class: "en" }, den))))),
  who ? null : h("p", { class: "muted" }, bi("申请人、审批部门和监管人员请先在上方登录。", "Applicants, departments and supervisors: sign in above first."))]);
