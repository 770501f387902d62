import type { MatchQuery, MatchResult, SetInfo } from '../lib/matching-service';
import type { ClaimRecord } from '../lib/types';
import type { LookupHit } from '../lib/selection-lookup';
import type { CosineItem } from '../lib/semantic/protocol';
import type { Closeness } from '../lib/semantic/page-decision';

export type { SetInfo };

/**
 * Every message between the extension's parts, named by direction (cs = content script,
 * bg = background, popup), with its reply type. Page text only ever travels to the
 * extension's own background; nothing leaves the machine. utils/messaging.ts sends and
 * answers them, typed by these tables.
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
  /**
   * popup -> bg: the imported sets in IndexedDB changed (added, switched, removed); reply
   * once they are compiled and every tab was told to match again.
   */
  POPUP_BG_IMPORTED: 'popup-bg-imported',
  /** bg -> cs (a keyboard command): go to the next (1) or previous (-1) claim; reply its id. */
  BG_CS_STEP: 'bg-cs-step',
  /** bg -> cs ("Check with Factmark" on a selection): show these fact checks by it. */
  BG_CS_LOOKUP: 'bg-cs-lookup',
  /**
   * bg -> the offscreen document (Chromium): compare these paragraphs with these claims in
   * the semantic channel's worker; reply their cosines or an error.
   */
  BG_OFFSCREEN_COSINES: 'bg-offscreen-cosines',
  /** cs -> bg, the e2e build only: open the popup for my tab in a tab (utils/e2e-open-popup.ts). */
  E2E_OPEN_POPUP: 'e2e-open-popup',
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
  /** The page was too long to read whole: the share read, in percent (dom/read-page.ts). */
  stoppedAt?: number;
}

/** Messages the background answers: each message and its reply. */
export type ToBackground = {
  [Msg.CS_BG_MATCH]: { msg: MatchRequest; reply: MatchReply };
  [Msg.CS_BG_COUNT]: { msg: { type: typeof Msg.CS_BG_COUNT; count: number }; reply: void };
  [Msg.POPUP_BG_SETS]: { msg: { type: typeof Msg.POPUP_BG_SETS }; reply: SetInfo[] };
  [Msg.POPUP_BG_IMPORTED]: { msg: { type: typeof Msg.POPUP_BG_IMPORTED }; reply: void };
  [Msg.E2E_OPEN_POPUP]: { msg: { type: typeof Msg.E2E_OPEN_POPUP }; reply: void };
};

/** Messages a tab's content script answers. */
export type ToTab = {
  [Msg.POPUP_CS_STATE]: { msg: { type: typeof Msg.POPUP_CS_STATE }; reply: PageState };
  [Msg.POPUP_CS_REVEAL]: {
    msg: { type: typeof Msg.POPUP_CS_REVEAL; claim: string };
    reply: boolean;
  };
  [Msg.BG_CS_STEP]: { msg: { type: typeof Msg.BG_CS_STEP; dir: 1 | -1 }; reply: string | null };
  [Msg.BG_CS_LOOKUP]: {
    msg: { type: typeof Msg.BG_CS_LOOKUP; text: string; hits: LookupHit[] };
    reply: void;
  };
};

/** Messages the offscreen document answers (Chromium only: entrypoints/semantic/main.ts). */
export type ToOffscreen = {
  [Msg.BG_OFFSCREEN_COSINES]: {
    msg: { type: typeof Msg.BG_OFFSCREEN_COSINES; items: CosineItem[] };
    reply: { close: Closeness[] } | { error: string };
  };
};

/** A table of messages and their replies, by message type. */
export type MessageTable = Record<string, { msg: { type: string }; reply: unknown }>;
