import type { ClaimRecord, Verdict } from '../lib/types';
import type { MatchReply, MatchRequest, PageClaim } from '../utils/messages';
import {
  blockContaining,
  blockOf,
  ChunkReader,
  shouldSkipElement,
  type TextChunk,
} from './extract-text';
import { markable, pageSentences, sentenceRange } from './page-sentences';
import { Painter } from './paint';
import { HOST_TAG, Overlay, type OverlayMark } from './overlay';

/**
 * Wires extraction -> matching -> painting for one document. The only code that changes
 * the page is Painter (highlights + one adopted style sheet) and Overlay (one host element
 * on <html>); `destroy` undoes both.
 *
 * Live pages: a MutationObserver on <body> collects the blocks whose text changed; they are
 * re-read and re-matched in batches in idle time. Factmark's own UI is outside <body>, so
 * its changes never come back as mutations.
 */
export type MatchFn = (sentences: MatchRequest['sentences']) => Promise<MatchReply>;

export interface AnnotatorOptions {
  match: MatchFn;
  css: string;
  now?: () => Date;
  pageDate?: string;
  /** Verdicts to show. */
  verdicts: readonly Verdict[];
  /** Told whenever the set of marks changes. */
  onChange?: (claims: PageClaim[]) => void;
  signal?: AbortSignal;
}

interface Mark extends OverlayMark {
  block: Node | null;
}

/** How long to gather mutations before matching changed text (new text: marked in < 300 ms). */
const BATCH_MS = 60;
/**
 * A block that keeps changing waits longer each time (60 ms, 120 ms, ... up to 3.2 s), so a
 * page that rewrites its text every few milliseconds costs at most one re-read of that block
 * every 3.2 s once it is hot. Heat is forgotten after 5 s of quiet.
 */
const MAX_DELAY_MS = 3_200;
const HEAT_FORGET_MS = 5_000;
/** Blocks re-read per batch; more wait for the next batch, so one task stays short. */
const MAX_BLOCKS_PER_BATCH = 400;
/** Reading the DOM yields to the page after this long, so no task of ours is long. */
const SLICE_MS = 8;
/**
 * Text nodes read between two looks at the clock. Fewer (64) made requests smaller and more
 * numerous: the 5 MB article took 8.3 s instead of 5.1 s to finish.
 */
const READ_NODES = 200;
/** A stretch of ours this long (ms) is recorded as a `factmark-long:<phase>` measure. */
const LONG_STRETCH_MS = 30;
/** Sentences per match request: the background's work per message stays short too. */
const SENTENCES_PER_REQUEST = 120;
/**
 * The first request is smaller (then each doubles up to SENTENCES_PER_REQUEST): the first
 * marks come back sooner, and the first split, which runs our code before V8 has compiled
 * it (a new tab is a new renderer), stays short.
 */
const FIRST_REQUEST_SENTENCES = 30;

export class Annotator {
  /** Created with the first mark: a page with nothing to mark gets no UI and no listeners. */
  private ui: { painter: Painter; overlay: Overlay } | null = null;
  private marks: Mark[] = [];
  private nextKey = 0;
  private observer: MutationObserver | null = null;
  /** Changed blocks and when each is due to be read again. */
  private dirty = new Map<Node, number>();
  private readonly heat = new WeakMap<Node, { n: number; at: number }>();
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = Infinity;
  private flushing = false;
  private rafPending = false;
  private destroyed = false;
  private verdicts: Set<Verdict>;
  private readonly cleanups: (() => void)[] = [];
  /** The longest stretch of our own synchronous work so far (ms): reported for the bench. */
  private longestTaskMs = 0;
  /** Of which the longest overlay draw (ms). */
  private longestDrawMs = 0;
  /** Sentences (roughly counted) that make the next request: grows after the first. */
  private requestSize = FIRST_REQUEST_SENTENCES;

  /** Notes one synchronous stretch of ours; one over LONG_STRETCH_MS gets a User Timing measure. */
  private noteTask(t0: number, what: string): void {
    const ms = performance.now() - t0;
    if (ms > this.longestTaskMs) this.longestTaskMs = ms;
    if (ms >= LONG_STRETCH_MS) measure(`factmark-long:${what}`, t0);
  }

  constructor(
    private readonly doc: Document,
    private readonly opts: AnnotatorOptions,
  ) {
    this.verdicts = new Set(opts.verdicts);
  }

  private ensureUi(): { painter: Painter; overlay: Overlay } {
    if (this.ui) return this.ui;
    const painter = new Painter(this.doc);
    const overlay = new Overlay(this.doc, {
      css: this.opts.css,
      now: this.opts.now ?? (() => new Date()),
      pageDate: this.opts.pageDate,
      onActiveChange: (m) => painter.setActive(m ? m.range : null),
      onDraw: (ms) => {
        this.noteTask(performance.now() - ms, 'draw');
        if (ms > this.longestDrawMs) this.longestDrawMs = ms;
      },
    });
    this.ui = { painter, overlay };
    this.listen(overlay);
    return this.ui;
  }

  /** Reads and matches the whole page once. */
  async scanAll(): Promise<void> {
    mark('factmark-scan-start');
    const body = this.doc.body;
    if (!body) return;
    await this.scanRoots([body]);
  }

  /** Watch for text the page adds or changes later. */
  observe(): void {
    if (this.observer || !this.doc.body) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.observer = new win.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.body, {
      childList: true,
      characterData: true,
      subtree: true,
      // Text revealed by removing `hidden` (expanded comments, <details>) is new to us.
      attributes: true,
      attributeFilter: ['hidden', 'aria-hidden', 'contenteditable'],
    });
  }

  get claims(): PageClaim[] {
    const byId = new Map<string, PageClaim>();
    for (const m of this.marks) {
      const c = byId.get(m.claim.id);
      if (c) c.count++;
      else
        byId.set(m.claim.id, {
          id: m.claim.id,
          claim: m.claim.claim,
          verdict: m.claim.verdict,
          count: 1,
        });
    }
    return [...byId.values()];
  }

  /** Scrolls to the claim's first mark and opens its card with focus in it. */
  reveal(claimId: string): boolean {
    const mark = this.marks.find((m) => m.claim.id === claimId);
    if (!mark) return false;
    const { overlay } = this.ensureUi();
    overlay.scrollToMark(mark.key);
    overlay.openMark(mark.key, 'click');
    return true;
  }

  setVerdicts(verdicts: readonly Verdict[]): void {
    this.verdicts = new Set(verdicts);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.observer?.disconnect();
    clearTimeout(this.batchTimer);
    for (const c of this.cleanups) c();
    this.ui?.overlay.destroy();
    this.ui?.painter.destroy();
    this.ui = null;
    this.marks = [];
  }

  /**
   * Reads the roots' text in slices of SLICE_MS, yielding to the page between slices, and
   * sends sentences to the matcher in requests of up to SENTENCES_PER_REQUEST; marks are painted
   * as each reply arrives.
   */
  private async scanRoots(roots: Node[]): Promise<void> {
    const exclude = (el: Element) => el.tagName.toLowerCase() === HOST_TAG;
    let pending: TextChunk[] = [];
    let pendingSentences = 0;
    let t0 = performance.now();
    const send = async () => {
      const chunks = pending;
      pending = [];
      pendingSentences = 0;
      if (chunks.length === 0) return;
      this.requestSize = Math.min(SENTENCES_PER_REQUEST, this.requestSize * 2);
      // Reading and splitting/sending are separate tasks: neither adds to the other.
      this.noteTask(t0, 'read');
      await yieldToPage();
      if (this.destroyed) return;
      await this.matchChunks(chunks, performance.now());
    };
    for (const root of roots) {
      if (this.destroyed) return;
      const reader = new ChunkReader(root, { exclude });
      while (!reader.done && !this.destroyed) {
        t0 = performance.now();
        while (!reader.done && performance.now() - t0 < SLICE_MS) {
          for (const c of reader.read(READ_NODES)) {
            pending.push(c);
            // A rough count (one sentence per 120 characters) decides when to send.
            pendingSentences += 1 + Math.floor(c.text.length / 120);
          }
          if (pendingSentences >= this.requestSize) break;
        }
        if (pendingSentences >= this.requestSize) await send();
        else if (!reader.done) {
          this.noteTask(t0, 'read');
          await yieldToPage();
        }
      }
    }
    await send();
    // The detail carries our longest synchronous stretch, for profilers and `npm run bench`.
    mark('factmark-scan-done', {
      longestTaskMs: this.longestTaskMs,
      longestDrawMs: this.longestDrawMs,
    });
  }

  /** `t0`: when the current task's work began, so its length is noted. */
  private async matchChunks(chunks: TextChunk[], t0: number): Promise<void> {
    // Menus, buttons and captions of a few words are never marked: don't send them.
    const sentences = pageSentences(chunks).filter((s) => markable(s.text));
    if (sentences.length === 0) return this.noteTask(t0, 'split');
    if (this.nextKey === 0) mark('factmark-first-request');
    const pending = this.opts.match(sentences.map((s) => ({ text: s.text })));
    this.noteTask(t0, 'split-send');
    const reply = await pending;
    if (this.destroyed) return;
    if (this.nextKey === 0) mark('factmark-first-reply');
    const t1 = performance.now();
    const added: Mark[] = [];
    for (const m of reply.matches) {
      const claim: ClaimRecord | undefined = reply.claims[m.set]?.[m.row];
      const sentence = sentences[m.sentence];
      if (!claim || !sentence || !this.verdicts.has(claim.verdict)) continue;
      const range = sentenceRange(sentence, m.start, m.end);
      if (!range || range.collapsed) continue;
      added.push({
        key: `m${this.nextKey++}`,
        claim,
        range,
        band: m.band,
        evidence: m.evidence,
        block: blockOf(range.startContainer),
      });
    }
    if (added.length === 0) return this.noteTask(t1, 'reply');
    const { painter, overlay } = this.ensureUi();
    for (const m of added) painter.add(m.range, m.claim.verdict);
    // Timed at the next frame, when the first highlights are actually painted.
    if (this.marks.length === 0)
      this.doc.defaultView?.requestAnimationFrame(() => mark('factmark-first-mark'));
    // The first reading goes through the page in order, so a batch usually lands after every
    // mark so far: append it (sorting hundreds of Ranges per batch was a long task on huge
    // pages). Text added later, anywhere, takes the full sort.
    added.sort(compareMarks);
    const lastMark = this.marks[this.marks.length - 1];
    const firstAdded = added[0] as Mark;
    this.marks =
      !lastMark || compareMarks(lastMark, firstAdded) <= 0
        ? this.marks.concat(added)
        : [...this.marks, ...added].sort(compareMarks);
    overlay.setMarks(this.marks);
    this.opts.onChange?.(this.claims);
    this.noteTask(t1, 'paint');
  }

  /**
   * Runs for every batch of page mutations, so it stays cheap: no allocation per node, and
   * each changed block is noted once until it is read again.
   */
  private onMutations(records: MutationRecord[]): void {
    const now = performance.now();
    let added = false;
    const touch = (n: Node) => {
      if (this.dirty.has(n)) return;
      const h = this.heat.get(n);
      const level = h && now - h.at < HEAT_FORGET_MS ? h.n : 0;
      this.dirty.set(n, now + Math.min(MAX_DELAY_MS, BATCH_MS * 2 ** level));
      added = true;
    };
    for (const r of records) {
      if (r.type !== 'childList') {
        touch(blockContaining(r.target));
        continue;
      }
      // Text added or removed directly: the target's block changed.
      let textChanged = r.removedNodes.length > 0;
      const nodes = r.addedNodes;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i] as Node;
        if (n.nodeType === 3) textChanged = true;
        else if (n.nodeType === 1 && !shouldSkipElement(n as Element)) touch(blockContaining(n));
      }
      if (textChanged) touch(blockContaining(r.target));
    }
    if (added) this.schedule();
    // It runs inside the page's own task (as a microtask after its DOM changes): noted too.
    this.noteTask(now, 'observe');
  }

  private schedule(): void {
    if (this.destroyed || this.flushing || this.dirty.size === 0) return;
    let due = Infinity;
    for (const d of this.dirty.values()) due = Math.min(due, d);
    if (this.batchTimer !== undefined && this.timerDue <= due) return;
    clearTimeout(this.batchTimer);
    this.timerDue = due;
    this.batchTimer = setTimeout(
      () => {
        this.batchTimer = undefined;
        this.timerDue = Infinity;
        void this.flush();
      },
      Math.max(0, due - performance.now()),
    );
  }

  /** Re-reads only the changed blocks that are due: drops their old marks, matches again. */
  private async flush(): Promise<void> {
    if (this.destroyed) return;
    this.flushing = true;
    try {
      const now = performance.now();
      const due: Node[] = [];
      for (const [n, d] of this.dirty) {
        if (d > now + 5) continue;
        this.dirty.delete(n);
        if (n.isConnected) due.push(n);
        if (due.length >= MAX_BLOCKS_PER_BATCH) break;
      }
      const batch = outermost(due);
      for (const b of batch) {
        const h = this.heat.get(b);
        this.heat.set(b, { n: h && now - h.at < HEAT_FORGET_MS ? h.n + 1 : 1, at: now });
      }
      const stale = this.marks.filter(
        (m) =>
          !m.range.startContainer.isConnected ||
          !m.range.endContainer.isConnected ||
          m.range.collapsed ||
          batch.some((b) => b === m.block || b.contains(m.range.startContainer)),
      );
      if (stale.length > 0) {
        const { painter, overlay } = this.ensureUi();
        for (const m of stale) painter.remove(m.range, m.claim.verdict);
        const gone = new Set(stale);
        this.marks = this.marks.filter((m) => !gone.has(m));
        overlay.setMarks(this.marks);
        this.opts.onChange?.(this.claims);
      }
      if (batch.length > 0) await this.scanRoots(batch);
      this.scheduleReposition();
    } finally {
      this.flushing = false;
    }
    this.schedule();
  }

  private scheduleReposition(): void {
    if (this.rafPending || this.destroyed) return;
    this.rafPending = true;
    const win = this.doc.defaultView;
    win?.requestAnimationFrame(() => {
      this.rafPending = false;
      if (!this.destroyed && this.marks.length > 0) this.ui?.overlay.reposition();
    });
  }

  private listen(overlay: Overlay): void {
    const win = this.doc.defaultView;
    if (!win) return;
    const on = <K extends keyof WindowEventMap>(
      target: Window | Document,
      type: K,
      fn: (e: WindowEventMap[K]) => void,
      options?: AddEventListenerOptions,
    ) => {
      target.addEventListener(type, fn as EventListener, { ...options, signal: this.opts.signal });
      this.cleanups.push(() => target.removeEventListener(type, fn as EventListener, options));
    };
    on(win, 'resize', () => this.scheduleReposition(), { passive: true });
    // Scrolling inside a container moves its text but not the document: follow it.
    on(
      this.doc,
      'scroll',
      (e) => {
        if (e.target !== this.doc) this.scheduleReposition();
      },
      { capture: true, passive: true },
    );
    this.doc.fonts?.addEventListener?.('loadingdone', () => this.scheduleReposition());
    const ro = new win.ResizeObserver(() => this.scheduleReposition());
    if (this.doc.body) ro.observe(this.doc.body);
    this.cleanups.push(() => ro.disconnect());

    let moveFrame = false;
    on(
      this.doc,
      'mousemove',
      (e) => {
        if (moveFrame || this.marks.length === 0) return;
        moveFrame = true;
        win.requestAnimationFrame(() => {
          moveFrame = false;
          if (overlay.isOurs(e.target)) return;
          const hit = overlay.hitTest(e.clientX, e.clientY);
          if (hit) overlay.openMark(hit.key, 'hover');
          else overlay.scheduleHoverClose();
        });
      },
      { passive: true },
    );
    on(
      this.doc,
      'click',
      (e) => {
        if (overlay.isOurs(e.target)) return;
        const hit = this.marks.length > 0 ? overlay.hitTest(e.clientX, e.clientY) : null;
        const inLink = (e.target as Element | null)?.closest?.('a[href]');
        if (hit && !inLink) overlay.openMark(hit.key, 'click');
        else if (overlay.openKey) overlay.close(false);
      },
      { capture: true },
    );
    on(this.doc, 'keydown', (e) => {
      if (e.key === 'Escape' && overlay.openKey) overlay.close(true);
    });
  }
}

/** A measure from `start` to now (profilers see where a long stretch of ours went). */
function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Timing is optional.
  }
}

/** User Timing marks, so profilers and `npm run bench` can see Factmark's phases. */
function mark(name: string, detail?: unknown): void {
  try {
    performance.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // Timing is optional; never let it break annotation.
  }
}

function compareMarks(a: Mark, b: Mark): number {
  const c = a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  return c !== 0 ? c : a.claim.id < b.claim.id ? -1 : 1;
}

/** Yields to the page (input, rendering) before the next slice of work. */
function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Drops nodes contained in another node of the list. */
function outermost(nodes: Node[]): Node[] {
  return nodes.filter((n) => !nodes.some((o) => o !== n && o.contains(n)));
}
