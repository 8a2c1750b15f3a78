/**
 * The HTTPS fixture server. Routes by Host header + path to files under test/fixtures/pages/<host>/.
 * For `/a/b/c` it tries `a/b/c`, `a/b/c.html`, `a/b/c/index.html`, then `a/b.html`, then `a.html`,
 * so `finance.yahoo.com/quote.html` serves every `/quote/<symbol>` URL. `/` serves `index.html`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Certificate } from './cert.ts';
import { PAGES_DIR } from './paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The fixture file for a host and URL path, or undefined. Never leaves the host's folder. */
export function resolveFixture(host: string, pathname: string): string | undefined {
  // Scripts every fixture page shares (test/fixtures/pages/_shared/) answer on every host.
  const hostDir = pathname.startsWith('/_shared/')
    ? PAGES_DIR
    : join(PAGES_DIR, host.replace(/:\d+$/, '').toLowerCase());
  const rel = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '');
  if (rel.startsWith('..') || host.includes('/') || host.includes('..')) return undefined;
  const parts = rel.split(sep).filter(Boolean);
  const full = join(hostDir, ...parts);
  const candidates = [full, `${full}.html`, join(full, 'index.html')];
  for (let n = parts.length - 1; n >= 1; n--) candidates.push(`${join(hostDir, ...parts.slice(0, n))}.html`);
  return candidates.find((c) => c.startsWith(hostDir) && isFile(c));
}

export interface FixtureServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on `preferredPort` if given and free, else on a random port. */
export async function startFixtureServer(cert: Certificate, preferredPort = 0): Promise<FixtureServer> {
  const server = createServer(cert, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://x');
    const file = resolveFixture(req.headers.host ?? '', url.pathname);
    if (!file) {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end(`no fixture for ${req.headers.host}${url.pathname}`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(preferredPort);
  } catch {
    await listen(0);
  }
  return {
    port: (server.address() as AddressInfo).port,
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
