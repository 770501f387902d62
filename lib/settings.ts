import { clipWhat, type Repaired } from './storage-notices';
import { STRICTNESSES, VERDICTS, type Strictness, type Verdict } from './types';

/** The popup's settings. Stored versioned (utils/settings.ts); sanitised on every read. */
export interface Settings {
  /** Factmark on or off everywhere. */
  enabled: boolean;
  /** Hostnames where Factmark is switched off. */
  disabledSites: string[];
  strictness: Strictness;
  /** Which verdicts get marks. */
  verdicts: Verdict[];
  /** Quiet mode: the badge and the popup's list only, no marks painted on the page. */
  quiet: boolean;
  /**
   * "Find restatements": the semantic pass (a language model in the extension) also marks
   * paragraphs that state a claim in other words. Off by default (README "Semantic channel").
   */
  semantic: boolean;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  disabledSites: [],
  strictness: 'balanced',
  verdicts: [...VERDICTS],
  quiet: false,
  semantic: false,
}) as Settings;

const MAX_SITES = 10_000;

export interface SanitizedSettings {
  settings: Settings;
  /** One line per field that was corrupt and replaced by its default. */
  problems: string[];
  /** The fields that were corrupt (all of them when the whole value was). */
  reset: (keyof Settings)[];
}

const FIELDS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/**
 * Turns whatever is in storage into valid settings, field by field: a corrupt field falls
 * back to its default and is reported, the valid fields are kept (nothing else is lost).
 */
export function sanitizeSettings(raw: unknown): SanitizedSettings {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: cloneDefaults(), problems, reset: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      settings: cloneDefaults(),
      problems: [`settings: expected an object, got ${describe(raw)}; using defaults`],
      reset: [...FIELDS],
    };
  }
  const r = raw as Record<string, unknown>;
  const out = cloneDefaults();

  if ('enabled' in r) {
    if (typeof r.enabled === 'boolean') out.enabled = r.enabled;
    else problems.push(`settings.enabled: expected true or false, got ${describe(r.enabled)}`);
  }
  if ('quiet' in r) {
    if (typeof r.quiet === 'boolean') out.quiet = r.quiet;
    else problems.push(`settings.quiet: expected true or false, got ${describe(r.quiet)}`);
  }
  if ('semantic' in r) {
    if (typeof r.semantic === 'boolean') out.semantic = r.semantic;
    else problems.push(`settings.semantic: expected true or false, got ${describe(r.semantic)}`);
  }
  if ('disabledSites' in r) {
    if (Array.isArray(r.disabledSites)) {
      const sites = r.disabledSites.filter(
        (s): s is string => typeof s === 'string' && isHostname(s),
      );
      if (sites.length !== r.disabledSites.length) {
        problems.push(
          `settings.disabledSites: dropped ${r.disabledSites.length - sites.length} entries that are not hostnames`,
        );
      }
      out.disabledSites = [...new Set(sites)].slice(0, MAX_SITES);
    } else {
      problems.push(
        `settings.disabledSites: expected a list of hostnames, got ${describe(r.disabledSites)}`,
      );
    }
  }
  if ('strictness' in r) {
    if ((STRICTNESSES as readonly string[]).includes(r.strictness as string))
      out.strictness = r.strictness as Strictness;
    else
      problems.push(
        `settings.strictness: expected one of ${STRICTNESSES.join(', ')}, got ${describe(r.strictness)}`,
      );
  }
  if ('verdicts' in r) {
    if (Array.isArray(r.verdicts)) {
      const known = r.verdicts.filter((v): v is Verdict => VERDICTS.includes(v as Verdict));
      if (known.length !== r.verdicts.length) {
        problems.push(
          `settings.verdicts: dropped ${r.verdicts.length - known.length} unknown verdicts`,
        );
      }
      // A list of nothing but unknown values is corrupt, not a choice to hide every verdict.
      if (known.length > 0 || r.verdicts.length === 0)
        out.verdicts = VERDICTS.filter((v) => known.includes(v));
    } else {
      problems.push(`settings.verdicts: expected a list of verdicts, got ${describe(r.verdicts)}`);
    }
  }
  const reset = FIELDS.filter((f) => problems.some((p) => p.startsWith(`settings.${f}:`)));
  return { settings: out, problems, reset };
}

/** Is Factmark active on this hostname under these settings? */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(normalizeHost(hostname));
}

/** Returns new settings with the site switched on or off. */
export function setSiteEnabled(settings: Settings, hostname: string, on: boolean): Settings {
  const host = normalizeHost(hostname);
  const rest = settings.disabledSites.filter((s) => s !== host);
  return { ...settings, disabledSites: on ? rest : [...rest, host] };
}

export function normalizeHost(hostname: string): string {
  return hostname
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
}

function isHostname(s: string): boolean {
  return s.length > 0 && s.length <= 253 && /^[a-z0-9.-]+(:\d+)?$/i.test(s);
}

function cloneDefaults(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    disabledSites: [...DEFAULT_SETTINGS.disabledSites],
    verdicts: [...DEFAULT_SETTINGS.verdicts],
  };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return typeof v === 'object' ? 'an object' : String(v);
}

/** Stored settings as this version reads them, and what was reset (lib/storage-notices.ts). */
export function repairSettings(raw: unknown): Repaired<Settings> {
  const { settings, reset, problems } = sanitizeSettings(raw);
  const whole = problems.some((p) => p.startsWith('settings:'));
  return {
    value: settings,
    notices: reset.length
      ? [{ item: 'settings', whole, count: reset.length, what: clipWhat(reset) }]
      : [],
  };
}
