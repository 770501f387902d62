import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README.md ("Permissions") for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    // From public/_locales/<lang>/messages.json (English, Ukrainian).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus'],
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
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factmark@factmark.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
});
