/**
 * The summary's two number formats, made on first use: the first Intl constructor of a process
 * loads ICU's data (16–25 ms in a cold `node` on this machine), which `--help` and argument errors
 * never need. One instance of each for the whole summary (format.ts and drivers-summary.ts).
 */
let int: Intl.NumberFormat | undefined;
let px: Intl.NumberFormat | undefined;

/** A whole number with thousands separators: '12,345'. */
export function formatInt(n: number): string {
  int ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return int.format(n);
}

/** A price with two decimals and thousands separators: '4,505.42'. */
export function formatPrice(n: number): string {
  px ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return px.format(n);
}
