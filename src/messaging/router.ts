/**
 * Registers the one runtime.onMessage listener and dispatches to typed handlers.
 * Checks, in order: it is our envelope; the sender may send this type; a content payload validates.
 * Handler errors travel back as {name, message}.
 */
import { ext, type Runtime } from '../platform/browser.ts';
import {
  type Envelope,
  MESSAGE_ORIGIN,
  type MessageType,
  REPORT_PORT,
  type Reply,
  type Req,
  type Res,
} from './protocol.ts';
import { CONTENT_SCHEMAS } from './schemas.ts';
import { classifySender } from './sender.ts';

export interface HandlerContext {
  sender: Runtime.MessageSender;
  /** Set for messages from a tab (content scripts, and extension pages opened as tabs). */
  tabId?: number;
  frameId?: number;
}

export type Handler<T extends MessageType> = (
  payload: Req<T>,
  ctx: HandlerContext,
) => Promise<Res<T>> | Res<T>;
export type Handlers = { [K in MessageType]: Handler<K> };

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).gexfocus === 1 &&
    typeof (message as Envelope).type === 'string' &&
    Object.hasOwn(MESSAGE_ORIGIN, (message as Envelope).type)
  );
}

function failure(name: string, message: string): Reply<MessageType> {
  return { ok: false, error: { name, message } };
}

export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<Reply<MessageType> | undefined> {
  if (!isEnvelope(message)) return undefined;
  const kind = classifySender(sender, ext.runtime.id, ext.runtime.getURL(''));
  const allowed = MESSAGE_ORIGIN[message.type];
  if (kind === 'foreign' || kind !== allowed) {
    return failure('Forbidden', `${message.type} is not accepted from a ${kind} sender`);
  }
  let payload: unknown = message.payload;
  if (kind === 'content') {
    const schema = CONTENT_SCHEMAS[message.type];
    const parsed = schema?.safeParse(payload);
    if (!parsed?.success) return failure('InvalidPayload', `${message.type}: payload rejected`);
    payload = parsed.data;
  }
  try {
    const handler = handlers[message.type] as Handler<MessageType>;
    const value = await handler(payload as Req<MessageType>, {
      sender,
      tabId: sender.tab?.id,
      frameId: sender.frameId,
    });
    return { ok: true, value };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return failure(e.name, e.message);
  }
}

/**
 * A content script's report port (./report-port.ts): each page/report envelope on it goes through
 * dispatch() with the port's sender, as the same message sent with runtime.sendMessage would; any
 * other type, and any other port name, is ignored. A report has no answer, so a refusal is dropped.
 */
export function acceptReportPort(handlers: Handlers, port: Runtime.Port): void {
  if (port.name !== REPORT_PORT || !port.sender) return;
  const sender = port.sender;
  port.onMessage.addListener((message: unknown) => {
    if (isEnvelope(message) && message.type === 'page/report') void dispatch(handlers, message, sender);
  });
}

/** Call once, synchronously, at the top level of the background script. */
export function listen(handlers: Handlers): void {
  ext.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    return dispatch(handlers, message, sender);
  });
  ext.runtime.onConnect.addListener((port: Runtime.Port) => acceptReportPort(handlers, port));
}
