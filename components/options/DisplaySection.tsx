import { t } from '../../utils/i18n';
import type { OptionsContext } from './types';

/** How marks are shown on pages: quiet mode. */
export function DisplaySection({ settings, onSettings }: OptionsContext) {
  return (
    <>
      <label class="fm-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="toggle-quiet"
          checked={settings.quiet}
          aria-describedby="fm-quiet-hint"
          onChange={(e) => onSettings({ ...settings, quiet: e.currentTarget.checked })}
        />
        <span>{t('quietMode')}</span>
      </label>
      <p id="fm-quiet-hint" class="fm-muted">
        {t('quietModeHint')}
      </p>
    </>
  );
}
