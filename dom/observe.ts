import { blockContaining } from './extract-text';
import { shouldSkipElement } from './unread';
import { containsComposed } from './live-range';
import type { TaskClock } from './timing';

/**
 * Observing: one MutationObserver on <body> and on each open shadow root the reading entered
 * (`watch`: a document's observer does not see into shadow trees) notes the blocks whose text
 * changed and hands them back in batches, each block once until it is read again. Factmark's
 * own UI is outside <body>, so its changes never come back as mutations. A custom element
 * not defined yet may get its shadow root when it is defined, which no mutation tells: those
 * elements are looked at again, less often each time, until they are defined.
 */

/** How long to gather mutations before matching changed text (new text: marked in < 300 ms). */
export const BATCH_MS = 60;
/**
 * A block that keeps changing waits longer each time (60 ms, 120 ms, ... up to 3.2 s), so a
 * page that rewrites its text every few milliseconds costs at most one re-read of that block
 * every 3.2 s once it is hot. Heat is forgotten after 5 s of quiet.
 */
export const MAX_DELAY_MS = 3_200;
const HEAT_FORGET_MS = 5_000;
/** Blocks re-read per batch; more wait for the next batch, so one task stays short. */
const MAX_BLOCKS_PER_BATCH = 400;
/** Custom elements not defined yet that are looked at again (the first ones on the page). */
const MAX_UNDEFINED = 200;
const OPTIONS: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  // Text revealed by removing `hidden` (expanded comments, <details>) is new to us.
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden', 'contenteditable'],
};

export interface ChangeObserverOptions {
  /** Reads these changed blocks again (none inside another); the next batch waits for it. */
  onBatch: (blocks: Node[]) => Promise<void>;
  /** Called in the next animation frame after the page changed (once however often). */
  onFrameAfterChange?: () => void;
  clock: TaskClock;
}

export class ChangeObserver {
  private observer: MutationObserver | null = null;
  /** Changed blocks and when each is due to be read again. */
  private readonly dirty = new Map<Node, number>();
  private readonly heat = new WeakMap<Node, { n: number; at: number }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = Infinity;
  private flushing = false;
  private framePending = false;
  private stopped = false;
  /** Shadow roots observed (or to be, at start); weakly held: a removed host is let go. */
  private readonly roots = new WeakSet<ShadowRoot>();
  private early: ShadowRoot[] = [];
  /** Custom elements not defined yet, looked at again until they are (see above). */
  private readonly undefinedEls = new Set<Element>();
  private undefinedTimer: ReturnType<typeof setTimeout> | undefined;
  private undefinedDelay = BATCH_MS;

  constructor(
    private readonly doc: Document,
    private readonly opts: ChangeObserverOptions,
  ) {}

  /** Starts watching <body> (once). */
  start(): void {
    const win = this.doc.defaultView;
    if (this.observer || this.stopped || !this.doc.body || !win) return;
    this.observer = new win.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.body, OPTIONS);
    for (const r of this.early.splice(0)) this.observer.observe(r, OPTIONS);
    this.noteUndefined(this.doc.body.querySelectorAll(':not(:defined)'));
  }

  /** Observes an open shadow root the reading entered (once; before start: at start). */
  watch(root: ShadowRoot): void {
    if (this.stopped || this.roots.has(root)) return;
    this.roots.add(root);
    if (this.observer) this.observer.observe(root, OPTIONS);
    else this.early.push(root);
  }

  /** The named inverse of start: no observer, no timer. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    this.early = [];
    clearTimeout(this.timer);
    clearTimeout(this.undefinedTimer);
    this.undefinedEls.clear();
    this.dirty.clear();
  }

  private noteUndefined(els: ArrayLike<Element>): void {
    for (let i = 0; i < els.length && this.undefinedEls.size < MAX_UNDEFINED; i++) {
      const el = els[i] as Element;
      if (!el.shadowRoot) this.undefinedEls.add(el);
    }
    if (this.undefinedEls.size > 0 && this.undefinedTimer === undefined) this.lookAgain();
  }

  /** Each not yet defined element with a shadow root now is a changed block; defined ones go. */
  private lookAgain(): void {
    this.undefinedTimer = setTimeout(() => {
      this.undefinedTimer = undefined;
      let found = false;
      for (const el of this.undefinedEls) {
        if (!el.isConnected || el.shadowRoot || el.matches(':defined')) {
          this.undefinedEls.delete(el);
          if (el.isConnected && el.shadowRoot) found = this.touch(el, performance.now()) || found;
        }
      }
      if (found) this.schedule();
      this.undefinedDelay = Math.min(MAX_DELAY_MS, this.undefinedDelay * 2);
      if (this.undefinedEls.size > 0 && !this.stopped) this.lookAgain();
    }, this.undefinedDelay);
  }

  /** Notes a node's block as changed; true if it was not noted yet. */
  private touch(n: Node, now: number): boolean {
    const b = blockContaining(n);
    if (this.dirty.has(b)) return false;
    const h = this.heat.get(b);
    const level = h && now - h.at < HEAT_FORGET_MS ? h.n : 0;
    this.dirty.set(b, now + Math.min(MAX_DELAY_MS, BATCH_MS * 2 ** level));
    return true;
  }

  /**
   * Runs for every batch of page mutations, so it stays cheap: no allocation per node, and
   * each changed block is noted once until it is read again.
   */
  private onMutations(records: MutationRecord[]): void {
    const now = performance.now();
    let added = false;
    const touch = (n: Node) => {
      if (this.touch(n, now)) added = true;
    };
    for (const r of records) {
      if (r.type !== 'childList') {
        touch(r.target);
        continue;
      }
      // Text added or removed directly: the target's block changed.
      let textChanged = r.removedNodes.length > 0;
      const nodes = r.addedNodes;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i] as Node;
        if (n.nodeType === 3) textChanged = true;
        else if (n.nodeType === 1 && !shouldSkipElement(n as Element)) {
          touch(n);
          if ((n as Element).localName.includes('-') && (n as Element).matches(':not(:defined)'))
            this.noteUndefined([n as Element]);
        }
      }
      if (textChanged) touch(r.target);
    }
    if (added) this.schedule();
    this.frameSoon();
    // It runs inside the page's own task (as a microtask after its DOM changes): noted too.
    this.opts.clock.note(now, 'observe');
  }

  private frameSoon(): void {
    const fn = this.opts.onFrameAfterChange;
    if (!fn || this.framePending) return;
    this.framePending = true;
    this.doc.defaultView?.requestAnimationFrame(() => {
      this.framePending = false;
      if (!this.stopped) fn();
    });
  }

  private schedule(): void {
    if (this.stopped || this.flushing || this.dirty.size === 0) return;
    let due = Infinity;
    for (const d of this.dirty.values()) due = Math.min(due, d);
    if (this.timer !== undefined && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerDue = Infinity;
        void this.flush();
      },
      Math.max(0, due - performance.now()),
    );
  }

  /** Hands over the changed blocks that are due (outermost only), hotter each time. */
  private async flush(): Promise<void> {
    if (this.stopped) return;
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
      await this.opts.onBatch(batch);
    } finally {
      this.flushing = false;
    }
    this.schedule();
  }
}

/** Drops nodes contained in another node of the list (shadow trees in their host's). */
function outermost(nodes: Node[]): Node[] {
  return nodes.filter((n) => !nodes.some((o) => o !== n && containsComposed(o, n)));
}
