import { setSiteEnabled, type Settings } from '../../lib/settings';

/** On/off everywhere, and on/off for this site (disabled when the tab has no site). */
export function Switches({
  settings,
  host,
  onChange,
}: {
  settings: Settings;
  host: string | null;
  onChange: (next: Settings) => void;
}) {
  const siteOn = host ? !settings.disabledSites.includes(host) : true;
  return (
    <section aria-labelledby="fm-sw-h" class="fm-section">
      <h2 id="fm-sw-h" class="fm-visually-hidden">
        Switches
      </h2>
      <label class="fm-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="toggle-everywhere"
          checked={settings.enabled}
          onChange={(e) => onChange({ ...settings, enabled: e.currentTarget.checked })}
        />
        <span>Fact checks on every site</span>
      </label>
      <label class={`fm-switch${host ? '' : ' fm-disabled'}`}>
        <input
          type="checkbox"
          role="switch"
          data-testid="toggle-site"
          disabled={!host}
          checked={siteOn}
          onChange={(e) =>
            host && onChange(setSiteEnabled(settings, host, e.currentTarget.checked))
          }
        />
        <span>{host ? `On for ${host}` : 'On for this site'}</span>
      </label>
    </section>
  );
}
