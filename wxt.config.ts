import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README.md ("Permissions") for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    // From public/_locales/<lang>/messages.json (English, Ukrainian).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'alarms'],
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
              id: 'factmark@factmark.example',
              strict_min_version: '146.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
});
