/**
 * The one size rule for chain text, files and pasted text alike, checked BEFORE parsing (issue 9.2):
 * nothing larger than what could ever be kept. storage.local holds 10 MiB without the
 * `unlimitedStorage` permission (chrome.storage.local.QUOTA_BYTES = 10,485,760; we do not ask for
 * more). A chain stores at about half the size of its text: the full SPX quote table, 1,491,321
 * bytes, stores as 688,857 bytes of JSON (volume included; NDX and SPY files alike, 2.17× — measured
 * with chainToJSON). So a text above twice the quota makes a chain that could never be saved, and
 * reading it would only cost time and memory (a 52 MB file took 2.1 s and 410 MB before this rule).
 */

/** storage.local's quota without unlimitedStorage, bytes. */
export const STORAGE_QUOTA_BYTES = 10 * 1024 * 1024;
/** Bytes of quote-table text per stored byte, rounded down from the measured 2.17. */
export const TEXT_PER_STORED_BYTE = 2;
/** The largest chain text the extension imports, UTF-8 bytes (20 MiB). */
export const MAX_IMPORT_BYTES = STORAGE_QUOTA_BYTES * TEXT_PER_STORED_BYTE;

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 1 : 0)} MiB`;

/** UTF-8 length of a string without encoding it (chain text is ASCII but a paste may not be). */
export function utf8Bytes(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 ? 1 : c >= 0xd800 && c < 0xdc00 ? 0 : 2;
  }
  return n;
}

/** Size of a text in UTF-8 bytes, exact only when it matters for `limit` (a long text is not scanned). */
export function textBytesAgainst(text: string, limit: number): number {
  return text.length > limit || text.length * 3 <= limit ? text.length : utf8Bytes(text);
}

/**
 * null when `bytes` is within `limit`, else the message that says the limit and why. `what` names
 * the input ("broken.csv", "The pasted text"); `cli` switches the why to the CLI's own limit.
 */
export function sizeProblem(
  bytes: number,
  what: string,
  limit = MAX_IMPORT_BYTES,
  cli?: { flag: string },
): string | null {
  if (bytes <= limit) return null;
  const why = cli
    ? `the CLI reads at most ${mib(limit)} unless told otherwise (${cli.flag}); the largest real chain, SPX with every expiration, is 1.4 MiB`
    : `the browser keeps at most ${mib(STORAGE_QUOTA_BYTES)} for this extension, and a chain stores at about half the size of its text, so a larger one could never be saved`;
  // "20 MiB; at most 20 MiB" would read as a contradiction: say the bytes when the MiB look equal.
  const [size, max] =
    mib(bytes) === mib(limit)
      ? [`${bytes.toLocaleString('en-US')} bytes`, `${limit.toLocaleString('en-US')} bytes`]
      : [mib(bytes), mib(limit)];
  return `${what} is ${size}; chains of at most ${max} can be imported: ${why}.`;
}
