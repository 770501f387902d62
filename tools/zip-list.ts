/**
 * The file list of a zip archive from its central directory (name, stored and unpacked
 * sizes): enough to check and measure the store packages (bench/packages.ts,
 * tests/packages/). No extraction, no dependency; not for zip64 archives (over 4 GB).
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Bytes in the archive (compressed). */
  stored: number;
  /** Bytes once unpacked. */
  size: number;
  /** Where its local header is. */
  offset: number;
  method: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function listZip(bytes: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(at) !== CENTRAL) throw new Error(`zip: bad central entry ${n}`);
    const method = bytes.readUInt16LE(at + 10);
    const stored = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLen = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLen);
    if (!name.endsWith('/')) out.push({ name, stored, size, offset, method });
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

/** One file's bytes (stored or deflated entries). */
export function readZipEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.stored);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`zip: ${entry.name}: compression method ${entry.method} not supported`);
}

export const listZipFile = (path: string): ZipEntry[] => listZip(readFileSync(path));
