/**
 * The file list of a zip archive (name, stored and unpacked sizes) and one file's bytes,
 * read with adm-zip: enough to check and measure the store packages (bench/packages.ts,
 * tests/packages/).
 */
import { readFileSync } from 'node:fs';
import AdmZip from 'adm-zip';
import { errorMessage } from '../lib/error-message';

export interface ZipEntry {
  name: string;
  /** Bytes in the archive (compressed). */
  stored: number;
  /** Bytes once unpacked. */
  size: number;
}

function open(bytes: Buffer): AdmZip {
  try {
    return new AdmZip(bytes);
  } catch (err) {
    throw new Error(`not a zip archive (${errorMessage(err)})`, {
      cause: err,
    });
  }
}

export function listZip(bytes: Buffer): ZipEntry[] {
  return open(bytes)
    .getEntries()
    .filter((e) => !e.isDirectory)
    .map((e) => ({ name: e.entryName, stored: e.header.compressedSize, size: e.header.size }));
}

/** One file's bytes. */
export function readZipEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const data = open(bytes).readFile(entry.name);
  if (!data) throw new Error(`zip: ${entry.name} could not be read`);
  return data;
}

export const listZipFile = (path: string): ZipEntry[] => listZip(readFileSync(path));
