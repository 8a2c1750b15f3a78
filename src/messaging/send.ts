/** Typed request/response from extension pages (popup, options, welcome) over the polyfill's runtime. */
import { ext } from '../platform/browser.ts';
import { requester } from './request.ts';

export { RemoteError } from './request.ts';
export const send = requester((message) => ext.runtime.sendMessage(message));
