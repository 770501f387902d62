import { useEffect, useRef } from 'preact/hooks';
import type { HiddenEntry } from '../../lib/hidden';
import { localDate, t } from '../../utils/i18n';
import type { OptionsContext } from './types';

/** The marks hidden with "Not this claim", each restorable. */
export function HiddenSection({ hidden, onRestore }: OptionsContext) {
  const list = useRef<HTMLUListElement>(null);
  const none = useRef<HTMLParagraphElement>(null);
  /** Where focus goes once a restored entry has left the list: the entry now in its place. */
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    const at = focusAt.current;
    if (at === null) return;
    focusAt.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    (buttons[Math.min(at, buttons.length - 1)] ?? none.current)?.focus();
  }, [hidden]);

  if (hidden.length === 0) {
    return (
      <p class="fm-muted" ref={none} tabIndex={-1}>
        {t('hiddenNone')}
      </p>
    );
  }
  const newestFirst = [...hidden].reverse();
  return (
    <ul class="fm-hidden-list" data-testid="hidden-list" ref={list}>
      {newestFirst.map((e, i) => (
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
            onClick={() => {
              focusAt.current = i;
              onRestore(e);
            }}
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
