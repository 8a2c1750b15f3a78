/**
 * A minimal WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/) for Firefox's built-in
 * remote agent: commands with ids, their replies, and events. Playwright cannot drive stock Firefox
 * and geckodriver is not packaged on Debian, so we speak the protocol ourselves.
 */
import WebSocket from 'ws';

type Json = Record<string, unknown>;

export class BidiError extends Error {
  constructor(method: string, error: string, message: string) {
    super(`${method}: ${error}: ${message}`);
    this.name = 'BidiError';
  }
}

export interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

export class BidiClient {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { method: string; resolve(v: Json): void; reject(e: Error): void }
  >();
  private readonly listeners = new Map<string, Set<(params: Json) => void>>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.onMessage(String(data)));
    socket.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`${p.method}: BiDi connection closed`));
      this.pending.clear();
    });
  }

  static connect(url: string): Promise<BidiClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      socket.once('open', () => resolve(new BidiClient(socket)));
      socket.once('error', reject);
    });
  }

  send<T = Json>(method: string, params: Json = {}, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no BiDi reply in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(event: string, listener: (params: Json) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  close(): void {
    this.socket.close();
  }

  private onMessage(text: string): void {
    const msg = JSON.parse(text) as Json;
    if (typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.type === 'error') p.reject(new BidiError(p.method, String(msg.error), String(msg.message)));
      else p.resolve(msg.result as Json);
    } else if (typeof msg.method === 'string') {
      for (const l of this.listeners.get(msg.method) ?? []) l(msg.params as Json);
    }
  }
}
