import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Four tiers, split by runtime (README "Tests"): unit (Node, pure lib/),
// dom (happy-dom, components and dom/), e2e (real Chromium + built extension),
// firefox (Debian's firefox-esr + the Firefox build, the core path only).
export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/dom/setup-i18n.ts'],
        },
      },
      {
        extends: true,
        // The zips as built (`npm run test:packages` builds them first).
        test: { name: 'packages', include: ['tests/packages/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
