import type { StorageNotice, StoredItemName } from '../lib/storage-notices';
import { localList, t, tn, type MessageKey } from '../utils/i18n';

export interface StorageNoticesProps {
  notices: StorageNotice[];
  onDismiss: () => void;
  /** A save that failed just now (nothing was changed). */
  saveError?: string | null;
}

const ITEM: Record<StoredItemName, MessageKey> = {
  settings: 'itemSettings',
  importedSets: 'itemImported',
  hidden: 'optHidden',
  feedConfig: 'itemFeedConfig',
};

/** Field names as the reader knows them from the popup and the options page. */
const FIELD: Record<string, MessageKey> = {
  enabled: 'everySite',
  disabledSites: 'fieldSites',
  strictness: 'matching',
  verdicts: 'showVerdicts',
  quiet: 'quietMode',
  semantic: 'semanticMode',
  intervalMinutes: 'feedCheckEvery',
  timeoutMs: 'fieldTimeout',
  maxBytes: 'fieldMaxBytes',
};

/** One notice in the reader's language: what was reset, and why. */
export function noticeText(n: StorageNotice): string {
  const label = t(ITEM[n.item]);
  if (n.reason === 'newer') return t('resetNewer', label);
  if (n.whole) return t('resetWhole', label);
  if (n.set !== undefined) return tn('resetSetClaims', n.count, n.set);
  if (n.item === 'importedSets') return tn('resetSets', n.count, localList(n.what));
  if (n.item === 'hidden') return tn('resetEntries', n.count);
  const fields = n.what.map((f) => (FIELD[f] ? t(FIELD[f]) : f));
  return tn('resetFields', n.count, label, localList(fields));
}

/** What was reset in storage and why, until dismissed; a failed save (popup, options). */
export function StorageNotices(props: StorageNoticesProps) {
  if (props.notices.length === 0 && !props.saveError) return null;
  return (
    <div class="fm-notices" data-testid="storage-notices">
      {props.saveError ? (
        <p role="alert" class="fm-save-error" data-testid="save-error">
          {t('saveFailed', props.saveError)}
        </p>
      ) : null}
      {props.notices.length > 0 ? (
        <div role="status">
          <strong>{t('resetTitle')}</strong>
          <ul>
            {props.notices.map((n) => (
              <li key={`${n.item}|${n.reason}|${n.set ?? ''}|${n.whole}`}>{noticeText(n)}</li>
            ))}
          </ul>
          <button
            type="button"
            class="fm-link-btn"
            data-testid="notices-dismiss"
            onClick={props.onDismiss}
          >
            {t('dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
