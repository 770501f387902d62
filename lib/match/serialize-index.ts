import { INDEX_FORMAT, INDEX_VERSION, type ClaimIndexCore } from './index-core';
import {
  BINARY_MAGIC,
  BINARY_VERSION,
  LITTLE_ENDIAN,
  PREFIX_BYTES,
  SECTION_ALIGN,
  TYPED_ARRAYS,
  typedArrayName,
  type AnyTypedArray,
  type FieldEntry,
  type IndexHeader,
  type JsonValue,
  type TypedArrayName,
} from './index-format';

const align = (n: number): number => Math.ceil(n / SECTION_ALIGN) * SECTION_ALIGN;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** True for values JSON keeps exactly (finite numbers only: NaN would come back as null). */
function isJson(v: unknown): v is JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return every(v, isJson);
  if (isPlainObject(v)) return Object.values(v).every(isJson);
  return false;
}

/**
 * Own and inherited enumerable keys, in order: a loaded index keeps its lazy fields as
 * getters on its prototype, and serialising a loaded index must see them too.
 */
function keysOf(o: object): string[] {
  const keys: string[] = [];
  for (const k in o) keys.push(k);
  return keys;
}

type Leaf =
  | { path: string[]; kind: 'ta'; value: AnyTypedArray; type: TypedArrayName }
  | { path: string[]; kind: 'zeros'; value: AnyTypedArray; type: TypedArrayName }
  | { path: string[]; kind: 'str'; value: string[] }
  | { path: string[]; kind: 'map'; value: Map<unknown, unknown> }
  | { path: string[]; kind: 'holes'; length: number }
  | { path: string[]; kind: 'json'; value: JsonValue }
  | { path: string[]; kind: 'undef' };

function allZero(a: AnyTypedArray): boolean {
  // Bytes, not elements: -0 and NaN are not "zeros" and must be stored.
  const b = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

/** Array.prototype.every visits no holes; a memo cache is all holes. */
function every(a: readonly unknown[], ok: (x: unknown) => boolean): boolean {
  for (let i = 0; i < a.length; i++) if (!ok(a[i])) return false;
  return true;
}

/** The schema of an index object: its leaves with their kinds, in key order. */
function leavesOf(obj: object, prefix: string[] = [], out: Leaf[] = []): Leaf[] {
  for (const key of keysOf(obj)) {
    const v: unknown = (obj as Record<string, unknown>)[key];
    const path = [...prefix, key];
    const type = typedArrayName(v);
    if (type !== undefined) {
      const ta = v as AnyTypedArray;
      out.push({ path, kind: allZero(ta) ? 'zeros' : 'ta', value: ta, type });
    } else if (Array.isArray(v) && every(v, (x) => typeof x === 'string')) {
      out.push({ path, kind: 'str', value: v as string[] });
    } else if (Array.isArray(v) && !every(v, (x) => x !== undefined)) {
      // Only a memo cache holds undefined entries (JSON could not keep them anyway); it is
      // stored empty and refills on use.
      out.push({ path, kind: 'holes', length: v.length });
    } else if (v instanceof Map) {
      out.push({ path, kind: 'map', value: v });
    } else if (v === undefined) {
      out.push({ path, kind: 'undef' });
    } else if (isJson(v)) {
      out.push({ path, kind: 'json', value: v });
    } else if (isPlainObject(v)) {
      leavesOf(v, path, out);
    } else {
      const what = v === null ? 'null' : typeof v === 'object' ? v.constructor.name : typeof v;
      throw new Error(
        `serializeIndex: field ${path.join('.')} (${what}) has no binary encoding; teach lib/match/serialize-index.ts its kind`,
      );
    }
  }
  return out;
}

/** The string array a Map inverts (map.get(arr[i]) === i for all i), if any. */
function invertedArray(map: Map<unknown, unknown>, leaves: Leaf[]): string[] | undefined {
  for (const l of leaves) {
    if (l.kind !== 'str' || l.value.length !== map.size) continue;
    const arr = l.value;
    let ok = true;
    for (let i = 0; i < arr.length && ok; i++) ok = map.get(arr[i]) === i;
    if (ok) return l.path;
  }
  return undefined;
}

function writeLE(out: ArrayBuffer, offset: number, a: AnyTypedArray, type: TypedArrayName) {
  if (LITTLE_ENDIAN) {
    new Uint8Array(out, offset, a.byteLength).set(
      new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
    );
    return;
  }
  // Big-endian host (none in practice): byte-swap element by element.
  const dv = new DataView(out, offset, a.byteLength);
  const size = TYPED_ARRAYS[type].BYTES_PER_ELEMENT;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const at = i * size;
    if (type === 'Float32Array') dv.setFloat32(at, x, true);
    else if (type === 'Float64Array') dv.setFloat64(at, x, true);
    else if (size === 4) dv.setUint32(at, x >>> 0, true);
    else if (size === 2) dv.setUint16(at, x & 0xffff, true);
    else dv.setUint8(at, x & 0xff);
  }
}

/**
 * Serialise an index to one ArrayBuffer (layout above). Deterministic: the same index gives
 * the same bytes. `extra` (JSON) rides in the header for the caller; readIndexHeader returns
 * it without loading the index. Cost: one copy of every array (~15 MB for the bundled set).
 */
export function serializeIndex(index: ClaimIndexCore, extra: JsonValue = null): ArrayBuffer {
  const leaves = leavesOf(index);
  const encoder = new TextEncoder();
  const fields: FieldEntry[] = [];
  const blobs: Uint8Array[] = [];
  let blobBytes = 0;
  // Offsets are relative to the start of the sections until the header size is known.
  let sectionBytes = 0;
  const copies: { at: number; value: AnyTypedArray; type: TypedArrayName }[] = [];
  for (const l of leaves) {
    switch (l.kind) {
      case 'ta': {
        fields.push({
          path: l.path,
          kind: 'ta',
          type: l.type,
          offset: sectionBytes,
          length: l.value.length,
        });
        copies.push({ at: sectionBytes, value: l.value, type: l.type });
        sectionBytes = align(sectionBytes + l.value.byteLength);
        break;
      }
      case 'zeros':
        fields.push({ path: l.path, kind: 'zeros', type: l.type, length: l.value.length });
        break;
      case 'str': {
        for (const s of l.value)
          if (s.includes('\0'))
            throw new Error(
              `serializeIndex: ${l.path.join('.')} holds a string with a NUL character (the separator): ${JSON.stringify(s.slice(0, 40))}`,
            );
        const bytes = encoder.encode(l.value.join('\0'));
        fields.push({
          path: l.path,
          kind: 'str',
          offset: blobBytes,
          bytes: bytes.length,
          count: l.value.length,
        });
        blobs.push(bytes);
        blobBytes += bytes.length;
        break;
      }
      case 'map': {
        const of = invertedArray(l.value, leaves);
        if (!of)
          throw new Error(
            `serializeIndex: field ${l.path.join('.')} is a Map that does not invert a string array of the index; it has no binary encoding`,
          );
        fields.push({ path: l.path, kind: 'inv', of });
        break;
      }
      case 'holes':
        fields.push({ path: l.path, kind: 'holes', length: l.length });
        break;
      case 'json':
        fields.push({ path: l.path, kind: 'json', value: l.value });
        break;
      case 'undef':
        fields.push({ path: l.path, kind: 'undef' });
        break;
    }
  }

  // The header holds absolute offsets, which depend on its own length: lay it out with
  // relative offsets, then shift by the (aligned) header end until the length settles.
  const relative = fields.map((f) => ({ ...f }));
  const blobStart = sectionBytes;
  let base = 0;
  let headerBytes = new Uint8Array(0);
  let settled = false;
  for (let guard = 0; guard < 8 && !settled; guard++) {
    const shifted = relative.map((f): FieldEntry => {
      if (f.kind === 'ta') return { ...f, offset: f.offset + base };
      if (f.kind === 'str') return { ...f, offset: f.offset + base + blobStart };
      return f;
    });
    const header: IndexHeader = {
      format: INDEX_FORMAT,
      version: INDEX_VERSION,
      fields: shifted,
      extra,
    };
    headerBytes = encoder.encode(JSON.stringify(header));
    const nextBase = align(PREFIX_BYTES + headerBytes.length);
    settled = nextBase === base;
    base = nextBase;
  }
  if (!settled) throw new Error('serializeIndex: header layout did not settle');
  const total = base + blobStart + blobBytes;
  const out = new ArrayBuffer(total);
  const u8 = new Uint8Array(out);
  const dv = new DataView(out);
  u8.set(encoder.encode(BINARY_MAGIC), 0);
  dv.setUint32(4, BINARY_VERSION, true);
  dv.setUint32(8, headerBytes.length, true);
  dv.setUint32(12, total, true);
  u8.set(headerBytes, PREFIX_BYTES);
  for (const c of copies) writeLE(out, base + c.at, c.value, c.type);
  let at = base + blobStart;
  for (const b of blobs) {
    u8.set(b, at);
    at += b.length;
  }
  return out;
}
