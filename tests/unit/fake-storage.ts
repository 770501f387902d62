import { fakeBrowser } from 'wxt/testing/fake-browser';
(globalThis as { browser?: unknown }).browser = fakeBrowser;
