import type { HideKind } from '../lib/hidden';
import type { Mark } from './marks';
import { Overlay, type ToastNote } from './overlay';
import { listenToPage } from './overlay-events';
import { Painter } from './paint';
import type { TaskClock } from './timing';
import { composedParent } from './walk-text';

/**
 * What the reader sees of the marks: the painter (highlights) and the overlay (markers, card,
 * notice) with their page listeners, created with the first mark shown. In quiet mode none
 * exists: the marks are still found and counted by the annotator, nothing is on the page.
 * `destroy` undoes it all.
 */
export interface MarkViewOptions {
  css: string;
  now: () => Date;
  pageDate?: string;
  onHide?: (mark: Mark, kind: HideKind) => void;
  quiet?: boolean;
  signal?: AbortSignal;
  clock: TaskClock;
}

interface Ui {
  painter: Painter;
  overlay: Overlay;
  unlisten: () => void;
}

export class MarkView {
  private ui: Ui | null = null;
  private quiet: boolean;
  /** The mark the last `step` went to. */
  private stepped: string | null = null;

  constructor(
    private readonly doc: Document,
    private readonly opts: MarkViewOptions,
  ) {
    this.quiet = opts.quiet ?? false;
  }

  /** Shows exactly `next`, where `prev` was shown: paints only the difference. */
  show(prev: readonly Mark[], next: Mark[]): void {
    if (this.quiet || (next.length === 0 && !this.ui)) return;
    const { painter, overlay } = this.ensure();
    const keep = new Set(next);
    for (const m of prev) if (!keep.has(m)) painter.remove(m.range, m.claim.verdict);
    const had = new Set(prev);
    for (const m of next) if (!had.has(m)) painter.add(m.range, m.claim.verdict);
    overlay.setMarks(next);
  }

  /** Paints `added` and shows `all` (which holds them); false in quiet mode (nothing painted). */
  add(added: readonly Mark[], all: Mark[]): boolean {
    if (this.quiet) return false;
    const { painter, overlay } = this.ensure();
    for (const m of added) painter.add(m.range, m.claim.verdict);
    overlay.setMarks(all);
    return true;
  }

  /** Unpaints `gone` and shows `all` (which no longer holds them). */
  remove(gone: readonly Mark[], all: Mark[]): void {
    if (!this.ui) return;
    for (const m of gone) this.ui.painter.remove(m.range, m.claim.verdict);
    this.ui.overlay.setMarks(all);
  }

  /** Quiet mode on: every mark and marker leaves the page; off: `shown` come back. */
  setQuiet(quiet: boolean, shown: Mark[]): void {
    if (quiet === this.quiet) return;
    this.quiet = quiet;
    if (quiet) return this.destroy();
    this.add(shown, shown);
  }

  /** Scrolls to a mark and opens its card with focus in it (quiet: only scrolls). */
  reveal(m: Mark): void {
    if (this.quiet) return scrollTo(m);
    const { overlay } = this.ensure();
    overlay.scrollToMark(m.key);
    overlay.openMark(m.key, 'click');
  }

  /**
   * The next (or previous) of `marks` from the one focused or open, or from the top of the
   * viewport: scrolls to it and focuses its marker (its card opens). Quiet: only scrolls.
   */
  step(marks: readonly Mark[], dir: 1 | -1): Mark | null {
    if (marks.length === 0) return null;
    const overlay = this.ui?.overlay;
    const current = overlay?.focusedKey ?? overlay?.openKey ?? this.stepped;
    let i = marks.findIndex((m) => m.key === current);
    if (i < 0) {
      // From the reading position: the first mark below the top of the viewport.
      const below = marks.findIndex((m) => m.range.getBoundingClientRect().bottom > 0);
      i = below < 0 ? marks.length : below;
      if (dir === 1) i -= 1;
    }
    const next = marks[(i + dir + marks.length) % marks.length] as Mark;
    this.stepped = next.key;
    if (this.quiet || !overlay) scrollTo(next);
    else overlay.focusMark(next.key);
    return next;
  }

  /** Moves the markers with their text in the next frame (after the page changed). */
  requestReposition(): void {
    this.ui?.overlay.requestReposition();
  }

  /** Moves the markers with their text now (from an animation frame: before it is painted). */
  repositionNow(): void {
    this.ui?.overlay.reposition();
  }

  /** Shows a notice on the page (with an undo), if the overlay is there. */
  notify(note: ToastNote): void {
    this.ui?.overlay.showToast(note);
  }

  destroy(): void {
    this.ui?.unlisten();
    this.ui?.overlay.destroy();
    this.ui?.painter.destroy();
    this.ui = null;
  }

  private ensure(): Ui {
    if (this.ui) return this.ui;
    const painter = new Painter(this.doc);
    const overlay = new Overlay(this.doc, {
      css: this.opts.css,
      now: this.opts.now,
      pageDate: this.opts.pageDate,
      onActiveChange: (m) => painter.setActive(m ? m.range : null),
      onDraw: (ms) => this.opts.clock.noteDraw(ms),
      onHide: this.opts.onHide,
    });
    const unlisten = listenToPage(this.doc, overlay, this.opts.signal);
    this.ui = { painter, overlay, unlisten };
    return this.ui;
  }
}

function scrollTo(m: Mark): void {
  composedParent(m.range.startContainer)?.scrollIntoView({ block: 'center' });
}
