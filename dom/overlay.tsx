import { render } from 'preact';
import { ToastLayer, type ToastNote } from './overlay-toast';
import type { HideKind } from '../lib/hidden';
import { normalizeHost } from '../lib/settings';
import type { Mark } from './marks';
import { OverlayHost } from './overlay-host';
import { composedParent } from './walk-text';
import { overlayItem, type ItemHandlers, type OpenHow, type Viewport } from './overlay-view';

/**
 * The overlay: the markers and the card of the page's marks, in one host (dom/overlay-host.ts),
 * positioned from the marks' client rects in document coordinates. Owns which card is open
 * (hover, focus, click) and when rects are read: in the frame after marks are added, at most
 * RECTS_PER_DRAW new marks per draw. Events from the page reach it through dom/overlay-events.ts.
 */
export type { ToastNote };

export interface OverlayOptions {
  css: string;
  now: () => Date;
  pageDate?: string;
  /** Told when the open mark changes (to tint it in the page). */
  onActiveChange?: (mark: Mark | null) => void;
  /** Told how long each draw took (ms). */
  onDraw?: (ms: number) => void;
  /** "Not this claim" on a card (absent: cards offer no hiding). */
  onHide?: (mark: Mark, kind: HideKind) => void;
}

const HOVER_CLOSE_MS = 350;
const RECTS_PER_DRAW = 60;
/** Longest wait for a frame before markers are drawn anyway (see scheduleDraw). */
const DRAW_FALLBACK_MS = 150;

export class Overlay {
  readonly host: OverlayHost;
  private shown: Mark[] = [];
  /** Each shown mark's rects in document coordinates; absent until a draw reads them. */
  private rects = new Map<string, DOMRect[]>();
  private open: { key: string; how: OpenHow } | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly win: Window;
  /** Set while focus is moved back to a marker, so that focus does not reopen its card. */
  private returningFocus = false;
  private drawPending = false;
  private repositionPending = false;
  private readonly handlers: ItemHandlers = {
    open: (key, how) => this.openMark(key, how),
    close: (returnFocus) => this.close(returnFocus),
    hoverLeft: () => this.scheduleHoverClose(),
    hoverBack: () => clearTimeout(this.closeTimer),
    focusOpens: () => !this.returningFocus,
  };
  private readonly toast: ToastLayer;
  private readonly site: string;

  constructor(
    private readonly doc: Document,
    private readonly opts: OverlayOptions,
  ) {
    this.win = doc.defaultView as Window;
    this.host = new OverlayHost(doc, opts.css);
    if (opts.onHide) {
      const onHide = opts.onHide;
      this.handlers.hide = (key, kind) => {
        const m = this.shown.find((q) => q.key === key);
        if (m) onHide(m, kind);
      };
    }
    this.toast = new ToastLayer(doc, this.host.root);
    this.site = normalizeHost(doc.location?.hostname ?? '');
  }

  /** Shows a notice at the bottom of the viewport for a few seconds (dom/overlay-toast.tsx). */
  showToast(note: ToastNote): void {
    this.toast.show(note);
  }

  /**
   * Shows exactly these marks (in this order). Rects are read in the next frame's draw, only
   * for marks new to the overlay, so adding marks never forces a layout in the middle of a
   * task, and a burst of batches costs one layout and one render.
   */
  setMarks(marks: Mark[]): void {
    const keys = new Set(marks.map((m) => m.key));
    if (this.open && !keys.has(this.open.key)) this.setOpen(null);
    for (const k of this.rects.keys()) if (!keys.has(k)) this.rects.delete(k);
    this.shown = marks;
    this.scheduleDraw();
  }

  get marks(): readonly Mark[] {
    return this.shown;
  }

  /** Re-reads every mark's rects (after scroll of a container, resize or reflow). */
  reposition(): void {
    const sx = this.win.scrollX;
    const sy = this.win.scrollY;
    for (const m of this.shown) this.rects.set(m.key, rectsOf(m.range, sx, sy));
    this.draw();
  }

  /** Repositions in the next frame (once however often it is asked in between). */
  requestReposition(): void {
    if (this.repositionPending) return;
    this.repositionPending = true;
    this.win.requestAnimationFrame(() => {
      this.repositionPending = false;
      if (this.host.connected && this.shown.length > 0) this.reposition();
    });
  }

  /** The mark under a point in client coordinates, if any. */
  hitTest(clientX: number, clientY: number): Mark | null {
    const x = clientX + this.win.scrollX;
    const y = clientY + this.win.scrollY;
    for (const m of this.shown) {
      for (const r of this.rects.get(m.key) ?? []) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return m;
      }
    }
    return null;
  }

  openMark(key: string, how: OpenHow): void {
    clearTimeout(this.closeTimer);
    if (this.open?.key === key && rank(this.open.how) >= rank(how)) return;
    this.setOpen({ key, how });
  }

  /** Closes the card; with returnFocus, focus goes back to the mark's marker. */
  close(returnFocus: boolean): void {
    const key = this.open?.key;
    this.setOpen(null);
    if (returnFocus && key) {
      this.returningFocus = true;
      try {
        this.markerEl(key)?.focus();
      } finally {
        this.returningFocus = false;
      }
    }
  }

  get openKey(): string | null {
    return this.open?.key ?? null;
  }

  /** Hover left the mark and the card: close soon unless it was opened on purpose. */
  scheduleHoverClose(): void {
    if (!this.open || this.open.how !== 'hover') return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      if (this.open?.how === 'hover') this.setOpen(null);
    }, HOVER_CLOSE_MS);
  }

  markerEl(key: string): HTMLElement | null {
    return this.host.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  }

  /** Scrolls to a mark and moves focus to its marker (which opens its card). */
  focusMark(key: string): void {
    this.scrollToMark(key);
    this.markerEl(key)?.focus();
  }

  /** The mark whose marker or card has focus, if any. */
  get focusedKey(): string | null {
    const inner = this.host.root.activeElement as HTMLElement | null;
    return (
      inner?.closest<HTMLElement>('.fm-item')?.querySelector<HTMLElement>('[data-key]')?.dataset
        .key ?? null
    );
  }

  scrollToMark(key: string): void {
    const m = this.shown.find((q) => q.key === key);
    const el = m && composedParent(m.range.startContainer);
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.reposition();
  }

  /** The named inverse of the constructor: no host, no timer. */
  destroy(): void {
    clearTimeout(this.closeTimer);
    this.toast.destroy();
    render(null, this.host.layer);
    this.host.remove();
    this.shown = [];
    this.rects.clear();
    this.open = null;
  }

  private scheduleDraw(): void {
    // A hidden tab gets no animation frames: draw now (nothing is painted anyway).
    if (this.doc.visibilityState === 'hidden') return this.draw();
    if (this.drawPending) return;
    this.drawPending = true;
    // Just after the next frame: the page has laid itself out by then, so reading rects is
    // cheap, where in the frame (or mid-task) it would force the page's own layout into our
    // task (a 5 MB article: 100–200 ms).
    // A tab the browser renders rarely (occluded, in the background: frames at ~1 Hz while
    // it still reports "visible") draws from the fallback timer instead, so its markers,
    // which keyboard and screen-reader users reach, never lag the highlights by a second.
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      this.drawPending = false;
      if (this.host.connected) this.draw();
    };
    const fallback = setTimeout(run, DRAW_FALLBACK_MS);
    this.win.requestAnimationFrame(() => setTimeout(run, 0));
  }

  private setOpen(open: { key: string; how: OpenHow } | null): void {
    this.open = open;
    this.draw();
    const mark = open ? (this.shown.find((m) => m.key === open.key) ?? null) : null;
    this.opts.onActiveChange?.(mark);
  }

  private draw(): void {
    const t0 = performance.now();
    this.render();
    this.opts.onDraw?.(performance.now() - t0);
  }

  private render(): void {
    const sx0 = this.win.scrollX;
    const sy0 = this.win.scrollY;
    // Rects of at most RECTS_PER_DRAW new marks per frame; the rest next frame, so a page
    // with hundreds of marks never gets one long task from us.
    let budget = RECTS_PER_DRAW;
    let more = false;
    for (const m of this.shown) {
      if (this.rects.has(m.key)) continue;
      if (budget-- <= 0) {
        more = true;
        break;
      }
      this.rects.set(m.key, rectsOf(m.range, sx0, sy0));
    }
    if (more) this.scheduleDraw();
    const viewport: Viewport = {
      sx: this.win.scrollX,
      sy: this.win.scrollY,
      vw: this.doc.documentElement.clientWidth,
      vh: this.win.innerHeight,
    };
    const now = this.opts.now();
    const items = this.shown.map((mark) =>
      overlayItem({
        mark,
        rects: this.rects.get(mark.key) ?? [],
        openHow: this.open?.key === mark.key ? this.open.how : null,
        viewport,
        pageDate: this.opts.pageDate,
        now,
        on: this.handlers,
        site: this.site,
      }),
    );
    render(<>{items}</>, this.host.layer);
  }
}

/** A range's non-empty client rects, in document coordinates. */
function rectsOf(range: Range, sx: number, sy: number): DOMRect[] {
  const rects: DOMRect[] = [];
  for (const r of Array.from(range.getClientRects())) {
    if (r.width > 0 && r.height > 0) rects.push(new DOMRect(r.x + sx, r.y + sy, r.width, r.height));
  }
  return rects;
}

function rank(how: OpenHow): number {
  return how === 'click' ? 2 : how === 'focus' ? 1 : 0;
}
