import { STRICTNESSES } from '../lib/types';
import type { MatchReply, PageClaim } from '../utils/messages';
import type { MatchFn } from '../lib/batched-match';
import type { TextChunk } from './extract-text';
import {
  claimsOf,
  isGone,
  isShown,
  isStale,
  mergeMarks,
  type Mark,
  type MarkFilter,
} from './marks';
import { ChangeObserver } from './observe';
import type { ToastNote } from './overlay';
import { MarkView } from './mark-view';
import type { HideKind } from '../lib/hidden';
import { isHost } from './overlay-host';
import { pageSentences, sendable, type PageSentence } from './page-sentences';
import { marksOfReply } from './reply-marks';
import { readInSlices, type ReadResult } from './read-page';
import { mark, TaskClock, TIMING } from './timing';

/**
 * Wires the page side for one document (docs/architecture.md): reading (read-page,
 * extract-text) -> sentences (page-sentences) -> the background's matcher (`match`) ->
 * Ranges (text-range) -> painting (paint) and the overlay (overlay*); observe re-reads what
 * the page changes later. The only code that changes the page is Painter and Overlay;
 * `destroy` undoes both.
 */
export interface AnnotatorOptions {
  match: MatchFn;
  css: string;
  now?: () => Date;
  pageDate?: string;
  /** Which marks to show; `show` changes it without reading the page again. */
  filter: MarkFilter;
  /** Told whenever the set of marks changes. */
  onChange?: (claims: PageClaim[]) => void;
  /** "Not this claim" on a card: the reader hides this mark (absent: cards offer no hiding). */
  onHide?: (mark: Mark, kind: HideKind) => void;
  /** Quiet mode: marks are found and counted, none is painted; `setQuiet` changes it. */
  quiet?: boolean;
  /**
   * Ask for each batch's semantic pass too (the popup's "Find restatements"), after its
   * other strictnesses: its marks come after the lexical ones and never delay them.
   */
  semantic?: boolean;
  signal?: AbortSignal;
}

/** Sentences per match request: the background's work per message stays short too. */
const SENTENCES_PER_REQUEST = 120;
/**
 * The first request is smaller (then each doubles up to SENTENCES_PER_REQUEST): the first
 * marks come back sooner, and the first split, which runs our code before V8 has compiled
 * it (a new tab is a new renderer), stays short.
 */
const FIRST_REQUEST_SENTENCES = 30;

export class Annotator {
  /** Every mark found, at any strictness and verdict, in document order. */
  private marks: Mark[] = [];
  /** The marks the filter shows (painted, with markers), in document order. */
  private shown: Mark[] = [];
  private filter: MarkFilter;
  /** The painter and the overlay (none until a mark is shown, none in quiet mode). */
  private readonly view: MarkView;
  private nextKey = 0;
  private readonly changes: ChangeObserver;
  private destroyed = false;
  private readonly clock = new TaskClock();
  /** Requests for the other strictness settings of the batches read, asked after reading. */
  private readonly others: (() => Promise<void>)[] = [];
  private asking = false;
  /** Sentences (roughly counted) that make the next request: grows after the first. */
  private requestSize = FIRST_REQUEST_SENTENCES;
  /** What the first reading of the whole page covered. */
  private reading: ReadResult | null = null;

  constructor(
    private readonly doc: Document,
    private readonly opts: AnnotatorOptions,
  ) {
    this.filter = opts.filter;
    this.view = new MarkView(doc, {
      css: opts.css,
      now: opts.now ?? (() => new Date()),
      pageDate: opts.pageDate,
      onHide: opts.onHide,
      quiet: opts.quiet,
      signal: opts.signal,
      clock: this.clock,
    });
    this.changes = new ChangeObserver(doc, {
      clock: this.clock,
      onBatch: (blocks) => this.reread(blocks),
      // Marks whose text is gone lose their markers in the frame that paints the change.
      onFrameAfterChange: () => {
        if (!this.destroyed && this.drop((m) => isGone(m, this.doc))) this.view.repositionNow();
      },
    });
  }

  /** Reads and matches the whole page once (up to PAGE_LIMIT). */
  async scanAll(): Promise<void> {
    mark(TIMING.scanStart);
    const body = this.doc.body;
    if (!body) return;
    this.reading = await this.scanRoots([body]);
  }

  /**
   * When the page was too long to read whole (read-page.ts PAGE_LIMIT): the share of its text
   * that was read, in percent (0-99); null when it was read to the end (or not yet).
   */
  stoppedAt(): number | null {
    const r = this.reading;
    if (!r || r.complete) return null;
    const total = this.doc.body?.textContent?.length ?? 0;
    return Math.min(99, Math.floor((100 * r.chars) / Math.max(total, r.chars + 1)));
  }

  /** Watch for text the page adds or changes later. */
  observe(): void {
    this.changes.start();
  }

  get claims(): PageClaim[] {
    return claimsOf(this.shown);
  }

  /**
   * Shows the marks this filter shows, from the marks already found: a change of strictness
   * or verdicts reads nothing and asks the matcher nothing.
   */
  show(filter: MarkFilter): void {
    this.filter = filter;
    const next = this.marks.filter((m) => isShown(m, filter));
    const prev = this.shown;
    const changed = next.length !== prev.length || next.some((m, i) => m !== prev[i]);
    this.shown = next;
    this.view.show(prev, next);
    if (changed) this.opts.onChange?.(this.claims);
  }

  /** Scrolls to the claim's first mark and opens its card with focus in it. */
  reveal(claimId: string): boolean {
    const found = this.shown.find((m) => m.claim.id === claimId);
    if (found) this.view.reveal(found);
    return !!found;
  }

  /** Goes to the next (or previous) mark (mark-view.ts `step`); returns its claim id. */
  step(dir: 1 | -1): string | null {
    return this.view.step(this.shown, dir)?.claim.id ?? null;
  }

  /** Quiet mode on: every mark and marker leaves the page (still counted); off: they return. */
  setQuiet(quiet: boolean): void {
    if (!this.destroyed) this.view.setQuiet(quiet, this.shown);
  }

  /** Shows a notice on the page (with an undo), if the overlay is there. */
  notify(note: ToastNote): void {
    this.view.notify(note);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.changes.stop();
    this.view.destroy();
    this.marks = [];
    this.shown = [];
    this.others.length = 0;
  }

  /**
   * Reads the roots' text in slices and sends their sentences to the matcher in requests of
   * up to SENTENCES_PER_REQUEST; marks are painted as each reply arrives.
   */
  private async scanRoots(roots: Node[]): Promise<ReadResult> {
    const read = await readInSlices(roots, {
      exclude: isHost,
      onShadowRoot: (root) => this.changes.watch(root),
      stopped: () => this.destroyed,
      batchSentences: () => this.requestSize,
      onBatch: (chunks, t0) => {
        this.requestSize = Math.min(SENTENCES_PER_REQUEST, this.requestSize * 2);
        return this.matchChunks(chunks, t0);
      },
      clock: this.clock,
    });
    // The detail carries our longest synchronous stretch, for profilers and `npm run bench`.
    mark(TIMING.scanDone, this.clock.detail);
    void this.askOthers();
    return read;
  }

  /**
   * Sends the sentences of these chunks to the matcher at the current strictness and paints
   * what comes back; the other strictnesses are asked once the reading is done (askOthers),
   * and their marks kept for a change of settings (`show`). `t0`: when this task began.
   */
  private async matchChunks(chunks: TextChunk[], t0: number): Promise<void> {
    // Menus, buttons and captions of a few words are never marked: don't send them (a short
    // sentence of a paragraph goes with it: the paragraph is read as one statement).
    const sentences = sendable(pageSentences(chunks));
    if (sentences.length === 0) return this.clock.note(t0, 'split');
    const texts = sentences.map((s) => ({ text: s.text, block: s.block }));
    const first = this.filter.strictness;
    const known = new Map<string, Mark>();
    if (this.nextKey === 0) mark(TIMING.firstRequest);
    const pending = this.opts.match(texts, [first]);
    this.clock.note(t0, 'split-send');
    const reply = await pending;
    if (this.destroyed) return;
    if (this.nextKey === 0) mark(TIMING.firstReply);
    this.place(sentences, reply, known);
    const rest = STRICTNESSES.filter((s) => s !== first);
    const later =
      (ask: () => Promise<MatchReply>, semantic = false) =>
      () =>
        ask().then(
          (more) => {
            if (semantic) mark(TIMING.semanticReply, more.matches.length);
            if (!this.destroyed) this.place(sentences, more, known);
          },
          () => {},
        );
    this.others.push(later(() => this.opts.match(texts, rest)));
    if (this.opts.semantic) this.others.push(later(() => this.opts.match(texts, [], true), true));
  }

  /**
   * Asks for the other strictness settings of every batch read so far, one request at a time,
   * after the reading is done: they never delay a mark the reader sees now.
   */
  private async askOthers(): Promise<void> {
    if (this.asking) return;
    this.asking = true;
    try {
      for (let ask = this.others.shift(); ask && !this.destroyed; ask = this.others.shift())
        await ask();
      if (!this.destroyed) mark(TIMING.othersDone);
    } finally {
      this.asking = false;
    }
  }

  /** Makes marks of a reply's matches (reply-marks.ts) and paints those the filter shows. */
  private place(sentences: PageSentence[], reply: MatchReply, known: Map<string, Mark>): void {
    const t1 = performance.now();
    const key = () => `m${this.nextKey++}`;
    const { added, grown } = marksOfReply(sentences, reply, known, this.marks, this.doc, key);
    // Marks whose text the page removed or emptied go before any is compared or drawn.
    this.drop((m) => isGone(m, this.doc));
    this.marks = mergeMarks(this.marks, added);
    // A mark placed hidden becomes visible here only if the filter changed in between.
    // (A mark whose text was read again meanwhile is gone, and stays gone.)
    const regrown = grown.filter((m) => !this.shown.includes(m) && this.marks.includes(m));
    const visible = [...added, ...regrown].filter((m) => isShown(m, this.filter));
    if (visible.length === 0) return this.clock.note(t1, 'reply');
    const first = this.shown.length === 0;
    this.shown = mergeMarks(this.shown, visible);
    // Timed at the next frame, when the first highlights are actually painted.
    if (this.view.add(visible, this.shown) && first)
      this.doc.defaultView?.requestAnimationFrame(() => mark(TIMING.firstMark));
    this.opts.onChange?.(this.claims);
    this.clock.note(t1, 'paint');
  }

  /** Re-reads changed blocks: drops the marks whose text is gone or in them, matches again. */
  private async reread(blocks: Node[]): Promise<void> {
    if (this.destroyed) return;
    this.drop((m) => isStale(m, blocks, this.doc));
    if (blocks.length > 0) await this.scanRoots(blocks);
    if (!this.destroyed) this.view.requestReposition();
  }

  /** Drops the marks `which` picks; true if a shown one went. */
  private drop(which: (m: Mark) => boolean): boolean {
    const stale = new Set(this.marks.filter(which));
    if (stale.size === 0) return false;
    this.marks = this.marks.filter((m) => !stale.has(m));
    const gone = this.shown.filter((m) => stale.has(m));
    if (gone.length === 0) return false;
    this.shown = this.shown.filter((m) => !stale.has(m));
    this.view.remove(gone, this.shown);
    this.opts.onChange?.(this.claims);
    return true;
  }
}
