import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { polyfillAsEsm } from './tools/polyfill-esm';

/**
 * The Firefox add-on id: a generated UUID in braces, so the id claims no domain we do not own
 * (README "Store packages"). Never change it once published: it is the add-on's identity.
 */
export const GECKO_ID = '{cc99c325-711e-48f0-8412-2ada7f3652b9}';

/** `npm run dev`'s Chromium: Debian's, with the flags of ../shared/TOOLCHAIN.md. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Set by scripts/dev-check.ts, which starts `wxt dev` on a machine without a display.
  ...(process.env.FACTMARK_DEV_HEADLESS ? ['--headless=new', '--no-sandbox'] : []),
];

// See README.md ("Permissions") for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [polyfillAsEsm(), preact()] }),
  manifest: ({ browser, mode, manifestVersion }) => ({
    // From public/_locales/<lang>/messages.json (English, Ukrainian).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // offscreen (Chromium): the semantic channel's model runs in a worker that only an
    // offscreen document can start from an MV3 extension (utils/semantic-host.ts).
    permissions: [
      'storage',
      'contextMenus',
      'alarms',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // The model's TF.js WASM backend needs 'wasm-unsafe-eval' (never 'unsafe-eval'); every
    // script and .wasm file is the extension's own ('self').
    content_security_policy:
      browser === 'firefox' && manifestVersion === 2
        ? "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'"
        : { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    // Claim feeds: a feed's origin is asked for when the reader subscribes (README).
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    // The e2e build only (`wxt build --mode e2e`): headless Chromium cannot click the
    // permission prompt, so the test feed server's origin is granted at install instead
    // (tests/e2e/feeds.test.ts; README "Claim feeds").
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Keyboard shortcuts (changeable in the browser's shortcut settings); handled in
    // entrypoints/background.ts (utils/commands.ts).
    commands: {
      'toggle-marks': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_cmdToggle__',
      },
      'next-claim': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNext__' },
      'previous-claim': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_cmdPrevious__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    // Firefox 146+: the marks are underlines painted through ::highlight(), whose
    // text-decoration Firefox paints from 146 (the Highlight API itself is 140); README.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '146.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // `npm run dev`: WXT's dev mode opens this Chromium with the extension and reloads it on
  // change. A web-ext.config.ts of your own (git-ignored) overrides it, e.g. `disabled: true`.
  webExt: {
    binaries: { chrome: CHROMIUM, firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
    chromiumArgs: CHROMIUM_ARGS,
  },
  // `npm run zip` / `zip:firefox` (README "Store packages"). The sources zip (Firefox) holds
  // what a reviewer needs to rebuild the package with `npm ci && npm run build:firefox`: the
  // code, data/claims (compiled into public/claims by the build), data/semantic (the claims'
  // vectors, made into public/semantic) and the lockfile; not what the build writes again,
  // the tests, the bench or the docs' images.
  zip: {
    excludeSources: [
      'public/claims/**',
      'public/semantic/**',
      'cache/**',
      'coverage/**',
      'tests/**',
      'bench/**',
      'docs/**/*.png',
      'demo.png',
      '*.log',
    ],
  },
});
