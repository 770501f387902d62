import { VERDICT_LABELS } from '../../lib/verdict-labels';
import type { Settings } from '../../lib/settings';
import { VERDICTS, type Strictness, type Verdict } from '../../lib/types';

const STRICTNESS: { value: Strictness; label: string; hint: string }[] = [
  { value: 'strict', label: 'Strict', hint: 'Only the surest matches' },
  { value: 'balanced', label: 'Balanced', hint: 'Recommended' },
  { value: 'broad', label: 'Broad', hint: 'Also possible matches' },
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
      <h2 id="fm-strict-h">Matching</h2>
      <div role="radiogroup" aria-labelledby="fm-strict-h" class="fm-seg">
        {STRICTNESS.map((s) => (
          <label key={s.value} title={s.hint}>
            <input
              type="radio"
              name="strictness"
              value={s.value}
              checked={settings.strictness === s.value}
              onChange={() => onChange({ ...settings, strictness: s.value })}
            />
            <span>{s.label}</span>
          </label>
        ))}
      </div>
      <fieldset class="fm-verdicts">
        <legend>Show verdicts</legend>
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
            {VERDICT_LABELS[v]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
