/**
 * The hosts GEXfocus reads prices on out of the box: the built-in site adapters' hosts, which are
 * also the content-script matches in manifest.json (test/manifest.test.ts keeps the two equal).
 * Reading is on there by default; every other host is off until the user allows it.
 * Pure data, shared by the content script, the background and the options page.
 */
export const BUILT_IN_HOSTS: readonly string[] = [
  '*.tradingview.com',
  'www.tradingview-widget.com',
  'finance.yahoo.com',
  '*.finance.yahoo.com',
  'www.google.com',
  '*.investing.com',
  'www.cnbc.com',
  'www.marketwatch.com',
  '*.interactivebrokers.com',
  '*.interactivebrokers.ie',
  '*.interactivebrokers.co.uk',
  '*.fidelity.com',
  '*.tradovate.com',
  '*.ninjatrader.com',
];

/** Is `host` (a hostname, no port) one of the built-in hosts? `*.x.com` also covers `x.com`. */
export function isBuiltInHost(host: string): boolean {
  return BUILT_IN_HOSTS.some((h) =>
    h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h,
  );
}
