/**
 * Sender privilege, decided once per message (after uBlock Origin's approach): a message is from an
 * extension page only if it comes from our own id and our own origin; from a content script if it
 * comes from our id inside a web page's tab. Anything else is foreign and dropped.
 */
export type SenderKind = 'extension' | 'content' | 'foreign';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export function classifySender(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0 && /^https?:/.test(url)) return 'content';
  return 'foreign';
}
