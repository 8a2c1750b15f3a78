/**
 * The characters a page symbol may have, checked where a symbol crosses from a page (the content
 * script's reading, the background's report schema). '@' and "'" are in built-in sites' symbols:
 * CNBC's futures (@SP.1), IBKR's contracts (ES DEC'26); see site-symbols.ts. A symbol is only ever
 * text (never markup), so none of these is dangerous.
 */
export const SYMBOL_CHARS = /^[\p{L}\p{N}.\-_/:!^=&$ @']+$/u;
