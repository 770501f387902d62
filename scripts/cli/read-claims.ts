/**
 * Reads a claims file for the CLIs (`match`, `scan`): JSON Lines whose records have at least
 * `id` and `text` (as in ../shared/data) or are in the source form (`id`, `claim`,
 * `phrasings`, `claimant`, ...). Errors name the file and line.
 */
import { readFileSync } from 'node:fs';
import { readJsonLines } from '../../lib/claims/parse-jsonl';
import type { MatchableClaim } from '../../lib/types';

export class CliError extends Error {}

export function readClaimsFile(file: string): MatchableClaim[] {
  const text = readText(file);
  const { lines, errors } = readJsonLines(text, file);
  const first = errors[0];
  if (first) throw new CliError(`${file}: ${first.record}: ${first.message}`);
  const claims: MatchableClaim[] = [];
  const seen = new Set<string>();
  for (const { line, value } of lines) {
    const where = `${file}: line ${line}`;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new CliError(`${where}: expected a JSON object`);
    }
    const r = value as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id === '')
      throw new CliError(`${where}: id: expected a non-empty string`);
    const body = typeof r.text === 'string' ? r.text : r.claim;
    if (typeof body !== 'string' || body.trim() === '') {
      throw new CliError(`${where}: text: expected the claim text in "text" or "claim"`);
    }
    if (seen.has(r.id)) throw new CliError(`${where}: id: duplicate id "${r.id}"`);
    seen.add(r.id);
    const c: MatchableClaim = { id: r.id, text: body };
    const phrasings = Array.isArray(r.phrasings)
      ? r.phrasings.filter((p): p is string => typeof p === 'string')
      : [];
    if (phrasings.length > 0) c.phrasings = phrasings;
    if (typeof r.title === 'string') c.title = r.title;
    if (typeof r.claimant === 'string') c.claimant = r.claimant;
    const date = [r.claimDate, r.date, r.reviewed].find((d): d is string => typeof d === 'string');
    if (date) c.date = date;
    claims.push(c);
  }
  return claims;
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read file${code ? ` (${code})` : ''}`);
  }
}

/** Runs a CLI body: a CliError (or any error) is one line on stderr and exit code 2. */
export async function runCli(name: string, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${name}: ${msg.split('\n')[0]}\n`);
    process.exit(2);
  }
}
