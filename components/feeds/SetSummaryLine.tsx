import './feeds.css';
import { isStale, type SetSummary } from '../../lib/feeds/summary';
import { localSummary, t } from '../../utils/i18n';

/**
 * What a claim set says about itself: its publishers and review dates ("PolitiFact and
 * Snopes, reviewed 2007–2021"), its licence or attribution lines, and a note when its
 * newest review is more than a year old.
 */
export function SetSummaryLine({ summary, now }: { summary?: SetSummary; now: Date }) {
  if (!summary) return null;
  return (
    <>
      <span class="fm-set-summary" data-testid="set-summary">
        {localSummary(summary)}
      </span>
      {summary.attributions.length > 0 ? (
        <span class="fm-set-licence">{summary.attributions.join(' ')}</span>
      ) : (
        <span class="fm-set-licence">{t('setNoLicence')}</span>
      )}
      {isStale(summary, now) ? (
        <span class="fm-stale" role="note" data-testid="set-stale">
          {t('setStaleNote')}
        </span>
      ) : null}
    </>
  );
}
