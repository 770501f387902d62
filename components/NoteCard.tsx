import { useEffect, useRef } from 'preact/hooks';
import type { ClaimRecord, Evidence } from '../lib/types';
import { formatDate, staleness } from '../lib/format';
import { VERDICT_GLYPHS, VERDICT_LABELS } from '../lib/verdict-labels';
import { SourceList } from './SourceList';
import { NotThisClaim } from './NotThisClaim';
import type { HideKind } from '../lib/hidden';

export interface NoteCardProps {
  claim: ClaimRecord;
  evidence: Evidence;
  /** Band 'possible' marks say so on the card. */
  possible?: boolean;
  /** The page's own publication date, if known. */
  pageDate?: string;
  now: Date;
  /** Moves focus into the card when it opens (keyboard or click), not on hover. */
  autoFocus: boolean;
  onClose: () => void;
  /** "Not this claim": hides the mark (this match on this page, or the claim on `site`). */
  onHide?: (kind: HideKind) => void;
  /** The page's site, named on the card's "hide on this site". */
  site?: string;
  style?: Record<string, string>;
}

/** The note card: verdict, claim as checked, note, sources, review date, why it matched. */
export function NoteCard(props: NoteCardProps) {
  const { claim, evidence } = props;
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `fm-title-${claim.id}`;
  useEffect(() => {
    if (props.autoFocus) ref.current?.focus();
  }, [props.autoFocus, claim.id]);
  const stale = staleness(claim.reviewed, props.pageDate, props.now);
  const why = [...evidence.numbers, ...evidence.terms];
  return (
    <div
      ref={ref}
      class={`fm-card fm-v-${claim.verdict}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${titleId} ${titleId}-claim`}
      tabIndex={-1}
      style={props.style}
      data-testid="factmark-card"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div class="fm-card-head">
        <span class={`fm-verdict fm-v-${claim.verdict}`} id={titleId}>
          <span aria-hidden="true" class="fm-glyph">
            {VERDICT_GLYPHS[claim.verdict]}
          </span>
          {VERDICT_LABELS[claim.verdict]}
          {claim.rating ? <span class="fm-rating"> · rated “{claim.rating}”</span> : null}
        </span>
        <button
          type="button"
          class="fm-close"
          aria-label="Close fact check"
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      {props.possible ? (
        <p class="fm-possible">Possible match: this sentence may not state the claim.</p>
      ) : null}
      <p class="fm-claim" id={`${titleId}-claim`}>
        <span class="fm-label">Claim checked: </span>
        {claim.claim}
        {claim.claimant ? <span class="fm-claimant"> ({claim.claimant})</span> : null}
      </p>
      {/* No note of its own ('') when it was the headline, shown as the first source's title. */}
      {claim.note ? <p class="fm-note">{claim.note}</p> : null}
      <SourceList sources={claim.sources} />
      <p class="fm-meta">
        Reviewed <time dateTime={claim.reviewed}>{formatDate(claim.reviewed)}</time>
        {stale.age ? ` · ${stale.age}` : ''}
      </p>
      {stale.warning ? (
        <p class="fm-stale" role="note">
          {stale.warning}
        </p>
      ) : null}
      {why.length > 0 ? (
        <p class="fm-why">
          <span class="fm-label">Why this sentence matched: </span>
          it shares{' '}
          {why.map((w, i) => (
            <span key={i}>
              {i > 0 ? ', ' : ''}
              <mark>{w}</mark>
            </span>
          ))}{' '}
          with the claim.
        </p>
      ) : null}
      {claim.attribution ? <p class="fm-attr">{claim.attribution}</p> : null}
      {props.onHide ? <NotThisClaim site={props.site ?? ''} onHide={props.onHide} /> : null}
    </div>
  );
}
