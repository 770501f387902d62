import { browser } from 'wxt/browser';
import { WorkerClient, type CosineItem } from '../lib/semantic/protocol';
import type { Closeness } from '../lib/semantic/page-decision';
import { Msg } from './messages';
import { sendToOffscreen } from './messaging';

/**
 * Where the semantic channel's model runs, seen from the background (README "Semantic
 * channel"): a dedicated worker (entrypoints/semantic-worker.ts), off every page's thread.
 * Chromium's MV3 service worker cannot start one, so it opens an offscreen document
 * (entrypoints/semantic/) that does; Firefox's background is a page and starts it itself.
 * Started on the first request only (pages with no candidate paragraph never load the
 * model), stopped after IDLE_MINUTES without one, to give back its memory.
 */
const IDLE_MINUTES = 3;
const IDLE_ALARM = 'semantic-idle';
const OFFSCREEN_PAGE = 'semantic.html';

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
interface ChromeApi {
  offscreen?: OffscreenApi;
  runtime?: {
    getContexts?(f: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
  };
}

/** The model's worker (entrypoints/semantic-worker.ts), from a page of the extension. */
export const startSemanticWorker = (): WorkerClient =>
  new WorkerClient(new Worker(browser.runtime.getURL('/semantic-worker.js')));

export function semanticHost(): (items: CosineItem[]) => Promise<Closeness[]> {
  const chrome = (globalThis as { chrome?: ChromeApi }).chrome;
  const offscreen = chrome?.offscreen;
  let stop: () => Promise<void> = async () => {};
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === IDLE_ALARM) void stop();
  });
  const touch = () => void browser.alarms.create(IDLE_ALARM, { delayInMinutes: IDLE_MINUTES });

  if (offscreen) {
    const url = browser.runtime.getURL(`/${OFFSCREEN_PAGE}`);
    let opening: Promise<void> | null = null;
    const open = async (): Promise<void> => {
      const have = await chrome.runtime?.getContexts?.({
        contextTypes: ['OFFSCREEN_DOCUMENT'],
        documentUrls: [url],
      });
      if (have && have.length > 0) return;
      await offscreen.createDocument({
        url: OFFSCREEN_PAGE,
        reasons: ['WORKERS'],
        justification: 'Runs the local language model that finds restated claims.',
      });
    };
    stop = async () => {
      await offscreen.closeDocument().catch(() => {});
    };
    return async (items) => {
      touch();
      opening ??= open().finally(() => (opening = null));
      await opening;
      const reply = await sendToOffscreen({ type: Msg.BG_OFFSCREEN_COSINES, items });
      if (!reply) throw new Error('the offscreen document did not answer');
      if ('error' in reply) throw new Error(reply.error);
      return reply.close;
    };
  }

  let client: WorkerClient | null = null;
  stop = async () => {
    if (client?.busy) return touch();
    client?.terminate();
    client = null;
  };
  return (items) => {
    touch();
    client ??= startSemanticWorker();
    return client.closeness(items);
  };
}
