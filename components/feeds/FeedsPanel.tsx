import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isStale } from '../../lib/feeds/summary';
import { localDate, localSummary, t, tn, type MessageKey } from '../../utils/i18n';
import { feedUrlProblem, originPattern, type FeedState } from '../../lib/feeds/feed-state';
import { FEED_INTERVALS } from '../../utils/feed-config';
import './feeds.css';
import { FeedMsg, sendFeedMessage, type FeedReply } from '../../utils/feed-messages';
import { errorMessage } from '../../lib/error-message';

const INTERVAL_KEYS: Partial<Record<number, MessageKey>> = {
  60: 'feedEveryHour',
  360: 'feedEvery6Hours',
  1440: 'feedDaily',
  10080: 'feedWeekly',
};
const intervalLabel = (m: number): string => {
  const key = INTERVAL_KEYS[m];
  return key ? t(key) : t('feedEveryMinutes', m);
};

/** "2 Dec 2026, 14:05" in the reader's time zone. */
function when(iso: string | undefined): string {
  if (!iso) return t('feedNever');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = d.toTimeString().slice(0, 5);
  return `${localDate(iso.slice(0, 10))}, ${time}`;
}

/**
 * Claim feeds: subscribe by URL (the feed's origin is asked for here, from the click), each
 * feed's row with its claims, publishers, review dates, last success, last attempt and error,
 * update now, switch and remove, and how often feeds are fetched. Self-contained: it talks to
 * the background itself (utils/feed-messages.ts), so any extension page can mount it.
 */
export function FeedsPanel({
  now = new Date(),
  inSection = false,
}: {
  now?: Date;
  /** Inside a page section that has its own heading (the options page): no landmark of its own. */
  inSection?: boolean;
}) {
  const [state, setState] = useState<FeedReply | null>(null);
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const apply = (r: FeedReply | undefined, ok: string | ((r: FeedReply) => string)) => {
    if (!r) return setStatus(t('feedNoAnswer'));
    setState(r);
    setStatus(r.error ? t('feedError', r.error) : typeof ok === 'string' ? ok : ok(r));
  };
  useEffect(() => {
    void sendFeedMessage({ type: FeedMsg.LIST }).then((r) => r && setState(r));
  }, []);

  const subscribe = async (e: Event) => {
    e.preventDefault();
    const u = url.trim();
    const problem = feedUrlProblem(u);
    const origin = originPattern(u);
    if (problem || !origin) return setStatus(t('feedError', problem ?? t('feedNotUrl')));
    // Asked from this click (a user gesture); only this origin, only now.
    let granted: boolean;
    try {
      granted = await browser.permissions.request({ origins: [origin] });
    } catch (err) {
      return setStatus(t('feedError', errorMessage(err)));
    }
    if (!granted) return setStatus(t('feedNotGranted', origin));
    setBusy(true);
    setStatus(t('feedDownloading'));
    const r = await sendFeedMessage({ type: FeedMsg.ADD, url: u });
    setBusy(false);
    if (r && !r.error) setUrl('');
    apply(r, t('feedSubscribed', u));
  };
  const act = async (
    p: Promise<FeedReply | undefined>,
    ok: string | ((r: FeedReply) => string),
  ) => {
    setBusy(true);
    apply(await p, ok);
    setBusy(false);
  };

  const feeds = state?.feeds ?? [];
  const Wrap = inSection ? 'div' : 'section';
  return (
    <Wrap
      {...(inSection ? {} : { 'aria-labelledby': 'fm-feeds-h' })}
      class={inSection ? 'fm-feeds' : 'fm-section fm-feeds'}
      data-testid="feeds-panel"
    >
      {inSection ? null : <h2 id="fm-feeds-h">{t('optFeeds')}</h2>}
      <p class="fm-muted">{t('feedsIntro')}</p>
      {feeds.length > 0 ? (
        <ul class="fm-feed-list" data-testid="feed-list">
          {feeds.map((f) => (
            <FeedRow
              key={f.id}
              feed={f}
              now={now}
              busy={busy}
              onUpdate={() =>
                void act(sendFeedMessage({ type: FeedMsg.UPDATE, id: f.id }), (r) => {
                  const row = r.feeds.find((x) => x.id === f.id);
                  return row?.error ? t('feedUpdateFailed', row.error) : t('feedChecked', f.name);
                })
              }
              onEnable={(enabled) =>
                void act(sendFeedMessage({ type: FeedMsg.ENABLE, id: f.id, enabled }), '')
              }
              onRemove={() =>
                void act(
                  sendFeedMessage({ type: FeedMsg.REMOVE, id: f.id }),
                  t('feedRemoved', f.name),
                )
              }
            />
          ))}
        </ul>
      ) : null}
      <form class="fm-feed-add" onSubmit={(e) => void subscribe(e)}>
        <label for="fm-feed-url">{t('feedUrlLabel')}</label>
        <input
          id="fm-feed-url"
          type="url"
          required
          placeholder="https://"
          data-testid="feed-url"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy} data-testid="feed-subscribe">
          {t('feedSubscribe')}
        </button>
      </form>
      {state ? (
        <div class="fm-feed-controls">
          <label>
            {t('feedCheckEvery')}{' '}
            <select
              data-testid="feed-interval"
              value={String(state.config.intervalMinutes)}
              onChange={(e) =>
                void act(
                  sendFeedMessage({
                    type: FeedMsg.INTERVAL,
                    minutes: Number(e.currentTarget.value),
                  }),
                  t('feedScheduleSaved'),
                )
              }
            >
              {FEED_INTERVALS.map((m) => (
                <option key={m} value={String(m)}>
                  {intervalLabel(m)}
                </option>
              ))}
            </select>
          </label>
          {feeds.length > 0 ? (
            <button
              type="button"
              disabled={busy}
              data-testid="feed-update-all"
              onClick={() =>
                void act(sendFeedMessage({ type: FeedMsg.UPDATE }), t('feedCheckedAll'))
              }
            >
              {t('feedUpdateAll')}
            </button>
          ) : null}
        </div>
      ) : null}
      <p role="status" class="fm-muted" data-testid="feed-status">
        {status}
      </p>
    </Wrap>
  );
}

function FeedRow(props: {
  feed: FeedState;
  now: Date;
  busy: boolean;
  onUpdate: () => void;
  onEnable: (enabled: boolean) => void;
  onRemove: () => void;
}) {
  const f = props.feed;
  const stale = f.summary ? isStale(f.summary, props.now) : false;
  return (
    <li data-testid="feed-row" data-feed={f.url}>
      <label class="fm-switch">
        <input
          type="checkbox"
          role="switch"
          checked={f.enabled}
          disabled={props.busy}
          onChange={(e) => props.onEnable(e.currentTarget.checked)}
        />
        <span class="fm-feed-name">{f.name}</span>
      </label>
      <p class="fm-feed-meta" data-testid="feed-meta">
        {tn('feedClaims', f.count)}
        {f.summary ? ` · ${localSummary(f.summary)}` : ''}
        {f.updated ? ` · ${tn('feedVerdictsUpdated', f.updated)}` : ''}
      </p>
      {stale ? (
        <p class="fm-stale" role="note">
          {t('feedStale')}
        </p>
      ) : null}
      <p class="fm-feed-times" data-testid="feed-times">
        {t('feedTimes', when(f.lastSuccess), when(f.lastAttempt))}
      </p>
      {f.error ? (
        <p class="fm-feed-error" role="alert" data-testid="feed-error">
          {f.error}
        </p>
      ) : null}
      {f.problems && f.problems.length > 0 ? (
        <details class="fm-feed-problems">
          <summary>{tn('feedLeftOut', f.problems.length)}</summary>
          <ul>
            {f.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div class="fm-actions">
        <button
          type="button"
          disabled={props.busy}
          data-testid="feed-update"
          onClick={props.onUpdate}
        >
          {t('feedUpdateNow')}
        </button>
        <button
          type="button"
          class="fm-link-btn"
          disabled={props.busy}
          aria-label={t('removeSetLabel', f.name)}
          onClick={props.onRemove}
        >
          {t('remove')}
        </button>
      </div>
    </li>
  );
}
