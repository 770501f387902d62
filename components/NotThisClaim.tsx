import { useState } from 'preact/hooks';
import type { HideKind } from '../lib/hidden';
import { t } from '../utils/i18n';

/**
 * "Not this claim" on the card: a disclosure with the two ways to hide a wrong mark (this
 * match on this page, this claim on this site). What hiding does is the caller's (`onHide`).
 */
export function NotThisClaim({ site, onHide }: { site: string; onHide: (kind: HideKind) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div class="fm-not">
      <button
        type="button"
        class="fm-not-toggle"
        aria-expanded={open ? 'true' : 'false'}
        data-testid="not-this-claim"
        onClick={() => setOpen(!open)}
      >
        {t('notThisClaim')}
      </button>
      {open ? (
        <div class="fm-not-choices">
          <button type="button" data-testid="hide-match" onClick={() => onHide('match')}>
            {t('hideMatch')}
          </button>
          <button type="button" data-testid="hide-claim" onClick={() => onHide('claim')}>
            {t('hideClaimOnSite', site)}
          </button>
        </div>
      ) : null}
    </div>
  );
}
