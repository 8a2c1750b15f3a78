/** Typed request/response over a runtime's sendMessage. Rejects with the handler's error re-thrown. */
import type { Envelope, MessageType, Reply, Req, Res } from './protocol.ts';

export class RemoteError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export type Send = <T extends MessageType>(type: T, payload: Req<T>) => Promise<Res<T>>;

/** A typed send over `sendMessage` (the polyfill's in extension pages, the native one in content scripts). */
export function requester(sendMessage: (message: unknown) => Promise<unknown>): Send {
  return async (type, payload) => {
    const envelope: Envelope<typeof type> = { gexfocus: 1, type, payload };
    const reply = (await sendMessage(envelope)) as Reply<typeof type> | undefined;
    if (!reply) throw new RemoteError('NoReceiver', `No handler answered ${type}`);
    if (!reply.ok) throw new RemoteError(reply.error.name, reply.error.message);
    return reply.value;
  };
}
