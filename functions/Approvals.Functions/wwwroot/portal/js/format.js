// Times are shown in Asia/Shanghai to the minute, whatever the browser's own zone.
const parts = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

/** "2026-09-28 09:00" (Shanghai) for an ISO-8601 time; "—" for none. */
export function when(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const p = Object.fromEntries(parts.formatToParts(date).map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The Shanghai date alone, "2026-09-28". */
export function day(iso) {
  return when(iso).slice(0, 10);
}

/** Whole calendar days from now to a due time (negative when past). */
export function daysUntil(iso, now = Date.now()) {
  return Math.floor((new Date(iso).getTime() - now) / 86_400_000);
}

export function number(n, digits = 1) {
  return typeof n === "number" ? n.toFixed(Number.isInteger(n) ? 0 : digits) : "—";
}
