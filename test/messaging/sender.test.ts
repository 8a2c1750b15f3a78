import { describe, expect, it } from 'vitest';
import { classifySender } from '../../src/messaging/sender.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const classify = (sender: Parameters<typeof classifySender>[0]) => classifySender(sender, ID, ORIGIN);

describe('classifySender', () => {
  it('treats our own pages (popup, options) as extension senders', () => {
    expect(classify({ id: ID, url: `${ORIGIN}src/popup/index.html?tab=3` })).toBe('extension');
  });

  it('treats our own page opened in a tab as an extension sender, not a content script', () => {
    expect(classify({ id: ID, url: `${ORIGIN}src/options/index.html`, tab: { id: 7 }, frameId: 0 })).toBe(
      'extension',
    );
  });

  it('treats our id inside a web page tab as a content script', () => {
    expect(
      classify({ id: ID, url: 'https://finance.yahoo.com/quote/SPY', tab: { id: 12 }, frameId: 0 }),
    ).toBe('content');
    expect(classify({ id: ID, url: 'http://localhost:8080/', tab: { id: 1 }, frameId: 3 })).toBe('content');
  });

  it('refuses another extension even when it claims our page URL', () => {
    expect(classify({ id: 'someone-else', url: `${ORIGIN}src/popup/index.html` })).toBe('foreign');
  });

  it('refuses a sender without an id', () => {
    expect(classify({ url: 'https://finance.yahoo.com/', tab: { id: 2 } })).toBe('foreign');
  });

  it('refuses a web-page URL that is not in a tab (no tab, or the -1 of devtools and prerender)', () => {
    expect(classify({ id: ID, url: 'https://finance.yahoo.com/' })).toBe('foreign');
    expect(classify({ id: ID, url: 'https://finance.yahoo.com/', tab: { id: -1 } })).toBe('foreign');
  });

  it('refuses non-web schemes in a tab (file, data, another extension origin)', () => {
    for (const url of ['file:///etc/passwd', 'data:text/html,hi', 'chrome-extension://other/page.html', '']) {
      expect(classify({ id: ID, url, tab: { id: 4 } })).toBe('foreign');
    }
  });

  it('does not accept an origin that merely starts like ours without the trailing slash boundary', () => {
    expect(classify({ id: ID, url: `chrome-extension://${ID}.evil.example/`, tab: { id: 4 } })).toBe(
      'foreign',
    );
  });
});
