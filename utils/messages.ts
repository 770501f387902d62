import type { ClaimRecord, Match, Sentence, Strictness } from '../lib/types';

/**
 * Every message between the extension's parts, named by direction (cs = content script,
 * bg = background, popup). Page text only ever travels to the extension's own background;
 * nothing leaves the machine.
 */
export const Msg = {
  /** cs -> bg: match these sentences; reply MatchReply. */
  CS_BG_MATCH: 'cs-bg-match',
  /** cs -> bg: this tab now shows N claims (for the badge). */
  CS_BG_COUNT: 'cs-bg-count',
  /** popup -> cs: what is on this page? reply PageState. */
  POPUP_CS_STATE: 'popup-cs-state',
  /** popup -> cs: scroll to a claim's first mark and open its card. */
  POPUP_CS_REVEAL: 'popup-cs-reveal',
  /** popup -> bg: the claim sets' names, sizes and dates; reply SetInfo[]. */
  POPUP_BG_SETS: 'popup-bg-sets',
} as const;

export interface MatchRequest {
  type: typeof Msg.CS_BG_MATCH;
  /** The sentences' text; a Match names its sentence by its index here. */
  sentences: Pick<Sentence, 'text'>[];
  strictness: Strictness;
  /** Page date from its metadata (ISO), if any. */
  date?: string;
}

export interface MatchReply {
  matches: Match[];
  /** Display data of every claim in `matches`, by set and row: `claims[m.set][m.row]`. */
  claims: Record<string, Record<number, ClaimRecord>>;
}

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

export interface SetInfo {
  id: string;
  name: string;
  count: number;
  date: string;
  enabled: boolean;
  builtin: boolean;
}
