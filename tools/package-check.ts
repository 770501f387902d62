/**
 * What a store needs in Factmark's packages (`npm run zip`, `npm run zip:firefox`), checked on
 * their file lists and manifests (tests/packages/, bench/packages.ts): the manifest and every
 * file it names, the icons, both languages; no source maps, tests or fixtures; no permission
 * the e2e build adds; for Firefox an add-on id Mozilla accepts; and a sources archive that
 * rebuilds the package without what the build writes again.
 */
import type { ZipEntry } from './zip-list';

export type PackageKind = 'chrome' | 'firefox';

interface Manifest {
  manifest_version?: number;
  default_locale?: string;
  icons?: Record<string, string>;
  permissions?: string[];
  host_permissions?: string[];
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
  browser_specific_settings?: {
    gecko?: { id?: string; data_collection_permissions?: { required?: string[] } };
  };
}

/** Mozilla's add-on id forms: a UUID in braces, or email-like name@domain. */
const GECKO_ID =
  /^(\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}|[a-z0-9-._]*@[a-z0-9-._]+)$/i;
const UNWANTED = [
  /\.map$/,
  /(^|\/)tests?\//,
  /fixtures?\//,
  /\.test\.[cm]?[jt]sx?$/,
  /(^|\/)\.DS_Store$/,
];
export const LANGUAGES = ['en', 'uk'];

/** Problems with an extension package: each a sentence; none when a store would accept it. */
export function checkPackage(kind: PackageKind, files: readonly ZipEntry[], m: Manifest): string[] {
  const names = new Set(files.map((f) => f.name));
  const problems: string[] = [];
  const need = (file: string | undefined, what: string) => {
    if (file && !names.has(file.replace(/^\//, ''))) problems.push(`${what} ${file} is missing`);
  };
  if (!names.has('manifest.json')) problems.push('manifest.json is missing');
  if (m.manifest_version !== (kind === 'chrome' ? 3 : 2))
    problems.push(`manifest_version is ${m.manifest_version}`);
  for (const size of ['16', '32', '48', '128']) {
    if (!m.icons?.[size]) problems.push(`no ${size} px icon in the manifest`);
    need(m.icons?.[size], 'icon');
  }
  if (m.default_locale !== 'en') problems.push('default_locale is not en');
  for (const l of LANGUAGES) need(`_locales/${l}/messages.json`, 'locale');
  need(m.background?.service_worker, 'background');
  for (const s of m.background?.scripts ?? []) need(s, 'background');
  for (const c of m.content_scripts ?? [])
    for (const f of [...(c.js ?? []), ...(c.css ?? [])]) need(f, 'content script');
  need((m.action ?? m.browser_action)?.default_popup, 'popup');
  need(m.options_ui?.page, 'options page');
  need('claims/index.bin', 'bundled claim set');
  for (const f of files)
    if (UNWANTED.some((re) => re.test(f.name))) problems.push(`${f.name} should not ship`);
  // The e2e build grants the test server's origin at install; a store build asks for none.
  const hosts = [
    ...(m.host_permissions ?? []),
    ...(m.permissions ?? []).filter((p) => p.includes('://')),
  ];
  if (hosts.length) problems.push(`host access at install: ${hosts.join(', ')}`);
  if (kind === 'firefox') {
    const gecko = m.browser_specific_settings?.gecko;
    if (!gecko?.id || !GECKO_ID.test(gecko.id))
      problems.push(`add-on id ${gecko?.id} is not one Mozilla accepts`);
    else if (/\.example$|@example\./i.test(gecko.id))
      problems.push(`add-on id ${gecko.id} is a placeholder`);
    if (!gecko?.data_collection_permissions?.required?.length)
      problems.push('no data_collection_permissions');
  }
  return problems;
}

/** What a reviewer needs to rebuild the Firefox package, and what must stay out. */
export const SOURCES_NEED = [
  'package.json',
  'package-lock.json',
  'wxt.config.ts',
  'tsconfig.json',
  'README.md',
  'scripts/claims-build.ts',
  'scripts/semantic-assets.ts',
  'data/claims/seed.yaml',
  // The claims' vectors the semantic channel's table is made of (embedding them again
  // takes ~25 minutes).
  'data/semantic/claim-vectors.fmk',
  'data/semantic/bundled-claims.fmk',
  'entrypoints/background.ts',
  'public/_locales/en/messages.json',
];
const SOURCES_OUT = [
  /^node_modules\//,
  /^\.output\//,
  /^\.wxt\//,
  /^public\/claims\//,
  /^public\/semantic\//,
  /^cache\//,
  /^tests\//,
  /^bench\//,
  /\.png$/,
];

export function checkSources(files: readonly ZipEntry[]): string[] {
  const names = new Set(files.map((f) => f.name));
  const problems = SOURCES_NEED.filter((f) => !names.has(f)).map((f) => `sources: ${f} is missing`);
  for (const f of files) {
    // The icons are sources (public/icon); any other image is documentation.
    if (f.name.startsWith('public/icon/')) continue;
    if (SOURCES_OUT.some((re) => re.test(f.name)))
      problems.push(`sources: ${f.name} should not be there`);
  }
  return problems;
}
