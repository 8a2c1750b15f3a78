/**
 * The summary's price format, made on first use: the first Intl constructor of a process loads ICU's
 * data (16–25 ms in a cold `node` on this machine), which `--help` and argument errors never need.
 * One instance for the whole summary (format.ts and drivers-summary.ts); whole numbers are
 * core/phrases.ts's formatInt, made the same way.
 */
let px: Intl.NumberFormat | undefined;

/** A price with two decimals and thousands separators: '4,505.42'. */
export function formatPrice(n: number): string {
  px ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return px.format(n);
}
