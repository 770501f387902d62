import { t } from '../../utils/i18n';
import type { OptionsContext } from './types';

/** The keyboard shortcuts (manifest `commands`) and where the browser lets you change them. */
export function ShortcutsSection({ shortcuts, onEditShortcuts }: OptionsContext) {
  return (
    <>
      <dl class="fm-shortcuts" data-testid="shortcuts">
        {shortcuts.map((s) => (
          <div key={s.name}>
            <dt>{s.description}</dt>
            <dd>
              {s.keys ? <kbd>{s.keys}</kbd> : <span class="fm-muted">{t('shortcutNone')}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p class="fm-muted">{t('shortcutsHint')}</p>
      <button type="button" class="fm-btn" onClick={onEditShortcuts}>
        {t('shortcutsEdit')}
      </button>
    </>
  );
}
