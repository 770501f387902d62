import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '../../lib/settings';
import { getSettings, watchSettings } from '../../utils/settings';
import { useStorageNotices } from '../../utils/use-storage-notices';
import { readSemanticFailure, watchSemanticFailure } from '../../utils/semantic-status';
import type { SemanticFailure } from '../../lib/semantic/failure';
import { StorageNotices } from '../../components/StorageNotices';
import { claimSetActions, fetchSets } from '../../utils/claim-set-actions';
import { readHidden, unhide, watchHidden, type HiddenEntry } from '../../utils/hidden';
import type { SetInfo } from '../../utils/messages';
import { t } from '../../utils/i18n';
import type { OptionsContext, OptionsSection, Shortcut } from '../../components/options/types';
import { DisplaySection } from '../../components/options/DisplaySection';
import { ClaimSetsSection } from '../../components/options/ClaimSetsSection';
import { HiddenSection } from '../../components/options/HiddenSection';
import { ShortcutsSection } from '../../components/options/ShortcutsSection';
import { PrivacySection } from '../../components/options/PrivacySection';
import { FeedsPanel } from '../../components/feeds/FeedsPanel';

/**
 * The options page's sections, in order. Each is one component under components/options/
 * (or its own folder), given the same OptionsContext. To add a section (e.g. Feeds, issue
 * 12), add one entry here; the page's table of contents and headings follow.
 */
const SECTIONS: OptionsSection[] = [
  { id: 'display', title: t('optDisplay'), render: (c) => <DisplaySection {...c} /> },
  { id: 'sets', title: t('optClaimSets'), render: (c) => <ClaimSetsSection {...c} /> },
  { id: 'feeds', title: t('optFeeds'), render: () => <FeedsPanel inSection /> },
  { id: 'hidden', title: t('optHidden'), render: (c) => <HiddenSection {...c} /> },
  { id: 'shortcuts', title: t('optShortcuts'), render: (c) => <ShortcutsSection {...c} /> },
  { id: 'privacy', title: t('optPrivacy'), render: () => <PrivacySection /> },
];

async function readShortcuts(): Promise<Shortcut[]> {
  try {
    const all = await browser.commands.getAll();
    return all
      .filter((c) => c.name && c.name !== '_execute_action' && c.name !== '_execute_browser_action')
      .map((c) => ({
        name: c.name ?? '',
        description: c.description ?? '',
        keys: c.shortcut ?? '',
      }));
  } catch {
    return [];
  }
}

/** The browser's page for changing extension shortcuts. */
async function editShortcuts(): Promise<void> {
  const cmds = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (cmds.openShortcutSettings) return cmds.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** The options page: wiring of settings, claim sets, hidden marks and shortcuts. */
export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sets, setSets] = useState<SetInfo[]>([]);
  const [hidden, setHidden] = useState<HiddenEntry[]>([]);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [semanticFailure, setSemanticFailure] = useState<SemanticFailure | null>(null);
  const storageNotices = useStorageNotices(setSettings);

  const refreshSets = async () => setSets(await fetchSets());

  useEffect(() => {
    void getSettings().then(setSettings);
    void readHidden().then(setHidden);
    void readShortcuts().then(setShortcuts);
    void refreshSets();
    void readSemanticFailure().then(setSemanticFailure);
    const a = watchSettings(setSettings);
    const b = watchHidden(setHidden);
    const c = watchSemanticFailure(setSemanticFailure);
    return () => {
      a();
      b();
      c();
    };
  }, []);

  if (!settings) return <main class="fm-options" aria-busy="true" />;

  const setActions = claimSetActions(refreshSets);
  const ctx: OptionsContext = {
    settings,
    onSettings: storageNotices.save,
    sets,
    setActions,
    hidden,
    onRestore: (entry) => void unhide(entry),
    shortcuts,
    onEditShortcuts: () => void editShortcuts(),
    semanticFailure,
  };

  return (
    <div class="fm-options">
      <header class="fm-head">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <nav aria-label={t('optContents')} class="fm-toc">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <StorageNotices
        notices={storageNotices.notices}
        saveError={storageNotices.saveError}
        onDismiss={storageNotices.dismiss}
      />
      <main>
        {SECTIONS.map((s) => (
          <section key={s.id} id={s.id} aria-labelledby={`${s.id}-h`} class="fm-section">
            <h2 id={`${s.id}-h`}>{s.title}</h2>
            {s.render(ctx)}
          </section>
        ))}
      </main>
    </div>
  );
}
