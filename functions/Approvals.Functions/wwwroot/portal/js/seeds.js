// The seed systems around the permit on the supervisor's board and the project code page: calls, utilities, the direct
// train, land-to-start and business openings, each with its lights. Every system is one entry: where its open cases are and how a row reads.
import { h, bi, put } from "./dom.js";
import { api } from "./api.js";
import { when } from "./format.js";
import { loading, problemBox, light, empty, table } from "./widgets.js";

const word = (zh, en) => bi(zh, en);
const state = {
  forwarded: ["已转办", "forwarded"], surveyed: ["已踏勘", "surveyed"], complete: ["申请完整", "complete"], connecting: ["接入中", "connecting"], connected: ["已接入", "connected"],
  booked: ["待联系", "booked"], contacted: ["已联系", "contacted"], "on-site": ["上门服务中", "on site"], closed: ["已办结", "closed"],
  "pre-land": ["拿地前", "pre-land"], ready: ["具备签约条件", "ready"], "contract-signed": ["已签约", "contract signed"], "four-issued": ["四证齐发", "four issued"],
  waiting: ["待前序", "waiting"], open: ["办理中", "open"], done: ["已完成", "done"], skipped: ["免于办理", "skipped"],
  "awaiting-simulation": ["待模拟审批", "awaiting simulation"], simulated: ["模拟通过", "simulated (模拟)"], "simulated-fail": ["模拟未通过", "simulated: fail"],
  issued: ["已发证", "issued"], "re-review": ["重新审查", "reviewed again"],
  submitted: ["已提交", "submitted"], "post-check-due": ["证照已同发，待事后核查", "issued together, post-check due"], verified: ["核查通过", "verified"],
  "permit-revoked": ["许可已撤销（执照有效）", "permit revoked, licence valid"], due: ["待核查", "due"], broken: ["未履行", "broken"],
};
const says = code => state[code] ? word(...state[code]) : code ?? "—";

/** The systems, each with its supervisor list, how a row reads, and its part of the project code page. */
export const systems = [
  {
    key: "calls", title: ["呼叫即回应", "Call and respond"], board: "/api/supervision/calls",
    columns: [["承办单位", "Unit"], ["待办", "Open"], ["红灯", "Red"], ["黄灯", "Yellow"], ["待评价", "Answered"]],
    row: u => [`${u.unit} ${u.unitName}`, u.open, u.red ? light("red") : "0", u.yellow ? light("yellow") : "0", u.answered],
  },
  {
    key: "utilities", title: ["联合报装", "Utilities joint application"], board: "/api/supervision/utilities",
    columns: [["报装", "Case"], ["项目", "Project"], ["状态", "Status"], ["各单位", "Utilities"]],
    row: c => [c.caseId, c.projectName, says(c.status), c.tracks.map(t => h("div", {}, `${t.utility} · `, says(t.step), t.light ? [" · ", light(t.light), ` ${when(t.dueAt)}`] : null))],
    project: p => p.utilities?.map(c => h("div", {}, `${c.caseId} · `, says(c.status), c.tracks.map(t => h("div", {}, `${t.name} · `, says(t.step), t.light ? [" · ", light(t.light)] : null)))),
  },
  {
    key: "direct-service", title: ["审批服务直通车", "Approval service direct train"], board: "/api/supervision/direct-service",
    columns: [["预约", "Booking"], ["项目", "Project"], ["状态", "Status"], ["首次联系", "First contact"], ["服务队", "Team"], ["计划节点", "Plan nodes"]],
    row: b => [b.bookingId, b.projectName, says(b.status), b.contactLight ? [light(b.contactLight), ` ${when(b.contactDueAt)}`] : "✓", b.team ?? "—", `${b.nodesTicked}/${b.nodes}`],
    project: p => p.directService?.map(b => h("div", {}, `${b.bookingId} · `, says(b.status), ` · ${b.team ?? "—"} · `, bi(`计划节点 ${b.nodesTicked}/${b.nodes}`, `plan nodes ${b.nodesTicked} of ${b.nodes}`))),
  },
  {
    key: "land-to-start", title: ["拿地即开工", "Land-to-start"], board: "/api/supervision/land-to-start",
    columns: [["案件", "Case"], ["项目", "Project"], ["状态", "Status"], ["拿地前步骤", "Pre-land steps"], ["四证", "Four documents"]],
    row: c => [c.caseId, c.projectName, says(c.status), `${c.stepsDone}/${c.steps}`, c.documents.map(d => h("div", {}, `${d.key} · `, says(d.state), d.light ? [" ", light(d.light)] : null))],
    project: p => p.landToStart?.map(c => h("div", {}, `${c.caseId} · `, says(c.status), ` · `, bi(`拿地前步骤 ${c.stepsDone}/${c.steps}`, `pre-land steps ${c.stepsDone} of ${c.steps}`),
      c.documents.map(d => h("div", {}, `${d.name} · `, says(d.state), d.simulated ? h("span", { class: "badge" }, " 模拟 simulated") : null)))),
  },
  {
    key: "business-openings", title: ["开户即开业", "Opening a business on the day"], board: "/api/supervision/business-openings", list: r => r.cases,
    columns: [["案件", "Case"], ["企业", "Company"], ["状态", "Status"], ["同发时间", "Issued together"], ["事后核查", "Post-checks"]],
    row: c => [c.caseId, c.companyName, says(c.status), when(c.issuedAt), c.postChecks.map(i => h("div", {}, `${i.item} · `, says(i.status), i.light ? [" · ", light(i.light), ` ${when(i.dueAt)}`] : null))],
  },
  {
    key: "warnings", title: ["项目管家预警", "Steward warnings"], board: "/api/supervision/warnings",
    columns: [["项目", "Project"], ["节点", "Node"], ["责任单位", "Owner"], ["计划", "Planned"], ["逾期天数", "Days late"], ["预警对象", "Warned"], ["原因与措施", "Cause and action"]],
    row: w => [w.projectName, w.nodeName, w.owner, w.firstPlannedOn !== w.plannedOn ? `${w.plannedOn}（首次 first ${w.firstPlannedOn}）` : w.plannedOn, w.daysLate,
      w.level === "lead-department" ? bi("牵头部门", "lead department") : bi("管家与责任单位", "steward and owner"), w.cause ? `${w.cause} → ${w.action}` : "—"],
    project: p => p.stewardPlan ? [h("div", {}, bi(`项目管家 ${p.stewardPlan.steward}：节点 ${p.stewardPlan.nodesDone}/${p.stewardPlan.nodes} 已完成，${p.stewardPlan.warned} 个预警`,
      `steward ${p.stewardPlan.steward}: ${p.stewardPlan.nodesDone} of ${p.stewardPlan.nodes} nodes done, ${p.stewardPlan.warned} warned`))] : [],
  },
];

/** The supervisor's sections: each system's open cases, loaded side by side. */
export function boardSections() {
  return systems.map(system => {
    const box = h("div", { "data-system": system.key }, loading());
    api(system.board).then(
      answer => {
        const rows = system.list ? system.list(answer) : answer;
        put(box, rows.length ? table(system.columns, rows.map(system.row)) : empty("没有待办", "Nothing open"));
      },
      error => put(box, problemBox(error)));
    return [h("h3", {}, bi(...system.title)), box];
  });
}

/** The project code page's sections for the systems the project is in. */
export function projectSections(project) {
  return systems.filter(s => s.project && s.project(project)?.length)
    .map(s => [h("h2", {}, bi(...s.title)), h("div", { "data-system": s.key }, s.project(project))]);
}
