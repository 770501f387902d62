/**
 * The built extension's promises that live in its manifest and files (README "Security and
 * privacy"): least privilege, no eval, no remote code. Reads `npm run build`'s output (the
 * e2e tier runs after the build); needs no browser.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXTENSION_DIR } from '../../tools/browser-harness';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  content_scripts?: { matches: string[]; all_frames?: boolean }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('the built manifest', () => {
  test('asks for storage, context menus, alarms and offscreen only; no host access at install', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([
      'alarms',
      'contextMenus',
      'offscreen',
      'storage',
    ]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    // Feed origins are asked for one by one when the reader subscribes.
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  test('the content script runs on web pages only', () => {
    for (const cs of manifest.content_scripts ?? []) {
      expect(cs.matches).toEqual(['http://*/*', 'https://*/*']);
    }
  });

  test('no unsafe-eval and no remote script in the policy; WASM for the model only', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    // The semantic channel's TF.js WASM backend needs 'wasm-unsafe-eval'; 'unsafe-eval' never.
    expect(csp).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    expect(csp.split(/\s+/)).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/https?:/);
  });

  test('the extension’s scripts load no code from the network and never eval', () => {
    const scripts = files(EXTENSION_DIR).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const f of scripts) {
      const js = readFileSync(f, 'utf8');
      // An import or a script tag from a URL would be remote code.
      expect(js, f).not.toMatch(/import\s*\(\s*["']https?:/);
      expect(js, f).not.toMatch(/importScripts\s*\(\s*["']https?:/);
      expect(js, f).not.toMatch(/\beval\s*\(/);
    }
  });
});
