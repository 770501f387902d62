import type { Settings } from '../../lib/settings';
import { localDateTime, t, type MessageKey } from '../../utils/i18n';
import type { OptionsContext } from './types';

/** A setting's switch with the hint that describes it. */
function SettingSwitch({
  field,
  label,
  hint,
  settings,
  onSettings,
}: OptionsContext & { field: 'quiet' | 'semantic'; label: MessageKey; hint: MessageKey }) {
  const hintId = `fm-${field}-hint`;
  return (
    <>
      <label class="fm-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid={`toggle-${field}`}
          checked={settings[field]}
          aria-describedby={hintId}
          onChange={(e) =>
            onSettings({ ...settings, [field]: e.currentTarget.checked } as Settings)
          }
        />
        <span>{t(label)}</span>
      </label>
      <p id={hintId} class="fm-muted">
        {t(hint)}
      </p>
    </>
  );
}

/** How marks are shown on pages (quiet mode) and what is marked (restatements too). */
export function DisplaySection(ctx: OptionsContext) {
  return (
    <>
      <SettingSwitch {...ctx} field="quiet" label="quietMode" hint="quietModeHint" />
      <SettingSwitch {...ctx} field="semantic" label="semanticMode" hint="semanticModeHint" />
      {ctx.settings.semantic && ctx.semanticFailure && (
        <p role="status" class="fm-semantic-failed" data-testid="semantic-failed">
          {t('semanticFailed', localDateTime(ctx.semanticFailure.at), ctx.semanticFailure.error)}
        </p>
      )}
    </>
  );
}
