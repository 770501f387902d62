import { t, verdictLabel, type MessageKey } from '../../utils/i18n';
import type { Settings } from '../../lib/settings';
import { VERDICTS, type Strictness, type Verdict } from '../../lib/types';

const STRICTNESS: { value: Strictness; label: MessageKey; hint: MessageKey }[] = [
  { value: 'strict', label: 'strict', hint: 'strictHint' },
  { value: 'balanced', label: 'balanced', hint: 'balancedHint' },
  { value: 'broad', label: 'broad', hint: 'broadHint' },
];

/** "Matching": how strict, and which verdicts to show. */
export function MatchingSettings({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (next: Settings) => void;
}) {
  return (
    <section aria-labelledby="fm-strict-h" class="fm-section">
      <h2 id="fm-strict-h">{t('matching')}</h2>
      <div role="radiogroup" aria-labelledby="fm-strict-h" class="fm-seg">
        {STRICTNESS.map((s) => (
          <label key={s.value} title={t(s.hint)}>
            <input
              type="radio"
              name="strictness"
              value={s.value}
              checked={settings.strictness === s.value}
              onChange={() => onChange({ ...settings, strictness: s.value })}
            />
            <span>{t(s.label)}</span>
          </label>
        ))}
      </div>
      <fieldset class="fm-verdicts">
        <legend>{t('showVerdicts')}</legend>
        {VERDICTS.map((v: Verdict) => (
          <label key={v} class={`fm-v-${v}`}>
            <input
              type="checkbox"
              checked={settings.verdicts.includes(v)}
              onChange={(e) =>
                onChange({
                  ...settings,
                  verdicts: e.currentTarget.checked
                    ? VERDICTS.filter((x) => x === v || settings.verdicts.includes(x))
                    : settings.verdicts.filter((x) => x !== v),
                })
              }
            />
            <span class="fm-dot" aria-hidden="true" />
            {verdictLabel(v)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
