/**
 * Runtime validation for payloads that come from content scripts (they run in untrusted pages).
 * Extension-page payloads are typed at compile time and come from our own code.
 */
import * as z from 'zod/mini';
import type { MessageType } from './protocol.ts';

const url = z.string().check(z.maxLength(4096), z.regex(/^https?:\/\//));

export const CONTENT_SCHEMAS: Partial<Record<MessageType, z.ZodMiniType>> = {
  'page/hello': z.strictObject({ frameUrl: url }),
};
