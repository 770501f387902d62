import { t } from '../../utils/i18n';

/** What leaves the browser: nothing of the page; what is kept, and where. */
export function PrivacySection() {
  return (
    <ul class="fm-privacy" data-testid="privacy">
      <li>{t('privacyPageText')}</li>
      <li>{t('privacyRequests')}</li>
      <li>{t('privacyStored')}</li>
      <li>{t('privacyHidden')}</li>
    </ul>
  );
}
