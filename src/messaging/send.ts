/** Typed request/response over runtime messaging. Rejects with the handler's error re-thrown. */
import { ext } from '../platform/browser.ts';
import type { Envelope, MessageType, Reply, Req, Res } from './protocol.ts';

export class RemoteError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export async function send<T extends MessageType>(type: T, payload: Req<T>): Promise<Res<T>> {
  const envelope: Envelope<T> = { gexfocus: 1, type, payload };
  const reply = (await ext.runtime.sendMessage(envelope)) as Reply<T> | undefined;
  if (!reply) throw new RemoteError('NoReceiver', `No handler answered ${type}`);
  if (!reply.ok) throw new RemoteError(reply.error.name, reply.error.message);
  return reply.value;
}
