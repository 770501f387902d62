import { VERDICT_GLYPHS, VERDICT_LABELS } from '../lib/verdict-labels';
import { NoteCard } from '../components/NoteCard';
import type { Mark } from './marks';

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

/** Where the card goes: below the mark, or above it when there is no room below. */
export function cardStyle(rects: readonly DOMRect[], v: Viewport): Record<string, string> | null {
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) return null;
  const left = Math.max(v.sx + 8, Math.min(first.left, v.sx + v.vw - CARD_WIDTH - 8));
  const below = last.bottom + 6;
  const roomBelow = v.sy + v.vh - below;
  const top = roomBelow < 260 && first.top - v.sy > 300 ? first.top - 6 : below;
  return {
    left: `${left}px`,
    top: `${top}px`,
    width: `${CARD_WIDTH}px`,
    transform: top < below ? 'translateY(-100%)' : 'none',
  };
}

export interface ItemHandlers {
  open(key: string, how: OpenHow): void;
  close(returnFocus: boolean): void;
  hoverLeft(): void;
  hoverBack(): void;
  /** False while focus is moved back to a marker, so that focus does not reopen its card. */
  focusOpens(): boolean;
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
        tabIndex={last ? 0 : -1}
        aria-label={`Fact check: ${VERDICT_LABELS[claim.verdict]}. ${claim.claim}`}
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
            pageDate={pageDate}
            now={now}
            autoFocus={openHow === 'click'}
            onClose={() => on.close(true)}
            style={card}
          />
        </div>
      ) : null}
    </div>
  );
}
