import { useEffect, useRef } from 'preact/hooks';
import type { LookupHit } from '../lib/selection-lookup';
import { VERDICT_GLYPHS } from '../lib/verdict-labels';
import { t, verdictLabel } from '../utils/i18n';
import { SourceList } from './SourceList';

export interface LookupPanelProps {
  /** The selected text. */
  text: string;
  hits: LookupHit[];
  onClose: () => void;
  style?: Record<string, string>;
}

const BAND_TEXT = {
  annotate: 'lookupStrong',
  possible: 'lookupPossible',
  none: 'lookupWeak',
} as const;

/** "Check with Factmark": the best fact checks for a selection, each saying how close it is. */
export function LookupPanel(props: LookupPanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [props.text]);
  const quoted = props.text.length > 160 ? `${props.text.slice(0, 160)}…` : props.text;
  return (
    <div
      ref={ref}
      class="fm-card fm-lookup"
      role="dialog"
      aria-modal="false"
      aria-labelledby="fm-lookup-h"
      tabIndex={-1}
      style={props.style}
      data-testid="factmark-lookup"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div class="fm-card-head">
        <h2 id="fm-lookup-h" class="fm-lookup-h">
          {t('lookupTitle')}
        </h2>
        <button type="button" class="fm-close" aria-label={t('close')} onClick={props.onClose}>
          ×
        </button>
      </div>
      <p class="fm-lookup-q">
        <q>{quoted}</q>
      </p>
      {props.hits.length === 0 ? <p class="fm-muted">{t('lookupNone')}</p> : null}
      <ol class="fm-lookup-list">
        {props.hits.map((h) => (
          <li key={h.claim.id} class={`fm-v-${h.claim.verdict}`} data-claim={h.claim.id}>
            <span class={`fm-verdict fm-v-${h.claim.verdict}`}>
              <span aria-hidden="true" class="fm-glyph">
                {VERDICT_GLYPHS[h.claim.verdict]}
              </span>
              {verdictLabel(h.claim.verdict)}
            </span>
            <p class="fm-claim">{h.claim.claim}</p>
            <p class={`fm-band fm-band-${h.band ?? 'none'}`} data-testid="lookup-band">
              {t(BAND_TEXT[h.band ?? 'none'])}
            </p>
            <SourceList sources={h.claim.sources.slice(0, 1)} />
          </li>
        ))}
      </ol>
    </div>
  );
}
