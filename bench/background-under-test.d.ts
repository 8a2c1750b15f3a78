/** The page handlers the background benchmark measures (an alias in scripts/bench.mjs picks the tree). */
declare module 'background-under-test' {
  export const pageHandlers: Record<string, unknown>;
}
