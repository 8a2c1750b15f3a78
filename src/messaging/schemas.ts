/**
 * Runtime validation for payloads that come from content scripts (they run in untrusted pages).
 * Extension-page payloads are typed at compile time and come from our own code.
 */
import * as z from 'zod/mini';
import type { MessageType } from './protocol.ts';

const url = z.string().check(z.maxLength(4096), z.regex(/^https?:\/\//));

const text = (max: number) => z.string().check(z.maxLength(max));
const finite = z.number().check(z.refine(Number.isFinite, 'finite'));
const symbol = z.nullable(
  z.string().check(z.minLength(1), z.maxLength(32), z.regex(/^[\p{L}\p{N}.\-_/:!^=&$ ]+$/u)),
);
const selector = z.string().check(z.minLength(1), z.maxLength(512));

export const pageReportSchema = z.strictObject({
  symbol,
  price: z.nullable(finite),
  text: text(64),
  site: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9.\-:]+$/)),
  method: z.enum(['adapter', 'generic', 'picker']),
  confidence: finite.check(z.gte(0), z.lte(1)),
  suspect: z.boolean(),
  reason: z.optional(z.enum(['jump', 'not-positive', 'not-finite', 'prior-close', 'halted'])),
  frameUrl: url,
});

/** A fraction of the free space (0..1). */
const fraction = finite.check(z.gte(0), z.lte(1));

export const CONTENT_SCHEMAS: Partial<Record<MessageType, z.ZodMiniType>> = {
  'page/hello': z.strictObject({ frameUrl: url }),
  'page/config': z.strictObject({ frameUrl: url, adapter: z.nullable(text(32)) }),
  'page/report': pageReportSchema,
  'page/overlay': z.null(),
  'picker/picked': z.strictObject({
    frameUrl: url,
    selectors: z.array(selector).check(z.minLength(1), z.maxLength(4)),
    sample: text(64),
  }),
  // The overlay (src/content/overlay/): no payload but its place; the site is the sender's.
  'overlay/start': z.null(),
  'overlay/place': z.strictObject({ x: fraction, y: fraction, dot: z.boolean() }),
  'overlay/hide': z.null(),
};
