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

/** Weekly / PM roots of index options map to their index: SPXW → SPX, NDXP → NDX, RUTW → RUT. */
export function rootToUnderlying(root: string): string {
  const m = /^(SPX|NDX|RUT|DJX|VIX|XSP|OEX|XEO)(W|P|Q)?$/.exec(root);
  return m ? m[1]! : root;
}

function samePrefix(text: string, start: number, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++)
    if (text.charCodeAt(start + i) !== prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * parseOccSymbol for a whole file, fast: reads the symbol in text[start, end) into `out` without
 * cutting it out; the root-and-date prefix ("SPXW230914") is parsed once per file (the last one is
 * compared in place: a row's call and put share it), the side and strike come from char codes.
 * Same results as parseOccSymbol (test/core/chain.test.ts compares them). A class rather than a
 * closure: a new closure per file would make the optimised caller deoptimise ("wrong call target").
 */
export class OccReader {
  private heads = new Map<string, { root: string; expiration: string } | null>();
  private prefix = '';
  private head: { root: string; expiration: string } | null = null;

  read(text: string, start: number, end: number, out: OccSymbol): boolean {
    const n = end - start;
    const cp = text.charCodeAt(end - 9);
    let k = 0;
    let plain = n >= 16 && n <= 21 && (cp === 67 || cp === 80);
    for (let i = end - 8; plain && i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) plain = false;
      k = k * 10 + (c - 48);
    }
    if (!plain) {
      const full = parseOccSymbol(text.slice(start, end));
      if (full) Object.assign(out, full);
      return full !== null;
    }
    if (n - 9 !== this.prefix.length || !samePrefix(text, start, this.prefix)) {
      this.prefix = text.slice(start, end - 9);
      let h = this.heads.get(this.prefix);
      if (h === undefined) {
        const full = parseOccSymbol(`${this.prefix}C00000000`);
        h = full && { root: full.root, expiration: full.expiration };
        this.heads.set(this.prefix, h);
      }
      this.head = h;
    }
    const head = this.head;
    if (!head) return false;
    out.root = head.root;
    out.expiration = head.expiration;
    out.isCall = cp === 67;
    out.strike = k / 1000;
    return true;
  }
}
