import { useEffect, useRef } from 'preact/hooks';
import type { CardClaim, Evidence } from '../lib/types';
import { formatDate, staleness } from '../lib/format';
import { VERDICT_GLYPHS, VERDICT_LABELS } from '../lib/verdict-labels';
import { SourceList } from './SourceList';

export interface NoteCardProps {
  claim: CardClaim;
  evidence: Evidence;
  /** Band 'possible' marks say so on the card. */
  possible?: boolean;
  /** The page's own publication date, if known. */
  pageDate?: string;
  now: Date;
  /** Moves focus into the card when it opens (keyboard or click), not on hover. */
  autoFocus: boolean;
  onClose: () => void;
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
      aria-labelledby={titleId}
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
      <header class="fm-card-head">
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
      </header>
      {props.possible ? (
        <p class="fm-possible">Possible match: this sentence may not state the claim.</p>
      ) : null}
      <p class="fm-claim">
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
        {claim.verdictUpdated ? (
          <>
            {' · '}verdict updated on{' '}
            <time dateTime={claim.verdictUpdated}>{formatDate(claim.verdictUpdated)}</time>
          </>
        ) : null}
      </p>
      {claim.also && claim.also.length > 0 ? <AlsoChecked also={claim.also} /> : null}
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
      {claim.fromSet ? (
        <p class="fm-attr" data-testid="card-set">
          From the claim set “{claim.fromSet}”.
        </p>
      ) : null}
    </div>
  );
}

/** The other sets' checks of the same claim: publisher, verdict, rating, link, set. */
function AlsoChecked({ also }: { also: CardClaim[] }) {
  return (
    <div class="fm-also" data-testid="card-also">
      <p class="fm-label">Also checked by:</p>
      <ul>
        {also.map((a) => (
          <li key={a.id}>
            <span class={`fm-verdict fm-v-${a.verdict}`}>{VERDICT_LABELS[a.verdict]}</span>
            {a.rating ? ` (“${a.rating}”)` : ''}
            {a.fromSet ? ` · ${a.fromSet}` : ''}
            <SourceList sources={a.sources.slice(0, 1)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
