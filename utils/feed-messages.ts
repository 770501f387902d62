/**
 * The feed panel's messages to the background (kept apart from utils/messages.ts: answered by
 * their own listener, entrypoints/background-feeds.ts). Each with its reply type.
 */
import { browser } from 'wxt/browser';
import type { FeedState } from '../lib/feeds/feed-state';
import type { FeedConfig } from './feed-config';
import type { MessageTable } from './messages';

export const FeedMsg = {
  LIST: 'feeds-list',
  ADD: 'feeds-add',
  UPDATE: 'feeds-update',
  REMOVE: 'feeds-remove',
  ENABLE: 'feeds-enable',
  INTERVAL: 'feeds-interval',
} as const;

export interface FeedList {
  feeds: FeedState[];
  config: FeedConfig;
}

/** An action's reply: the list after it, and the error when it failed. */
export interface FeedReply extends FeedList {
  error?: string;
}

export type FeedsToBackground = {
  [FeedMsg.LIST]: { msg: { type: typeof FeedMsg.LIST }; reply: FeedList };
  [FeedMsg.ADD]: { msg: { type: typeof FeedMsg.ADD; url: string }; reply: FeedReply };
  /** Without `id`: every feed. */
  [FeedMsg.UPDATE]: { msg: { type: typeof FeedMsg.UPDATE; id?: string }; reply: FeedReply };
  [FeedMsg.REMOVE]: { msg: { type: typeof FeedMsg.REMOVE; id: string }; reply: FeedReply };
  [FeedMsg.ENABLE]: {
    msg: { type: typeof FeedMsg.ENABLE; id: string; enabled: boolean };
    reply: FeedReply;
  };
  [FeedMsg.INTERVAL]: {
    msg: { type: typeof FeedMsg.INTERVAL; minutes: number };
    reply: FeedReply;
  };
};

type Of<T extends MessageTable> = T[keyof T]['msg'];
type ReplyOf<M> = M extends { type: infer K extends keyof FeedsToBackground }
  ? FeedsToBackground[K]['reply']
  : never;

export async function sendFeedMessage<M extends Of<FeedsToBackground>>(
  msg: M,
): Promise<ReplyOf<M> | undefined> {
  return (await browser.runtime.sendMessage(msg)) as ReplyOf<M> | undefined;
}
