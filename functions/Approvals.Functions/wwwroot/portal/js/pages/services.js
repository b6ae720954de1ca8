// The enterprise's services beyond the permit: register a problem (呼叫即回应) and rate its answer, and follow its
// utilities joint applications, direct-train bookings, land-to-start cases and business openings.
import { frame } from "../layout.js";
import { h, bi, put } from "../dom.js";
import { api } from "../api.js";
import { when } from "../format.js";
import { loading, problemBox, light, empty, field, showProblem, clearProblems, busy, table } from "../widgets.js";

const callStatus = {
  registered: ["已挂号", "registered"], assigned: ["已交办", "assigned"], escalated: ["已督办（逾期）", "escalated (overdue)"],
  answered: ["已答复，待评价", "answered, awaiting your rating"], closed: ["已销号", "closed"],
};
const says = (map, code) => map[code] ? bi(...map[code]) : code;

const main = await frame({ title: ["企业服务", "Enterprise services"], role: "applicant" });
if (main) {
  const calls = h("div", {}, loading());
  main.append(h("h2", {}, bi("呼叫即回应", "Call and respond")), registerForm(() => refresh(calls)), calls,
    h("h2", {}, bi("其他服务", "Other services")), ...others());
  refresh(calls);
}

/** 挂号: a problem with its title, description, the unit or topic, and whether it is major and urgent. */
function registerForm(done) {
  const title = h("input", { type: "text", name: "title", maxlength: 100 });
  const description = h("textarea", { name: "description", rows: 3, maxlength: 2000 });
  const topic = h("select", { name: "topic" }, [["", "由系统分派 Let the system assign"], ["approval", "审批 approval"], ["construction", "建设 construction"],
    ["land", "用地 land"], ["environment", "环保 environment"], ["water", "用水 water"], ["power", "用电 power"], ["policy", "政策 policy"], ["financing", "融资 financing"]]
    .map(([v, label]) => h("option", { value: v }, label)));
  const urgent = h("input", { type: "checkbox", name: "majorUrgent" });
  const summary = h("div");
  const button = h("button", { type: "submit" }, bi("挂号", "Register"));
  const form = h("form", { class: "card", "data-form": "call", onsubmit: e => { e.preventDefault(); busy(button, submit); } },
    summary, field("问题标题", "Title", title, "title"), field("问题描述", "Description", description, "description"), field("问题类别", "Topic", topic, "topic"),
    h("label", {}, urgent, " ", bi("重大紧急问题（直报区领导）", "Major and urgent (goes to the district leaders at once)")), button);
  async function submit() {
    clearProblems(form);
    put(summary);
    try {
      await api("/api/calls", {
        method: "POST",
        // One key per call being registered: a retry after a lost answer registers it once.
        headers: { "Idempotency-Key": (form.dataset.key ??= crypto.randomUUID()) },
        body: { title: title.value, description: description.value, topic: topic.value || null, majorUrgent: urgent.checked },
      });
      form.reset();
      delete form.dataset.key;
      put(summary, h("p", { class: "ok", role: "status" }, bi("已挂号，承办单位将按交办单时限答复。", "Registered: the unit answers by the slip's deadline.")));
      done();
    } catch (error) {
      showProblem(form, summary, error);
    }
  }
  return form;
}

async function refresh(box) {
  try {
    const list = await api("/api/calls");
    put(box, list.length ? list.map(callCard) : empty("还没有呼叫", "No calls yet"));
  } catch (error) {
    put(box, problemBox(error));
  }
}

function callCard(c) {
  const card = h("div", { class: "card", "data-call": c.callId },
    h("h3", {}, c.title, " ", says(callStatus, c.status)),
    h("p", {}, bi("承办", "Unit"), ` ${c.unit} · `, bi("责任人", "Responsible"), ` ${c.person ?? "—"} · `, bi("时限", "Due"), ` ${when(c.dueAt)} `, light(c.light)));
  if (c.status === "answered") card.append(ratingForm(c));
  return card;
}

/** The enterprise rates the answer it was shown: satisfied closes the call, unsatisfied (with why) reopens it. */
function ratingForm(c) {
  const comment = h("input", { type: "text", name: "comment", maxlength: 500 });
  const summary = h("div");
  const form = h("form", { "data-form": "rating" }, summary, field("意见（不满意时必填）", "Comment (needed when unsatisfied)", comment, "comment"));
  const rate = rating => async () => {
    clearProblems(form);
    try {
      await api(`/api/calls/${encodeURIComponent(c.callId)}/rating`, { method: "POST", body: { rating, comment: comment.value || null } });
      put(form, h("p", { class: "ok", role: "status" }, rating === "satisfied" ? bi("已评价，呼叫销号。", "Rated: the call is closed.") : bi("已退回重新办理。", "Sent back for a new answer.")));
    } catch (error) {
      showProblem(form, summary, error);
    }
  };
  const yes = h("button", { type: "button", onclick: () => busy(yes, rate("satisfied")) }, bi("满意", "Satisfied"));
  const no = h("button", { type: "button", class: "secondary", onclick: () => busy(no, rate("unsatisfied")) }, bi("不满意", "Not satisfied"));
  form.append(yes, " ", no);
  return form;
}

/** The enterprise's cases in the other seed systems, each as a short table. */
function others() {
  const systems = [
    [["联合报装", "Utilities joint application"], "/api/utilities/applications", [["报装", "Case"], ["项目", "Project"], ["状态", "Status"], ["各单位", "Utilities"]],
      c => [c.caseId, c.projectName, c.status, c.tracks.map(t => h("div", {}, `${t.utility} ${t.step} `, light(t.light)))]],
    [["审批服务直通车", "Direct train"], "/api/direct-service/bookings", [["预约", "Booking"], ["项目", "Project"], ["状态", "Status"], ["首次联系", "First contact"], ["计划节点", "Plan"]],
      b => [b.bookingId, b.projectName, b.status, b.contactLight ? [light(b.contactLight), ` ${when(b.contactDueAt)}`] : "✓", `${b.nodesTicked}/${b.nodes}`]],
    [["拿地即开工", "Land-to-start"], "/api/land-to-start", [["案件", "Case"], ["项目", "Project"], ["状态", "Status"], ["拿地前步骤", "Pre-land steps"]],
      c => [c.caseId, c.projectName, c.status, `${c.stepsDone}/${c.steps}`]],
    [["开户即开业", "Business openings"], "/api/business-openings", [["案件", "Case"], ["企业", "Company"], ["状态", "Status"], ["同发时间", "Issued together"]],
      c => [c.caseId, c.companyName, c.status, when(c.issuedAt)]],
  ];
  return systems.map(([title, path, columns, row]) => {
    const box = h("div", { "data-system": path }, loading());
    api(path).then(list => put(box, list.length ? table(columns, list.map(row)) : empty("暂无", "None yet")), error => put(box, problemBox(error)));
    return [h("h3", {}, bi(...title)), box];
  }).flat();
}
