// The words a person reads for the API's codes: Chinese first, then English.
export const status = {
  submitted: ["已提交", "Submitted"], "under-review": ["审查中", "Under review"], "awaiting-corrections": ["待补正", "Awaiting corrections"],
  approved: ["已批准", "Approved"], rejected: ["不予批准", "Rejected"], verifying: ["已发证，承诺核查中", "Certified, commitments being verified"],
  closed: ["已办结", "Closed"], revoked: ["已撤销", "Revoked"], blocked: ["暂停，待全面核验", "Blocked, full verification pending"],
  certifying: ["验收通过，出证中", "Accepted, certificates in progress"], rectifying: ["整改中", "Rectifying"], failed: ["未通过", "Failed"],
};
export const taskState = {
  pending: ["待审查", "Pending"], approved: ["同意", "Approved"], rejected: ["不同意", "Rejected"], corrections: ["需补正", "Corrections asked"],
  passed: ["通过", "Passed"], failed: ["未通过", "Failed"], "in-progress": ["办理中", "In progress"], done: ["已完成", "Done"],
};
export const light = { green: ["绿灯", "in time"], yellow: ["黄灯", "near the limit"], red: ["红灯", "overdue"] };
export const commitmentStatus = {
  open: ["待履行/待核查", "Open"], supplied: ["已补齐", "Supplied"], fulfilled: ["已履行", "Fulfilled"], broken: ["未履行（失信）", "Broken"],
  false: ["虚假承诺", "False"], "not-sampled": ["未抽中", "Not sampled"], pending: ["待核查", "Pending"],
};
export const certificate = { valid: ["有效", "Valid"], revoked: ["已撤销", "Revoked"] };
export const risk = { low: ["低风险", "low risk"], medium: ["中风险", "medium risk"], high: ["高风险", "high risk"] };
export const decision = { approve: ["同意", "Approve"], reject: ["不同意", "Reject"], corrections: ["一次性告知补正", "One-time corrections"] };
export const inspection = { pass: ["核查通过", "Pass"], fail: ["未履行", "Fail (not kept)"], false: ["虚假承诺", "False commitment"] };
export const kind = { review: ["审查", "Review"], verification: ["承诺核查", "Commitment check"] };
export const procedure = { "commitment-approval": ["告知承诺审批", "Commitment approval"], "joint-acceptance": ["竣工联合验收", "Joint completion acceptance"], "staged-permit": ["分段施工许可", "Staged construction permit"] };
export const projectType = {
  industrial: ["工业", "Industrial"], warehouse: ["仓储", "Warehouse"], residential: ["住宅", "Residential"], public: ["公共建筑", "Public"], municipal: ["市政", "Municipal"],
};
/** Commitment classes with what they mean and what follows if the promise is not kept, in plain words. */
export const commitmentClass = {
  supplement: {
    name: ["补齐材料类", "Supply later"],
    means: ["先承诺、后补交：审批先办，材料须在承诺期限内补交。", "Promise now, hand in later: the approval goes ahead; the material must be supplied before the deadline."],
    consequence: ["逾期未补交即为未履行承诺：撤销相关审批决定，记入信用档案，暂停承诺办理资格。", "Not supplied in time = broken: the approval is revoked, the credit record notes it and the commitment route is barred for a time."],
  },
  retained: {
    name: ["自留材料类", "Kept on file"],
    means: ["材料由本单位留存备查，核查部门可抽查调阅。", "You keep the material on file; the verifying department may sample it and ask to see it."],
    consequence: ["抽查发现材料不实即为虚假承诺：撤销审批、立案查处、记入严重失信记录。", "If a check finds it untrue: false commitment, approval revoked, enforcement case, serious credit record."],
  },
  "on-site": {
    name: ["现场达标类", "Met on site"],
    means: ["承诺现场符合标准，核查部门现场检查。", "You promise the site meets the standard; the department inspects on site."],
    consequence: ["现场不符合承诺：撤销审批、责令整改、记入信用档案。", "Site not as promised: approval revoked, correction ordered, recorded in credit."],
  },
};
export const grade = {
  A: ["守信，可使用承诺制与容缺受理，抽查比例减半", "Good: commitment route and gap acceptance open, sampled half as often"],
  B: ["一般，可使用承诺制与容缺受理", "Ordinary: commitment route and gap acceptance open"],
  C: ["失信，暂停承诺制与容缺受理", "Bad record: commitment route and gap acceptance barred"],
  D: ["严重失信，暂停承诺制与容缺受理", "Serious: commitment route and gap acceptance barred"],
};
export const creditKind = {
  fulfilled: ["履行承诺", "Commitment kept"], broken: ["未履行承诺", "Commitment broken"], "false-commitment": ["虚假承诺", "False commitment"],
  revocation: ["审批撤销", "Approval revoked"], repair: ["信用修复", "Credit repaired"],
};

/** [zh, en] for a code in one of the maps above, or the code itself twice. */
export function words(map, code) {
  const found = map[code];
  if (Array.isArray(found)) return found;
  if (found && found.name) return found.name;
  return [String(code ?? "—"), String(code ?? "—")];
}
