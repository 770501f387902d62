import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README.md ("Permissions") for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: 'Factmark',
    description:
      'Fact checks where you read: marks sentences that state a checked claim and shows the sourced verdict. Runs entirely in your browser.',
    permissions: ['storage', 'alarms'],
    // Claim feeds: a feed's origin is asked for when the reader subscribes (README).
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    // The e2e build only (`wxt build --mode e2e`): headless Chromium cannot click the
    // permission prompt, so the test feed server's origin is granted at install instead
    // (tests/e2e/feeds.test.ts; README "Claim feeds").
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: 'Factmark' },
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
