import { useEffect, useRef } from 'preact/hooks';
import type { CardClaim, Evidence } from '../lib/types';
import { VERDICT_GLYPHS } from '../lib/verdict-labels';
import { segmentsOf, type Segment, type SharedSpans } from '../lib/shared-spans';
import { localDate, localStaleness, t, verdictLabel } from '../utils/i18n';
import { SourceList } from './SourceList';
import { NotThisClaim } from './NotThisClaim';
import type { HideKind } from '../lib/hidden';

export interface NoteCardProps {
  claim: CardClaim;
  evidence: Evidence;
  /** Band 'possible' marks say so on the card. */
  possible?: boolean;
  /** Found by the semantic pass ("Find restatements"): the card says so. */
  semantic?: boolean;
  /** The marked text of the page, quoted with the shared words marked. */
  quote?: string;
  /** Where the shared words are in the claim's text and in `quote` (Match `shared`). */
  shared?: SharedSpans;
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
  const stale = localStaleness(claim.reviewed, props.pageDate, props.now);
  const why = [...evidence.numbers, ...evidence.terms];
  const shared = why.length > 0 ? props.shared : undefined;
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
          {verdictLabel(claim.verdict)}
          {claim.rating ? <span class="fm-rating"> · {t('ratedAs', claim.rating)}</span> : null}
        </span>
        <button type="button" class="fm-close" aria-label={t('closeCard')} onClick={props.onClose}>
          ×
        </button>
      </div>
      {props.possible ? <p class="fm-possible">{t('possibleMatch')}</p> : null}
      <p class="fm-claim" id={`${titleId}-claim`}>
        <span class="fm-label">{t('claimChecked')} </span>
        {shared ? <Marked segments={segmentsOf(claim.claim, shared.claim)} /> : claim.claim}
        {claim.claimant ? <span class="fm-claimant"> ({claim.claimant})</span> : null}
      </p>
      {/* No note of its own ('') when it was the headline, shown as the first source's title. */}
      {claim.note ? <p class="fm-note">{claim.note}</p> : null}
      <SourceList sources={claim.sources} />
      <p class="fm-meta">
        {t('reviewed')} <time dateTime={claim.reviewed}>{localDate(claim.reviewed)}</time>
        {stale.age ? ` · ${stale.age}` : ''}
        {claim.verdictUpdated ? (
          <>
            {' · '}
            {t('verdictUpdatedOn')}{' '}
            <time dateTime={claim.verdictUpdated}>{localDate(claim.verdictUpdated)}</time>
          </>
        ) : null}
      </p>
      {claim.also && claim.also.length > 0 ? <AlsoChecked also={claim.also} /> : null}
      {stale.warning ? (
        <p class="fm-stale" role="note">
          {stale.warning}
        </p>
      ) : null}
      {why.length > 0 || props.semantic ? (
        <div class="fm-why">
          <p>
            <span class="fm-label">{t('whyMatched')} </span>
            {props.semantic ? t('whyMeaning') : t('whyShares', why.join(', '))}
          </p>
          {props.quote ? (
            <blockquote class="fm-quote" aria-label={t('onThisPage')}>
              {shared ? <Marked segments={segmentsOf(props.quote, shared.quote)} /> : props.quote}
            </blockquote>
          ) : null}
        </div>
      ) : null}
      {claim.attribution ? <p class="fm-attr">{claim.attribution}</p> : null}
      {props.onHide ? <NotThisClaim site={props.site ?? ''} onHide={props.onHide} /> : null}
      {claim.fromSet ? (
        <p class="fm-attr" data-testid="card-set">
          {t('fromClaimSet', claim.fromSet)}
        </p>
      ) : null}
    </div>
  );
}

/** The other sets' checks of the same claim: publisher, verdict, rating, link, set. */
function AlsoChecked({ also }: { also: CardClaim[] }) {
  return (
    <div class="fm-also" data-testid="card-also">
      <p class="fm-label">{t('alsoCheckedBy')}</p>
      <ul>
        {also.map((a) => (
          <li key={a.id}>
            <span class={`fm-verdict fm-v-${a.verdict}`}>{verdictLabel(a.verdict)}</span>
            {a.rating ? ` (${t('ratedAs', a.rating)})` : ''}
            {a.fromSet ? ` · ${a.fromSet}` : ''}
            <SourceList sources={a.sources.slice(0, 1)} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Text with its shared words in <mark> (why it matched). */
function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((g, i) => (g.shared ? <mark key={i}>{g.text}</mark> : g.text))}</>;
}
