import { describe, expect, test } from 'vitest';
import { checkPackage, checkSources, SOURCES_NEED } from '../../tools/package-check';
import { listZip, readZipEntry } from '../../tools/zip-list';
import AdmZip from 'adm-zip';

const entry = (name: string) => ({ name, stored: 1, size: 1 });
const FILES = [
  'manifest.json',
  'icon/16.png',
  'icon/32.png',
  'icon/48.png',
  'icon/128.png',
  '_locales/en/messages.json',
  '_locales/uk/messages.json',
  'background.js',
  'content-scripts/content.js',
  'popup.html',
  'options.html',
  'claims/index.bin',
].map(entry);
const MANIFEST = {
  manifest_version: 3,
  default_locale: 'en',
  icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  permissions: ['storage'],
  background: { service_worker: 'background.js' },
  content_scripts: [{ js: ['content-scripts/content.js'] }],
  action: { default_popup: 'popup.html' },
  options_ui: { page: 'options.html' },
};
const FIREFOX = {
  ...MANIFEST,
  manifest_version: 2,
  background: { scripts: ['background.js'] },
  browser_specific_settings: {
    gecko: {
      id: '{cc99c325-711e-48f0-8412-2ada7f3652b9}',
      data_collection_permissions: { required: ['none'] },
    },
  },
};

describe('what a store needs in a package', () => {
  test('a complete package has no problem', () => {
    expect(checkPackage('chrome', FILES, MANIFEST)).toEqual([]);
    expect(checkPackage('firefox', FILES, FIREFOX)).toEqual([]);
  });

  test.each([
    [
      'a missing icon',
      FILES.filter((f) => f.name !== 'icon/48.png'),
      MANIFEST,
      /icon icon\/48.png is missing/,
    ],
    [
      'a missing language',
      FILES.filter((f) => !f.name.includes('/uk/')),
      MANIFEST,
      /locale _locales\/uk/,
    ],
    [
      'a source map',
      [...FILES, entry('background.js.map')],
      MANIFEST,
      /background.js.map should not ship/,
    ],
    ['a test fixture', [...FILES, entry('tests/fixtures/a.html')], MANIFEST, /should not ship/],
    [
      'the e2e build’s host access',
      FILES,
      { ...MANIFEST, host_permissions: ['http://127.0.0.1/*'] },
      /host access at install/,
    ],
  ])('%s is found', (_name, files, manifest, problem) => {
    expect(checkPackage('chrome', files, manifest).join('\n')).toMatch(problem);
  });

  test.each([['factmark@factmark.example'], ['not an id'], [undefined]])(
    'Firefox id %s is refused',
    (id) => {
      const m = {
        ...FIREFOX,
        browser_specific_settings: { gecko: { ...FIREFOX.browser_specific_settings.gecko, id } },
      };
      expect(checkPackage('firefox', FILES, m)).toHaveLength(1);
    },
  );

  test('sources: what rebuilds is needed, what the build writes is refused', () => {
    const good = SOURCES_NEED.map(entry);
    expect(checkSources([...good, entry('public/icon/16.png')])).toEqual([]);
    expect(checkSources(good.slice(1))).toEqual([`sources: ${SOURCES_NEED[0]} is missing`]);
    expect(
      checkSources([...good, entry('node_modules/x/index.js'), entry('public/claims/index.bin')]),
    ).toHaveLength(2);
  });
});

describe('zip file lists', () => {
  test('reads names, sizes and a deflated entry back', () => {
    // A one-file archive (deflated), as the store packages are.
    const data = Buffer.from('{"manifest_version":3}');
    const writer = new AdmZip();
    writer.addFile('manifest.json', data);
    const zip = writer.toBuffer();
    const packed = writer.getEntry('manifest.json')?.header.compressedSize ?? -1;
    expect(writer.getEntry('manifest.json')?.header.method).toBe(8);
    const [e] = listZip(zip);
    expect(e).toMatchObject({ name: 'manifest.json', size: data.length, stored: packed });
    expect(readZipEntry(zip, e!).toString()).toBe('{"manifest_version":3}');
    expect(() => listZip(Buffer.from('not a zip at all, not at all'))).toThrow(/not a zip/);
  });
});
