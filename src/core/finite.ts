/**
 * The analysis never shows a NaN or an Infinity (issue 12.2): the importers bound every input
 * (contract-checks.ts), so a non-finite output can only be a bug in the engine. It is thrown as one,
 * naming the figure, rather than drawn as "NaN" or "Infinity" on a trader's screen.
 */
export class NonFiniteOutputError extends Error {
  override name = 'NonFiniteOutputError';
}

/** Throws NonFiniteOutputError when `value` is not finite; `what` names the figure. */
export function assertFinite(value: number, what: string, where: string): void {
  if (!Number.isFinite(value))
    throw new NonFiniteOutputError(
      `${where}: ${what} came out ${value} — a bug in GEXfocus, please report it`,
    );
}

/** assertFinite for each named number of `values` (null = none, allowed). */
export function assertAllFinite(values: Record<string, number | null>, where: string): void {
  for (const what in values) {
    const v = values[what];
    if (v !== null && v !== undefined) assertFinite(v, what, where);
  }
}
