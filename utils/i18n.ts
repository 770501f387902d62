import en from '../public/_locales/en/messages.json';

/**
 * The user-visible strings, from the browser's `_locales` (public/_locales/<lang>/
 * messages.json) through `i18n.getMessage`, in the browser's language. Outside an extension
 * (the DOM tests) the English file answers, so a component renders the same text there.
 * Placeholders are `$1`…`$9`.
 */
export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, subs?: string[]): string;
  getUILanguage?(): string;
}

function api(): I18nApi | undefined {
  return (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
}

/** The message `key` with its placeholders filled. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const args = subs.map(String);
  const got = api()?.getMessage(key, args);
  if (got) return got;
  const entry = (en as Record<string, { message: string }>)[key];
  return entry ? entry.message.replace(/\$([1-9])/g, (_m, n: string) => args[+n - 1] ?? '') : key;
}

/** The reader's language for `Intl` (dates, numbers): the browser's UI language. */
export function uiLocale(): string {
  return api()?.getUILanguage?.() ?? 'en';
}
