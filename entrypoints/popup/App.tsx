import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isActiveOn, normalizeHost, type Settings } from '../../lib/settings';
import { getSettings, watchSettings } from '../../utils/settings';
import { useStorageNotices } from '../../utils/use-storage-notices';
import { StorageNotices } from '../../components/StorageNotices';
import { claimSetActions, fetchSets } from '../../utils/claim-set-actions';
import { Msg, type PageState, type SetInfo } from '../../utils/messages';
import { sendToTab } from '../../utils/messaging';
import { ClaimSetPanel } from '../../components/ClaimSetPanel';
import { MatchingSettings } from '../../components/popup/MatchingSettings';
import { PageClaims } from '../../components/popup/PageClaims';
import { Switches } from '../../components/popup/Switches';
import { t } from '../../utils/i18n';
import { FeedsPanel } from '../../components/feeds/FeedsPanel';

/** The popup opened for a given tab (`?tab=ID`, the e2e tests and a pinned panel). */
const forTab = (): string | null => new URLSearchParams(location.search).get('tab');

/** The tab this panel is about: `?tab=ID` when opened for a given tab, else the active tab. */
async function targetTabId(): Promise<number | null> {
  const param = forTab();
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The popup: wiring of settings storage, the tab's content script and the background. */
export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<PageState | null>(null);
  const [pageError, setPageError] = useState(false);
  const [sets, setSets] = useState<SetInfo[]>([]);
  const storageNotices = useStorageNotices(setSettings);

  const refreshPage = async (id: number | null) => {
    if (id === null) return setPageError(true);
    try {
      setPage((await sendToTab(id, { type: Msg.POPUP_CS_STATE })) ?? null);
      setPageError(false);
    } catch {
      setPageError(true);
    }
  };

  const refreshSets = async () => setSets(await fetchSets());

  useEffect(() => {
    void getSettings().then(setSettings);
    void targetTabId().then((id) => {
      setTabId(id);
      void refreshPage(id);
    });
    void refreshSets();
    return watchSettings(setSettings);
  }, []);

  // The page applies a settings change; read its state again shortly after.
  useEffect(() => {
    if (!settings || tabId === null) return;
    const t = setTimeout(() => void refreshPage(tabId), 300);
    return () => clearTimeout(t);
  }, [settings, tabId]);

  if (!settings) return <main class="fm-popup" aria-busy="true" />;

  const update = storageNotices.save;
  const reveal = async (claim: string) => {
    if (tabId === null) return;
    await sendToTab(tabId, { type: Msg.POPUP_CS_REVEAL, claim }).catch(() => {});
    if (forTab() === null) window.close();
  };
  const setActions = claimSetActions(refreshSets);
  const host = page?.host ? normalizeHost(page.host) : null;
  const active = host ? isActiveOn(settings, host) : settings.enabled;

  return (
    <main class="fm-popup">
      <header class="fm-head">
        <img src="/icon/48.png" alt="" width={24} height={24} />
        <h1>Factmark</h1>
        <span class={`fm-state ${active ? 'on' : 'off'}`}>{active ? t('on') : t('off')}</span>
      </header>
      <StorageNotices
        notices={storageNotices.notices}
        saveError={storageNotices.saveError}
        onDismiss={storageNotices.dismiss}
      />
      <Switches settings={settings} host={host} onChange={update} />
      <PageClaims page={page} unreachable={pageError} active={active} onReveal={reveal} />
      {settings.quiet ? (
        <p class="fm-muted" data-testid="quiet-note">
          {t('quietNote')}
        </p>
      ) : null}
      <MatchingSettings settings={settings} onChange={update} />
      <ClaimSetPanel sets={sets} actions={setActions} />
      <FeedsPanel />
      <footer class="fm-foot">
        <span>{t('runsLocally')}</span>
        <button
          type="button"
          class="fm-link-btn fm-options-link"
          data-testid="open-options"
          onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
        >
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
