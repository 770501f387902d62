import en from '../../public/_locales/en/messages.json';

/**
 * The DOM tests run outside an extension: a stand-in `chrome.i18n` answers from the English
 * messages file as the browser would ($1…$9 filled), so components render their English text.
 */
const messages = en as Record<string, { message: string }>;
(globalThis as { chrome?: unknown }).chrome = {
  i18n: {
    getMessage: (key: string, subs: string[] = []) =>
      messages[key]?.message.replace(/\$([1-9])/g, (_m, n: string) => subs[+n - 1] ?? '') ?? '',
    getUILanguage: () => 'en',
  },
};
