/**
 * Lenient readers for the cell texts found in chain files: thousands separators, `%`, currency
 * signs, and the date spellings brokers and Cboe print. Each returns NaN / null rather than throwing.
 */
import { daysInMonth } from '../occ';

/** "1,234.5" → 1234.5; "$12" → 12; "" / "-" / "N/A" → NaN. */
export function parseNumber(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  const t = text
    .trim()
    .replace(/^\$/, '')
    .replace(/[,\s_]/g, '')
    .replace(/%$/, '');
  if (t === '' || t === '-' || /^n\/?a$/i.test(t)) return Number.NaN;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** True when the cell carries a percent sign ("17.5%"). */
export const hasPercent = (text: string | undefined): boolean => !!text && /%\s*$/.test(text);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  if (!(m >= 1 && m <= 12 && d >= 1 && y >= 1990 && y <= 2200 && d <= daysInMonth(y, m))) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * An expiration date as 'YYYY-MM-DD'. Accepts 2023-09-15, 2023/09/15, 20230915, 09/15/2023 (US
 * order; 15/09/2023 when the first number cannot be a month), "Fri Sep 15 2023", "Sep 15, 2023",
 * "15 Sep 2023" and ISO date-times (the date part).
 */
export function parseDate(text: string | undefined): string | null {
  if (!text) return null;
  const t = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(t);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    return a > 12 ? ymd(+m[3]!, b, a) : ymd(+m[3]!, a, b);
  }
  const words = t.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const mi = words.findIndex((w) => MONTHS.includes(w.slice(0, 3)) && /^[a-z]+\.?$/.test(w));
  if (mi >= 0) {
    const nums = words.filter((w) => /^\d+$/.test(w)).map(Number);
    const year = nums.find((n) => n > 31);
    const day = nums.find((n) => n <= 31);
    if (year !== undefined && day !== undefined)
      return ymd(year, MONTHS.indexOf(words[mi]!.slice(0, 3)) + 1, day);
  }
  return null;
}

/** 'C' / 'Call' / 'calls' → true, 'P' / 'Put' / 'puts' → false, else null. */
export function parseCallPut(text: string | undefined): boolean | null {
  const t = (text ?? '').trim().toLowerCase();
  if (/^c(all|alls)?$/.test(t)) return true;
  if (/^p(ut|uts)?$/.test(t)) return false;
  return null;
}
