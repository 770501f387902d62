import './feeds.css';
import { describeSummary, isStale, type SetSummary } from '../../lib/feeds/summary';

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
        {describeSummary(summary)}
      </span>
      {summary.attributions.length > 0 ? (
        <span class="fm-set-licence">{summary.attributions.join(' ')}</span>
      ) : (
        <span class="fm-set-licence">No licence or attribution given with the data.</span>
      )}
      {isStale(summary, now) ? (
        <span class="fm-stale" role="note" data-testid="set-stale">
          Its newest fact check is more than a year old.
        </span>
      ) : null}
    </>
  );
}
