import { browser } from 'wxt/browser';
import type { MatchQuery, MatchResult, SetInfo } from '../lib/matching-service';
import type { ClaimRecord } from '../lib/types';

export type { SetInfo };

/**
 * Every message between the extension's parts, named by direction (cs = content script,
 * bg = background, popup), with its reply type. Page text only ever travels to the
 * extension's own background; nothing leaves the machine. `sendToBackground`/`sendToTab`
 * return the reply's type; `answer` dispatches by type, so no caller casts a message.
 */
export const Msg = {
  /** cs -> bg: match these sentences; reply MatchReply. */
  CS_BG_MATCH: 'cs-bg-match',
  /** cs -> bg: this tab now shows N claims (for the badge). */
  CS_BG_COUNT: 'cs-bg-count',
  /** popup -> cs: what is on this page? reply PageState. */
  POPUP_CS_STATE: 'popup-cs-state',
  /** popup -> cs: scroll to a claim's first mark and open its card; reply whether it could. */
  POPUP_CS_REVEAL: 'popup-cs-reveal',
  /** popup -> bg: the claim sets' names, sizes and dates; reply SetInfo[]. */
  POPUP_BG_SETS: 'popup-bg-sets',
} as const;

export type MatchRequest = MatchQuery & { type: typeof Msg.CS_BG_MATCH };
export type MatchReply = MatchResult;

export interface PageClaim {
  id: string;
  claim: string;
  verdict: ClaimRecord['verdict'];
  count: number;
}

export interface PageState {
  host: string;
  active: boolean;
  claims: PageClaim[];
}

/** Messages the background answers: each message and its reply. */
export type ToBackground = {
  [Msg.CS_BG_MATCH]: { msg: MatchRequest; reply: MatchReply };
  [Msg.CS_BG_COUNT]: { msg: { type: typeof Msg.CS_BG_COUNT; count: number }; reply: void };
  [Msg.POPUP_BG_SETS]: { msg: { type: typeof Msg.POPUP_BG_SETS }; reply: SetInfo[] };
};

/** Messages a tab's content script answers. */
export type ToTab = {
  [Msg.POPUP_CS_STATE]: { msg: { type: typeof Msg.POPUP_CS_STATE }; reply: PageState };
  [Msg.POPUP_CS_REVEAL]: {
    msg: { type: typeof Msg.POPUP_CS_REVEAL; claim: string };
    reply: boolean;
  };
};

type Table = Record<string, { msg: { type: string }; reply: unknown }>;
type MessageOf<T extends Table> = T[keyof T]['msg'];
type ReplyTo<T extends Table, M> = M extends { type: infer K extends keyof T }
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

export interface Sender {
  tab?: { id?: number };
}

/** One handler per message type; a handler's result is the reply. */
export type Handlers<T extends Table> = {
  [K in keyof T]: (msg: T[K]['msg'], sender: Sender) => T[K]['reply'] | Promise<T[K]['reply']>;
};

/**
 * Answers the messages of one table with its handlers (a message of another type, or of
 * none, is left to other listeners). The one place a received message is given its type:
 * by its `type`, checked here.
 */
export function answer<T extends Table>(handlers: Handlers<T>): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handle = handlers[type] as (msg: unknown, sender: Sender) => unknown;
    return Promise.resolve(handle(raw, sender));
  });
}
