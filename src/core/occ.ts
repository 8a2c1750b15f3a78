/**
 * OCC option symbols (the 21-character OSI form Cboe prints in its Calls/Puts columns).
 *
 *   SPXW230914C04500000 → root 'SPXW', expiration '2023-09-14', call, strike 4500
 *
 * Layout: root (1–6 letters/digits, starting with a letter), YYMMDD, 'C' | 'P', strike × 1000 as
 * 8 digits. Spaces between root and date (the padded OSI form) are accepted.
 */

export interface OccSymbol {
  /** OCC root, upper case, e.g. 'SPXW'. */
  root: string;
  /** Expiration date 'YYYY-MM-DD' (calendar date in New York). */
  expiration: string;
  isCall: boolean;
  /** Strike in price units of the underlying (dollars / index points). */
  strike: number;
}

const OCC = /^([A-Z][A-Z0-9.]{0,5})\s*(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

/** Parses an OCC symbol; returns null when the text is not one (never throws). */
export function parseOccSymbol(text: string): OccSymbol | null {
  const m = OCC.exec(text.trim().toUpperCase());
  if (!m) return null;
  const [, root, yy, mm, dd, cp, k] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000 + Number(yy), month)) return null;
  return {
    root,
    expiration: `20${yy}-${mm}-${dd}`,
    isCall: cp === 'C',
    strike: Number(k) / 1000,
  };
}

/** Number of days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
