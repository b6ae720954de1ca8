// The comprehensive commitment letter (综合承诺书, 多合一): every commitment of the application in one letter.
import * as L from "../labels.js";

/** The letter's text in Chinese, then an English summary. */
export function letterText({ applicant, project, items, commitments }) {
  const itemNames = items.map(i => `${i.name}（${i.code}）`).join("、");
  const lines = commitments.map((c, n) => {
    const k = L.commitmentClass[c.class];
    return `${n + 1}. ${c.name}（${c.code}），${k.name[0]}：${k.means[0]} 适用事项：${c.items.join("、")}。`;
  });
  const consequences = [...new Set(commitments.map(c => L.commitmentClass[c.class].consequence[0]))];
  return [
    "综合承诺书",
    "",
    `本单位 ${applicant.name || "（单位名称）"}（统一社会信用代码 ${applicant.uscc || "—"}）就项目“${project.name || "（项目名称）"}”（项目代码 ${project.code || "—"}）申请办理：${itemNames}。现郑重承诺：`,
    "一、所提交的全部材料真实、合法、有效，同一材料一次提交、各部门共享；",
    "二、以下材料以告知承诺方式办理：",
    ...lines,
    "三、本单位已知晓各事项的审批条件、材料要求、核查方式和期限，愿意接受核查部门的随机抽查和现场检查；",
    `四、本单位已知晓违反承诺的后果：${consequences.join("")}`,
    "五、如有虚假承诺，愿意承担撤销审批决定、立案查处、记入信用记录等全部法律责任。",
    "",
    "Comprehensive commitment letter (summary): we declare every material true and commit to the materials listed above,",
    "each by its class and deadline; we accept sampling and site checks, and know that a broken or false commitment",
    "revokes the approval, opens an enforcement case and is recorded in our credit file.",
  ].join("\n");
}
