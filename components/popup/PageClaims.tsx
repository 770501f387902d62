import { VERDICT_GLYPHS } from '../../lib/verdict-labels';
import { t, tn, verdictLabel } from '../../utils/i18n';
import type { PageState } from '../../utils/messages';

/**
 * "On this page": the tab's claims (click: scroll to one with its card open), or why none. The
 * heading counts them: the list scrolls past a few, and the count says there are more.
 */
export function PageClaims({
  page,
  unreachable,
  active,
  onReveal,
}: {
  page: PageState | null;
  /** The tab has no content script (a browser page, the store). */
  unreachable: boolean;
  active: boolean;
  onReveal: (claimId: string) => void;
}) {
  return (
    <section aria-labelledby="fm-claims-h" class="fm-section">
      <h2 id="fm-claims-h">
        {t('onThisPage')}
        {active && page && page.claims.length > 0 ? (
          <span data-testid="page-claims-count">
            {' · '}
            {tn('onThisPageCount', page.claims.length)}
          </span>
        ) : null}
      </h2>
      {active && page?.stoppedAt !== undefined ? (
        <p class="fm-note" role="note" data-testid="stopped-early">
          {t('pageStoppedEarly', page.stoppedAt)}
        </p>
      ) : null}
      {unreachable ? (
        <p class="fm-muted">{t('pageUnreachable')}</p>
      ) : !page ? (
        <p class="fm-muted">{t('pageReading')}</p>
      ) : !active ? (
        <p class="fm-muted">{t('pageOff')}</p>
      ) : page.claims.length === 0 ? (
        <p class="fm-muted">{t('pageNone')}</p>
      ) : (
        <ul class="fm-claims" data-testid="page-claims">
          {page.claims.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                class={`fm-claim fm-v-${c.verdict}`}
                data-claim={c.id}
                onClick={() => onReveal(c.id)}
              >
                <span class="fm-glyph" aria-hidden="true">
                  {VERDICT_GLYPHS[c.verdict]}
                </span>
                <span class="fm-claim-text">
                  <span class="fm-verdict">{verdictLabel(c.verdict)}</span>
                  {c.claim}
                </span>
                {c.count > 1 ? <span class="fm-count">×{c.count}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
