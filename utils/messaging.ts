import { browser } from 'wxt/browser';
import type { MessageTable, ToBackground, ToOffscreen, ToTab } from './messages';

/**
 * Sending and answering the messages of utils/messages.ts: `sendToBackground`/`sendToTab`
 * return the reply's type, and `answer` dispatches by type, so no caller casts a message.
 */

type MessageOf<T extends MessageTable> = T[keyof T]['msg'];
type ReplyTo<T extends MessageTable, M> = M extends { type: infer K extends keyof T }
  ? T[K]['reply']
  : never;

/** Sends a message to the background; resolves to its reply (undefined if none answered). */
export async function sendToBackground<M extends MessageOf<ToBackground>>(
  msg: M,
): Promise<ReplyTo<ToBackground, M> | undefined> {
  return (await browser.runtime.sendMessage(msg)) as ReplyTo<ToBackground, M> | undefined;
}

/** Sends a message to a tab's content script; resolves to its reply. */
export async function sendToTab<M extends MessageOf<ToTab>>(
  tabId: number,
  msg: M,
): Promise<ReplyTo<ToTab, M> | undefined> {
  return (await browser.tabs.sendMessage(tabId, msg)) as ReplyTo<ToTab, M> | undefined;
}

/** Sends a message to the offscreen document (Chromium, the semantic channel); resolves to its reply. */
export async function sendToOffscreen<M extends MessageOf<ToOffscreen>>(
  msg: M,
): Promise<ReplyTo<ToOffscreen, M> | undefined> {
  return (await browser.runtime.sendMessage(msg)) as ReplyTo<ToOffscreen, M> | undefined;
}

export interface Sender {
  tab?: { id?: number };
}

/** One handler per message type; a handler's result is the reply. */
export type Handlers<T extends MessageTable> = {
  [K in keyof T]: (msg: T[K]['msg'], sender: Sender) => T[K]['reply'] | Promise<T[K]['reply']>;
};

/**
 * Answers the messages of one table with its handlers (a message of another type, or of
 * none, is left to other listeners). The one place a received message is given its type:
 * by its `type`, checked here.
 */
export function answer<T extends MessageTable>(handlers: Handlers<T>): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handle = handlers[type] as (msg: unknown, sender: Sender) => unknown;
    return Promise.resolve(handle(raw, sender));
  });
}
