/**
 * "Find restatements" when the model cannot run: a build whose claim vectors are damaged (the
 * worker refuses a table that does not fit its meta file). The page keeps its lexical marks,
 * and the options page tells the reader, under the switch, what failed.
 */
import { cp, mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, serveStatic } from '../../tools/browser-harness';
import { openOptions, SEED_IDS, waitForMarks, waitForScans, type Env } from './helpers';

let env: Env;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factmark-broken-model-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await truncate(join(dir, 'semantic', 'claims.fmv'), 4096);
  const server = await serveStatic('tests/fixtures/pages');
  const ext = await launchWithExtension({ extensionDir: dir });
  env = { ext, server, context: ext.context };
}, 60_000);
afterAll(async () => {
  await env?.ext.close();
  await env?.server.close();
  await rm(dir, { recursive: true, force: true });
});

test('a model that fails leaves the lexical marks and is reported in the options page', async () => {
  const options = await openOptions(env);
  await options.getByTestId('toggle-semantic').check();
  expect(await options.getByTestId('semantic-failed').count()).toBe(0);

  // restated.html sends its candidate paragraph to the model, which cannot load.
  const restated = await env.context.newPage();
  await restated.goto(`${env.server.origin}/restated.html`);
  await waitForScans(restated);
  const status = options.getByTestId('semantic-failed');
  await expect.poll(() => status.count(), { timeout: 60_000 }).toBe(1);
  expect(await status.textContent()).toMatch(
    /Restatements could not be looked for on the last try \(.+\): .*claims\.fmv.*Pages keep their other marks/,
  );

  // The demo article's lexical marks are all there, the option still on.
  const demo = await env.context.newPage();
  await demo.goto(`${env.server.origin}/demo-article.html`);
  expect(await waitForMarks(demo, SEED_IDS.length)).toEqual([...SEED_IDS].sort());
  await options.bringToFront();
  expect(await options.getByTestId('toggle-semantic').isChecked()).toBe(true);
}, 120_000);
