import { render } from 'preact';
import type { Band, ClaimRecord, Evidence } from '../lib/types';
import { VERDICT_GLYPHS, VERDICT_LABELS } from '../lib/verdict-labels';
import { NoteCard } from '../components/NoteCard';

/**
 * Everything interactive lives in one host element with an open shadow root, attached to
 * <html> (not <body>, so `document.body.textContent` stays the page's own). Markers and the
 * card are positioned from the marks' client rects in document coordinates.
 */
export interface OverlayMark {
  key: string;
  claim: ClaimRecord;
  range: Range;
  band: Band;
  evidence: Evidence;
}

interface Placed {
  mark: OverlayMark;
  /** Client rects of the mark in document coordinates; null until the next draw reads them. */
  rects: DOMRect[] | null;
}

type OpenHow = 'hover' | 'focus' | 'click';

export interface OverlayOptions {
  css: string;
  now: () => Date;
  pageDate?: string;
  /** Told when the open mark changes (to tint it in the page). */
  onActiveChange?: (mark: OverlayMark | null) => void;
  /** Told how long each draw took (ms). */
  onDraw?: (ms: number) => void;
}

export const HOST_TAG = 'factmark-overlay';
const CARD_WIDTH = 360;
const HOVER_CLOSE_MS = 350;
const RECTS_PER_DRAW = 60;
/** Longest wait for a frame before markers are drawn anyway (see scheduleDraw). */
const DRAW_FALLBACK_MS = 150;

export class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  private readonly mount: HTMLElement;
  private placed: Placed[] = [];
  private open: { key: string; how: OpenHow } | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly win: Window;
  /** Set while focus is moved back to a marker, so that focus does not reopen its card. */
  private returningFocus = false;

  constructor(
    private readonly doc: Document,
    private readonly opts: OverlayOptions,
  ) {
    this.win = doc.defaultView as Window;
    this.host = doc.createElement(HOST_TAG);
    // Inline styles win over any page stylesheet rule for the host itself.
    this.host.setAttribute(
      'style',
      // contain: our markers and card never make the page lay itself out again.
      'all:initial;position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;display:block;contain:layout style;',
    );
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = opts.css;
    this.root.appendChild(style);
    this.mount = doc.createElement('div');
    this.mount.className = 'fm-layer';
    this.root.appendChild(this.mount);
    doc.documentElement.appendChild(this.host);
  }

  isOurs(node: EventTarget | null): boolean {
    return node === this.host;
  }

  /**
   * Shows exactly these marks (in this order). Rects are read in the next frame's draw, only
   * for marks new to the overlay, so adding marks never forces a layout in the middle of a
   * task, and a burst of batches costs one layout and one render.
   */
  setMarks(marks: OverlayMark[]): void {
    const known = new Map(this.placed.map((p) => [p.mark.key, p]));
    if (this.open && !marks.some((m) => m.key === this.open?.key)) this.setOpen(null);
    this.placed = marks.map((mark) => known.get(mark.key) ?? { mark, rects: null });
    this.scheduleDraw();
  }

  get marks(): OverlayMark[] {
    return this.placed.map((p) => p.mark);
  }

  /** Re-reads every mark's rects (after scroll of a container, resize or reflow). */
  reposition(): void {
    const sx = this.win.scrollX;
    const sy = this.win.scrollY;
    for (const p of this.placed) p.rects = rectsOf(p.mark.range, sx, sy);
    this.draw();
  }

  private drawPending = false;

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
      if (this.host.isConnected) this.draw();
    };
    const fallback = setTimeout(run, DRAW_FALLBACK_MS);
    this.win.requestAnimationFrame(() => setTimeout(run, 0));
  }

  /** The mark under a point in client coordinates, if any. */
  hitTest(clientX: number, clientY: number): OverlayMark | null {
    const x = clientX + this.win.scrollX;
    const y = clientY + this.win.scrollY;
    for (const p of this.placed) {
      for (const r of p.rects ?? []) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return p.mark;
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

  cancelHoverClose(): void {
    clearTimeout(this.closeTimer);
  }

  markerEl(key: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  }

  scrollToMark(key: string): void {
    const p = this.placed.find((q) => q.mark.key === key);
    const el = p?.mark.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.reposition();
  }

  destroy(): void {
    clearTimeout(this.closeTimer);
    render(null, this.mount);
    this.host.remove();
    this.placed = [];
    this.open = null;
  }

  private setOpen(open: { key: string; how: OpenHow } | null): void {
    this.open = open;
    this.draw();
    const mark = open ? (this.placed.find((p) => p.mark.key === open.key)?.mark ?? null) : null;
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
    for (const p of this.placed) {
      if (p.rects !== null) continue;
      if (budget-- <= 0) {
        more = true;
        break;
      }
      p.rects = rectsOf(p.mark.range, sx0, sy0);
    }
    if (more) this.scheduleDraw();
    const vw = this.doc.documentElement.clientWidth;
    const vh = this.win.innerHeight;
    const sx = this.win.scrollX;
    const sy = this.win.scrollY;
    const items = this.placed.map((p) => {
      const { mark } = p;
      const rects = p.rects ?? [];
      const last = rects[rects.length - 1];
      const first = rects[0];
      const isOpen = this.open?.key === mark.key;
      const label = `Fact check: ${VERDICT_LABELS[mark.claim.verdict]}. ${mark.claim.claim}`;
      let cardStyle: Record<string, string> | undefined;
      if (isOpen && first && last) {
        const left = Math.max(sx + 8, Math.min(first.left, sx + vw - CARD_WIDTH - 8));
        const below = last.bottom + 6;
        const roomBelow = sy + vh - below;
        const top = roomBelow < 260 && first.top - sy > 300 ? first.top - 6 : below;
        cardStyle = {
          left: `${left}px`,
          top: `${top}px`,
          width: `${CARD_WIDTH}px`,
          transform: top < below ? 'translateY(-100%)' : 'none',
        };
      }
      return (
        <div key={mark.key} class="fm-item">
          <span
            class={`fm-marker fm-v-${mark.claim.verdict}${mark.band === 'possible' ? ' fm-possible-mark' : ''}${last ? '' : ' fm-hidden'}`}
            role="button"
            tabIndex={last ? 0 : -1}
            aria-label={label}
            aria-haspopup="dialog"
            aria-expanded={isOpen ? 'true' : 'false'}
            data-factmark-claim={mark.claim.id}
            data-key={mark.key}
            style={last ? { left: `${last.right}px`, top: `${last.top}px` } : undefined}
            onMouseEnter={() => this.openMark(mark.key, 'hover')}
            onMouseLeave={() => this.scheduleHoverClose()}
            onFocus={() => {
              if (!this.returningFocus) this.openMark(mark.key, 'focus');
            }}
            onClick={(e) => {
              e.stopPropagation();
              this.openMark(mark.key, 'click');
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                this.openMark(mark.key, 'click');
              } else if (e.key === 'Escape' && isOpen) {
                e.stopPropagation();
                this.close(false);
              }
            }}
          >
            <span aria-hidden="true">{VERDICT_GLYPHS[mark.claim.verdict]}</span>
          </span>
          {isOpen && cardStyle ? (
            <div
              class="fm-card-wrap"
              onMouseEnter={() => this.cancelHoverClose()}
              onMouseLeave={() => this.scheduleHoverClose()}
            >
              <NoteCard
                claim={mark.claim}
                evidence={mark.evidence}
                possible={mark.band === 'possible'}
                pageDate={this.opts.pageDate}
                now={this.opts.now()}
                autoFocus={this.open?.how === 'click'}
                onClose={() => this.close(true)}
                style={cardStyle}
              />
            </div>
          ) : null}
        </div>
      );
    });
    render(<>{items}</>, this.mount);
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
