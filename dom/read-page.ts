import { ChunkReader, type TextChunk } from './extract-text';
import type { TaskClock } from './timing';

/**
 * Reading in slices: walks roots with ChunkReader in slices of SLICE_MS, yielding to the page
 * between slices, and hands the chunks over in batches of about `batchSentences()` sentences
 * (the match requests). Reads only.
 */

/** Reading the DOM yields to the page after this long, so no task of ours is long. */
const SLICE_MS = 8;
/**
 * Text nodes read between two looks at the clock. Fewer (64) made requests smaller and more
 * numerous: the 5 MB article took 8.3 s instead of 5.1 s to finish.
 */
const READ_NODES = 200;
/** A rough count of a chunk's sentences (one per 120 characters) decides when to send. */
const CHARS_PER_SENTENCE = 120;

/**
 * How much of one page Factmark reads, at most: 2,000,000 characters (about 330,000 words,
 * some thirty times the longest long-read) or 200,000 text nodes, whichever comes first. A
 * page past either is a book, a log or a data dump; reading stops there, so time and memory
 * stay bounded whatever the page, and the popup says so (README "Limits").
 */
export const PAGE_LIMIT = { chars: 2_000_000, nodes: 200_000 } as const;

/** What one reading covered. */
export interface ReadResult {
  /** Characters and text nodes read. */
  chars: number;
  nodes: number;
  /** False when reading stopped at the limit, before the end of the page. */
  complete: boolean;
}

export interface ReadOptions {
  /** Elements left out with their subtree (Factmark's own host). */
  exclude: (el: Element) => boolean;
  /** Told of each open shadow root the reading enters (dom/walk-text.ts). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Stops reading when true (the annotator was destroyed). */
  stopped: () => boolean;
  /** Sentences (roughly counted) that make the next batch; asked before each batch. */
  batchSentences: () => number;
  /** Takes one batch; `t0` is when the current task's work began, so its length is noted. */
  onBatch: (chunks: TextChunk[], t0: number) => Promise<void>;
  clock: TaskClock;
  /** Stop after this much text (default PAGE_LIMIT). */
  limit?: { chars: number; nodes: number };
}

export async function readInSlices(roots: readonly Node[], opts: ReadOptions): Promise<ReadResult> {
  const limit = opts.limit ?? PAGE_LIMIT;
  const result: ReadResult = { chars: 0, nodes: 0, complete: true };
  const full = () => result.chars >= limit.chars || result.nodes >= limit.nodes;
  let pending: TextChunk[] = [];
  let pendingSentences = 0;
  let t0 = performance.now();
  let size = opts.batchSentences();
  const send = async () => {
    const chunks = pending;
    pending = [];
    pendingSentences = 0;
    if (chunks.length === 0) return;
    // Reading and splitting/sending are separate tasks: neither adds to the other.
    opts.clock.note(t0, 'read');
    await yieldToPage();
    if (opts.stopped()) return;
    await opts.onBatch(chunks, performance.now());
    size = opts.batchSentences();
  };
  for (const root of roots) {
    if (opts.stopped()) return result;
    const reader = new ChunkReader(root, opts);
    while (!reader.done && !opts.stopped() && result.complete) {
      t0 = performance.now();
      while (!reader.done && performance.now() - t0 < SLICE_MS) {
        for (const c of reader.read(READ_NODES)) {
          pending.push(c);
          pendingSentences += 1 + Math.floor(c.text.length / CHARS_PER_SENTENCE);
          result.chars += c.text.length;
          result.nodes += c.nodes.length;
        }
        if (full()) result.complete = reader.done && root === roots[roots.length - 1];
        if (pendingSentences >= size || !result.complete) break;
      }
      if (pendingSentences >= size || !result.complete) await send();
      else if (!reader.done) {
        opts.clock.note(t0, 'read');
        await yieldToPage();
      }
    }
    if (!result.complete) break;
  }
  await send();
  return result;
}

/** Yields to the page (input, rendering) before the next slice of work. */
export function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
