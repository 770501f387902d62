import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/** Every language in public/_locales, and the strings the code and the manifest ask for. */
const DIR = 'public/_locales';
const LANGS = readdirSync(DIR).sort();
const read = (lang: string) =>
  JSON.parse(readFileSync(`${DIR}/${lang}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;
const en = read('en');
const placeholders = (s: string) => [...new Set(s.match(/\$[1-9]/g) ?? [])].sort();

describe('locales', () => {
  test('English and Ukrainian are both there', () => {
    expect(LANGS).toEqual(expect.arrayContaining(['en', 'uk']));
  });

  test.each(LANGS)('%s has every key English has, and no other', (lang) => {
    const keys = Object.keys(read(lang)).sort();
    expect(keys).toEqual(Object.keys(en).sort());
  });

  test.each(LANGS)(
    '%s: every message is written, with the same placeholders as English',
    (lang) => {
      const m = read(lang);
      for (const [key, { message }] of Object.entries(m)) {
        expect(message.trim(), `${lang}/${key}`).not.toBe('');
        expect(placeholders(message), `${lang}/${key}`).toEqual(
          placeholders(en[key]?.message ?? ''),
        );
        expect(/^[A-Za-z0-9_@]+$/.test(key), `${lang}/${key}: a message name`).toBe(true);
      }
    },
  );

  test('every plural has its four forms', () => {
    const bases = new Set(
      Object.keys(en)
        .filter((k) => /_(one|few|many|other)$/.test(k))
        .map((k) => k.replace(/_(one|few|many|other)$/, '')),
    );
    for (const b of bases)
      for (const f of ['one', 'few', 'many', 'other']) expect(en, b).toHaveProperty(`${b}_${f}`);
  });

  test('the manifest and the code ask only for keys that exist', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    const asked = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);
    expect(asked).toEqual(expect.arrayContaining(['extName', 'extDescription']));
    for (const k of asked) expect(en, `wxt.config.ts: ${k}`).toHaveProperty(k);
  });
});
