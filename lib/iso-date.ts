/**
 * ISO 8601 calendar dates as the claim data carries them: YYYY-MM-DD, or YYYY-MM / YYYY where
 * the publisher gives no day (some fact checks and claims are dated by month only). Every
 * reader of such a date (validation, converters, the card's dates, the matcher's day numbers)
 * takes its parts from `isoDateParts`.
 */
export interface IsoDateParts {
  year: number;
  /** 1–12 as written (not checked: see isIsoDate). */
  month?: number;
  day?: number;
  /** The date's own text, e.g. "2020-10" of "2020-10T…". */
  text: string;
}

const LEADING_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * The date at the start of `s` ("2020-10-09", "2020-10" or "2020", whatever follows it, a time
 * say, ignored), or null. The parts are as written: isIsoDate checks the date exists.
 */
export function isoDateParts(s: string): IsoDateParts | null {
  const m = LEADING_DATE.exec(s);
  if (!m) return null;
  const p: IsoDateParts = { year: Number(m[1]), text: m[0] };
  if (m[2] !== undefined) p.month = Number(m[2]);
  if (m[3] !== undefined) p.day = Number(m[3]);
  return p;
}

/** True when `s` is exactly such a date, 1800–2200, and the date exists (no 2023-02-30). */
export function isIsoDate(s: string): boolean {
  const p = isoDateParts(s);
  if (!p || p.text !== s) return false;
  if (p.year < 1800 || p.year > 2200) return false;
  if (p.month === undefined) return true;
  if (p.month < 1 || p.month > 12) return false;
  if (p.day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return p.day >= 1 && p.day <= daysInMonth;
}
