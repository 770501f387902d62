import { VERDICT_GLYPHS } from '../lib/verdict-labels';
import { t, verdictLabel } from '../utils/i18n';
import { NoteCard } from '../components/NoteCard';
import type { Mark } from './marks';
import type { HideKind } from '../lib/hidden';

/**
 * The overlay's markup: one focusable marker at the end of each mark and, for the open mark,
 * its note card placed beside it. Presentational: state and events live in dom/overlay.tsx.
 */

export type OpenHow = 'hover' | 'focus' | 'click';

export const CARD_WIDTH = 360;

/** The page's scroll offset and viewport, read once per draw. */
export interface Viewport {
  sx: number;
  sy: number;
  vw: number;
  vh: number;
}

/** The card's tallest (it scrolls inside beyond that), and the least room it is given. */
const CARD_MAX_HEIGHT = 520;
const CARD_MIN_ROOM = 300;

/**
 * Where the card goes: below the mark, or above it when there is more room there and not
 * enough below; never wider than the viewport (a 360 px window, 200% zoom), never taller
 * than the room on its side (so its end, "Not this claim", stays reachable).
 */
export function cardStyle(rects: readonly DOMRect[], v: Viewport): Record<string, string> | null {
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) return null;
  const width = Math.max(200, Math.min(CARD_WIDTH, v.vw - 16));
  const left = Math.max(v.sx + 8, Math.min(first.left, v.sx + v.vw - width - 8));
  const below = last.bottom + 6;
  const tallest = Math.min(CARD_MAX_HEIGHT, Math.round(v.vh * 0.7));
  const roomBelow = v.sy + v.vh - below - 8;
  const roomAbove = first.top - 6 - v.sy - 8;
  const up = roomBelow < Math.min(tallest, CARD_MIN_ROOM) && roomAbove > roomBelow;
  const room = up ? roomAbove : roomBelow;
  return {
    left: `${left}px`,
    top: `${up ? first.top - 6 : below}px`,
    width: `${width}px`,
    maxHeight: `${Math.max(160, Math.min(tallest, room))}px`,
    transform: up ? 'translateY(-100%)' : 'none',
  };
}

export interface ItemHandlers {
  open(key: string, how: OpenHow): void;
  close(returnFocus: boolean): void;
  hoverLeft(): void;
  hoverBack(): void;
  /** False while focus is moved back to a marker, so that focus does not reopen its card. */
  focusOpens(): boolean;
  /** "Not this claim" on the card (absent: the card offers no hiding). */
  hide?(key: string, kind: HideKind): void;
}

export interface OverlayItemProps {
  mark: Mark;
  /** The mark's client rects in document coordinates (empty: not laid out, or not yet read). */
  rects: readonly DOMRect[];
  /** How its card was opened, if it is open. */
  openHow: OpenHow | null;
  viewport: Viewport;
  pageDate?: string;
  now: Date;
  on: ItemHandlers;
  /** The page's site (named on the card's "hide this claim on …"). */
  site: string;
}

/**
 * One mark's marker (and card). Called as a function, not mounted as a component: a page with
 * hundreds of marks renders them as plain elements, as cheap as one inline template.
 */
export function overlayItem({
  mark,
  rects,
  openHow,
  viewport,
  pageDate,
  now,
  on,
  site,
}: OverlayItemProps) {
  const { claim, match, key } = mark;
  const last = rects[rects.length - 1];
  const isOpen = openHow !== null;
  const card = isOpen ? cardStyle(rects, viewport) : null;
  const possible = match.band === 'possible';
  return (
    <div key={key} class="fm-item">
      <span
        class={`fm-marker fm-v-${claim.verdict}${possible ? ' fm-possible-mark' : ''}${last ? '' : ' fm-hidden'}`}
        role="button"
        // Reached by Tab in reading order through dom/tab-order.ts, not the browser's order.
        tabIndex={-1}
        aria-label={t('markerLabel', verdictLabel(claim.verdict), claim.claim)}
        aria-haspopup="dialog"
        aria-expanded={isOpen ? 'true' : 'false'}
        data-factmark-claim={claim.id}
        data-key={key}
        style={last ? { left: `${last.right}px`, top: `${last.top}px` } : undefined}
        onMouseEnter={() => on.open(key, 'hover')}
        onMouseLeave={() => on.hoverLeft()}
        onFocus={() => {
          if (on.focusOpens()) on.open(key, 'focus');
        }}
        onClick={(e) => {
          e.stopPropagation();
          on.open(key, 'click');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            on.open(key, 'click');
          } else if (e.key === 'Escape' && isOpen) {
            e.stopPropagation();
            on.close(false);
          }
        }}
      >
        <span aria-hidden="true">{VERDICT_GLYPHS[claim.verdict]}</span>
      </span>
      {card ? (
        <div
          class="fm-card-wrap"
          onMouseEnter={() => on.hoverBack()}
          onMouseLeave={() => on.hoverLeft()}
        >
          <NoteCard
            claim={claim}
            evidence={match.evidence}
            possible={possible}
            semantic={match.semantic === true}
            quote={mark.range.toString()}
            shared={match.shared}
            pageDate={pageDate}
            now={now}
            autoFocus={openHow === 'click'}
            onClose={() => on.close(true)}
            onHide={on.hide ? (kind) => on.hide?.(key, kind) : undefined}
            site={site}
            style={card}
          />
        </div>
      ) : null}
    </div>
  );
}
