import type { Plugin } from 'vite';

/**
 * webextension-polyfill ships as a UMD script only. Imported from ESM, the bundler wraps it
 * in its CommonJS interop (`__toESM`), which copies every property of the module's exports
 * onto a new object. Where the browser has a native `browser` (Chromium 156, Firefox) the
 * polyfill exports that very object, so each page start copied every extension API namespace
 * (in a CPU profile of the content script, `__copyProps` and Chromium's lazy binding getters
 * it reached were about 4% of the samples). This plugin gives the same UMD source a `module`
 * of its own and exports `module.exports` as the default export: the polyfill runs
 * unchanged, and nothing is copied.
 */
export function polyfillAsEsm(): Plugin {
  return {
    name: 'factmark:webextension-polyfill-esm',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/.test(id))
        return null;
      return {
        code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`,
        map: null,
      };
    },
  };
}
