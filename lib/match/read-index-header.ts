/**
 * The first step of reading an index payload (index-format.ts): its bytes, aligned, and its
 * header checked. The claim set reads its meta from the header's `extra` this way, without
 * loading the index.
 */
import { INDEX_FORMAT, INDEX_VERSION } from './index-core';
import {
  BINARY_MAGIC,
  BINARY_VERSION,
  PREFIX_BYTES,
  type FieldEntry,
  type IndexHeader,
} from './index-format';

export function fail(msg: string): never {
  throw new Error(`loadIndex: ${msg}`);
}

/** The payload as bytes at an 8-aligned address (views need their element alignment). */
export function bytesOf(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) {
    // A Node Buffer may sit at any offset of a shared pool: copy it once to align it.
    return data.byteOffset % 8 === 0 ? data : new Uint8Array(data);
  }
  fail(
    `payload must be an ArrayBuffer or Uint8Array (got ${data === null ? 'null' : typeof data}); the index format is binary since version ${BINARY_VERSION}`,
  );
}

function isFieldEntry(f: unknown): f is FieldEntry {
  if (typeof f !== 'object' || f === null) return false;
  const e = f as Record<string, unknown>;
  return (
    Array.isArray(e.path) &&
    e.path.every((p) => typeof p === 'string') &&
    typeof e.kind === 'string'
  );
}

/**
 * Reads and checks the header: magic, container version, total length (truncation), the
 * matcher's format name and version. Cheap (a small JSON parse); the claim set reads its
 * meta from `extra` this way.
 */
export function readIndexHeader(data: unknown): IndexHeader {
  const u8 = bytesOf(data);
  if (u8.length < PREFIX_BYTES) fail(`payload too short (${u8.length} bytes)`);
  const magic = String.fromCharCode(u8[0] ?? 0, u8[1] ?? 0, u8[2] ?? 0, u8[3] ?? 0);
  if (magic !== BINARY_MAGIC)
    fail(`not a Factmark index (magic ${JSON.stringify(magic)}, expected "${BINARY_MAGIC}")`);
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const container = dv.getUint32(4, true);
  if (container !== BINARY_VERSION)
    fail(
      `index container version ${container} is not supported (expected ${BINARY_VERSION}); rebuild the claim set`,
    );
  const headerLen = dv.getUint32(8, true);
  const total = dv.getUint32(12, true);
  if (u8.length !== total)
    fail(`payload is ${u8.length} bytes but its header says ${total}: truncated or padded`);
  if (PREFIX_BYTES + headerLen > total) fail('header runs past the end of the payload');
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        u8.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLen),
      ),
    );
  } catch {
    fail('header is not valid UTF-8 JSON');
  }
  if (typeof header !== 'object' || header === null) fail('header is not an object');
  const h = header as Record<string, unknown>;
  if (h.format !== INDEX_FORMAT) fail(`not a Factmark index (format ${JSON.stringify(h.format)})`);
  if (h.version !== INDEX_VERSION)
    fail(
      `index format version ${JSON.stringify(h.version)} is not supported (expected ${INDEX_VERSION}); rebuild the claim set`,
    );
  if (!Array.isArray(h.fields) || !h.fields.every(isFieldEntry))
    fail('header has no valid field table');
  return header as IndexHeader;
}
