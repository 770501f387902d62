import type { ClaimRecord, Match, Strictness, Verdict } from '../../lib/types';
import type { Mark } from '../../dom/marks';

/** Test helpers for the dom/ layers (happy-dom). */

/** Replaces the test document's body with this HTML. */
export function setBody(html: string): Document {
  document.body.replaceChildren();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const n of Array.from(parsed.body.childNodes))
    document.body.appendChild(document.importNode(n, true));
  return document;
}

/** A Range over the first occurrence of `text` in the element matching `selector`. */
export function rangeOver(selector: string, text: string): Range {
  const el = document.querySelector(selector);
  const node = el?.firstChild;
  if (!node || node.nodeType !== 3) throw new Error(`no text node in ${selector}`);
  const at = (node as Text).data.indexOf(text);
  if (at < 0) throw new Error(`"${text}" not in ${selector}`);
  const r = document.createRange();
  r.setStart(node, at);
  r.setEnd(node, at + text.length);
  return r;
}

export function record(id: string, verdict: Verdict = 'false'): ClaimRecord {
  return {
    id,
    claim: `The claim ${id}.`,
    verdict,
    note: `A note on ${id}.`,
    sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/', date: '2025-01-01' }],
    reviewed: '2025-01-01',
  };
}

export function match(over: Partial<Match> = {}): Match {
  return {
    sentence: 0,
    start: 0,
    end: 1,
    set: 'bundled',
    row: 0,
    score: 0.9,
    band: 'annotate',
    evidence: { terms: ['claim'], numbers: [] },
    ...over,
  };
}

export function markOn(
  key: string,
  range: Range,
  claim: ClaimRecord,
  shownAt: Strictness[] = ['balanced', 'broad'],
): Mark {
  return { key, match: match(), claim, range, block: range.startContainer.parentElement, shownAt };
}

/** Waits `ms` of real time (timers, animation frames, mutation observers run meanwhile). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
