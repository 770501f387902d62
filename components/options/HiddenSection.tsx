import type { HiddenEntry } from '../../lib/hidden';
import { localDate, t } from '../../utils/i18n';
import type { OptionsContext } from './types';

/** The marks hidden with "Not this claim", each restorable. */
export function HiddenSection({ hidden, onRestore }: OptionsContext) {
  if (hidden.length === 0) return <p class="fm-muted">{t('hiddenNone')}</p>;
  return (
    <ul class="fm-hidden-list" data-testid="hidden-list">
      {[...hidden].reverse().map((e) => (
        <li key={keyOf(e)}>
          <div class="fm-hidden-text">
            <span class="fm-hidden-what">
              {e.kind === 'claim' ? t('hiddenClaimOnSite', e.site) : t('hiddenMatchOnPage', e.site)}
            </span>
            <span class="fm-hidden-claim">{e.claimText || e.claim}</span>
            {e.text ? <q class="fm-muted">{e.text}</q> : null}
            <span class="fm-muted">{t('hiddenOn', localDate(e.added))}</span>
          </div>
          <button
            type="button"
            class="fm-btn"
            aria-label={t('restoreLabel', e.claimText || e.claim)}
            onClick={() => onRestore(e)}
          >
            {t('restore')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function keyOf(e: HiddenEntry): string {
  return [e.kind, e.site, e.page ?? '', e.claim, e.text ?? ''].join('|');
}
