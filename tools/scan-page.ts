/**
 * The extension's own extraction (dom/extract-text.ts) and matching on a saved page, in Node
 * (happy-dom). Shared by `npm run scan` and the news-page tests, so both see what the
 * extension would mark.
 */
import { Window } from 'happy-dom';
import { extractChunks } from '../dom/extract-text';
import { pageSentences, sendable } from '../dom/page-sentences';
import { pageDate } from '../dom/page-meta';
import { matchSentences, type ClaimIndex } from '../lib/match/matcher';
import type { Sentence, Strictness } from '../lib/types';

export interface PageMark {
  claim: string;
  text: string;
  score: number;
  /** The paragraph (block) of the page the marked sentence is in, when it is in one. */
  block?: number;
}

/** The sentences the content script would send for a saved page, and the page's date. */
export function readPageSentences(html: string): {
  sentences: Pick<Sentence, 'text' | 'block'>[];
  date?: string;
} {
  const window = new Window({ url: 'https://example.com/' });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    // The sentences the content script sends: menus and captions of a few words are not.
    const sentences = sendable(pageSentences(extractChunks(doc.body ?? doc.documentElement))).map(
      ({ text, block }) => (block === undefined ? { text } : { text, block }),
    );
    // The page's own date, as the extension passes it (claims of the same days rank higher).
    const date = pageDate(doc);
    return date === undefined ? { sentences } : { sentences, date };
  } finally {
    void window.happyDOM.close();
  }
}

export function scanPage(
  html: string,
  index: ClaimIndex,
  strictness: Strictness = 'balanced',
): PageMark[] {
  const { sentences, date } = readPageSentences(html);
  return matchSentences(index, sentences, { date }, { strictness }).map((m) => {
    const s = sentences[m.sentence];
    const mark: PageMark = {
      claim: index.src.ids[m.row] ?? '',
      text: s?.text.slice(m.start, m.end) ?? '',
      score: m.score,
    };
    if (s?.block !== undefined) mark.block = s.block;
    return mark;
  });
}
