import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { VERDICTS, type Strictness, type Verdict } from '../../lib/types';
import { formatDate } from '../../lib/format';
import { VERDICT_GLYPHS, VERDICT_LABELS } from '../../lib/verdict-labels';
import { isActiveOn, normalizeHost, setSiteEnabled, type Settings } from '../../lib/settings';
import { getSettings, saveSettings, watchSettings } from '../../utils/settings';
import { Msg, type PageState, type SetInfo } from '../../utils/messages';
import { ClaimSetPanel } from '../../components/ClaimSetPanel';

/** The tab this panel is about: `?tab=ID` when opened for a given tab, else the active tab. */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const STRICTNESS: { value: Strictness; label: string; hint: string }[] = [
  { value: 'strict', label: 'Strict', hint: 'Only the surest matches' },
  { value: 'balanced', label: 'Balanced', hint: 'Recommended' },
  { value: 'broad', label: 'Broad', hint: 'Also possible matches' },
];

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<PageState | null>(null);
  const [pageError, setPageError] = useState(false);
  const [sets, setSets] = useState<SetInfo[]>([]);

  const refreshPage = async (id: number | null) => {
    if (id === null) return setPageError(true);
    try {
      const state = (await browser.tabs.sendMessage(id, { type: Msg.POPUP_CS_STATE })) as PageState;
      setPage(state);
      setPageError(false);
    } catch {
      setPageError(true);
    }
  };

  const refreshSets = async () => {
    try {
      setSets((await browser.runtime.sendMessage({ type: Msg.POPUP_BG_SETS })) as SetInfo[]);
    } catch {
      setSets([]);
    }
  };

  useEffect(() => {
    void getSettings().then(setSettings);
    void targetTabId().then((id) => {
      setTabId(id);
      void refreshPage(id);
    });
    void refreshSets();
    return watchSettings(setSettings);
  }, []);

  // The page re-annotates after a settings change; read its state again shortly after.
  useEffect(() => {
    if (!settings || tabId === null) return;
    const t = setTimeout(() => void refreshPage(tabId), 300);
    return () => clearTimeout(t);
  }, [settings, tabId]);

  if (!settings) return <main class="fm-popup" aria-busy="true" />;

  const update = (next: Settings) => {
    setSettings(next);
    void saveSettings(next);
  };
  const host = page?.host ? normalizeHost(page.host) : null;
  const siteOn = host ? !settings.disabledSites.includes(host) : true;
  const active = host ? isActiveOn(settings, host) : settings.enabled;
  const bundled = sets.find((s) => s.builtin);

  return (
    <main class="fm-popup">
      <header class="fm-head">
        <img src="/icon/48.png" alt="" width={24} height={24} />
        <h1>Factmark</h1>
        <span class={`fm-state ${active ? 'on' : 'off'}`}>{active ? 'On' : 'Off'}</span>
      </header>

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
            onChange={(e) => update({ ...settings, enabled: e.currentTarget.checked })}
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
              host && update(setSiteEnabled(settings, host, e.currentTarget.checked))
            }
          />
          <span>{host ? `On for ${host}` : 'On for this site'}</span>
        </label>
      </section>

      <section aria-labelledby="fm-claims-h" class="fm-section">
        <h2 id="fm-claims-h">On this page</h2>
        {pageError ? (
          <p class="fm-muted">Factmark does not run on this page.</p>
        ) : !page ? (
          <p class="fm-muted">Reading the page…</p>
        ) : !active ? (
          <p class="fm-muted">Factmark is off here.</p>
        ) : page.claims.length === 0 ? (
          <p class="fm-muted">No checked claims found on this page.</p>
        ) : (
          <ul class="fm-claims" data-testid="page-claims">
            {page.claims.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  class={`fm-claim fm-v-${c.verdict}`}
                  data-claim={c.id}
                  onClick={async () => {
                    if (tabId === null) return;
                    await browser.tabs
                      .sendMessage(tabId, { type: Msg.POPUP_CS_REVEAL, claim: c.id })
                      .catch(() => {});
                    if (!new URLSearchParams(location.search).has('tab')) window.close();
                  }}
                >
                  <span class="fm-glyph" aria-hidden="true">
                    {VERDICT_GLYPHS[c.verdict]}
                  </span>
                  <span class="fm-claim-text">
                    <span class="fm-verdict">{VERDICT_LABELS[c.verdict]}</span>
                    {c.claim}
                  </span>
                  {c.count > 1 ? <span class="fm-count">×{c.count}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

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
                onChange={() => update({ ...settings, strictness: s.value })}
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
                  update({
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

      <ClaimSetPanel sets={sets} onChanged={refreshSets} />

      <footer class="fm-foot">
        {bundled ? (
          <span data-testid="set-info">
            {bundled.name}: {bundled.count.toLocaleString('en')} claims, {formatDate(bundled.date)}
          </span>
        ) : null}
        <span>Runs in your browser. No page text leaves it.</span>
      </footer>
    </main>
  );
}
