import { setSiteEnabled, type Settings } from '../../lib/settings';
import { t } from '../../utils/i18n';

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
        {t('switches')}
      </h2>
      <label class="fm-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="toggle-everywhere"
          checked={settings.enabled}
          onChange={(e) => onChange({ ...settings, enabled: e.currentTarget.checked })}
        />
        <span>{t('everySite')}</span>
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
        <span>{host ? t('onForSite', host) : t('onForThisSite')}</span>
      </label>
    </section>
  );
}
