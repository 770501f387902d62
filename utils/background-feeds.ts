/**
 * The background's feed wiring, called once from entrypoints/background.ts: the store, the
 * feed sets the matching service matches, the alarm and the panel's messages.
 */
import { browser } from 'wxt/browser';
import { FeedSets } from '../lib/feed-sets';
import { openFeedStore } from './feed-store';
import { FeedManager, FEED_ALARM, scheduleFeeds } from './feeds';
import { bumpClaimSetsChanged, readFeedConfig, saveFeedConfig } from './feed-config';
import { FeedMsg, type FeedReply, type FeedsToBackground } from './feed-messages';
import { answer } from './messaging';
import { errorMessage } from '../lib/error-message';

export function startFeeds(): FeedSets {
  const store = openFeedStore();
  // Once a changed feed is compiled and matchable, the tabs match their pages again.
  const sets = new FeedSets(store, () => {
    void bumpClaimSetsChanged();
  });
  const manager = new FeedManager({ store, onSetsChanged: () => void sets.reload() });

  void readFeedConfig().then((c) => scheduleFeeds(c.intervalMinutes));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void manager.updateAll();
  });

  const reply = async (error?: string): Promise<FeedReply> => {
    const out: FeedReply = { feeds: await manager.list(), config: await readFeedConfig() };
    if (error !== undefined) out.error = error;
    return out;
  };
  const attempt = async (f: () => Promise<unknown>): Promise<FeedReply> => {
    try {
      await f();
      return await reply();
    } catch (err) {
      return reply(errorMessage(err));
    }
  };
  answer<FeedsToBackground>({
    [FeedMsg.LIST]: () => reply(),
    [FeedMsg.ADD]: (msg) => attempt(() => manager.subscribe(String(msg.url))),
    [FeedMsg.UPDATE]: (msg) =>
      attempt(() => (typeof msg.id === 'string' ? manager.update(msg.id) : manager.updateAll())),
    [FeedMsg.REMOVE]: (msg) => attempt(() => manager.remove(String(msg.id))),
    [FeedMsg.ENABLE]: (msg) =>
      attempt(() => manager.setEnabled(String(msg.id), msg.enabled === true)),
    [FeedMsg.INTERVAL]: (msg) =>
      attempt(async () => {
        const config = await readFeedConfig();
        const minutes = Number(msg.minutes);
        if (!Number.isFinite(minutes) || minutes < 15)
          throw new Error('expected at least 15 minutes');
        await saveFeedConfig({ ...config, intervalMinutes: minutes });
        await scheduleFeeds(minutes);
      }),
  });
  return sets;
}
