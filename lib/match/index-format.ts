import type { INDEX_FORMAT } from './index-core';

/**
 * The binary index payload: ONE ArrayBuffer holding every array of ClaimIndexCore, derived
 * ones included (postings, unit statistics, idf, ...), so loading is a few header checks and
 * typed-array views over the buffer: no parse, no rebuild, no copy.
 *
 * Layout (little-endian):
 *
 *   0   4  magic "FMIX"
 *   4   4  u32 container version (BINARY_VERSION: this file's layout)
 *   8   4  u32 header length H in bytes
 *   12  4  u32 total length of the payload in bytes (catches truncation)
 *   16  H  header: UTF-8 JSON { format, version (INDEX_VERSION: the matcher's), fields, extra }
 *   ..     zero padding to a multiple of 8, then the sections, each starting at a multiple
 *          of 8 (a Float64Array view needs 8; everything else 4 or less), then the string
 *          blob: every string array as UTF-8, its strings joined by "\0".
 *
 * The header's `fields` is the section table and the schema in one: one entry per leaf of
 * the index object, in the object's own key order, with its path (`["src", "seq"]`) and
 * kind. It is derived from the object itself, not from a list of names, so a field the
 * matcher adds to ClaimIndexCore / IndexSource is carried without a change here:
 *
 *   ta     typed array: {type, offset, length}; loaded as a view (zero copy)
 *   zeros  typed array of zeros (the per-query scratch accumulators): {type, length};
 *          no bytes stored, loaded as a fresh array (never a view: it is written to)
 *   str    string array: {offset, bytes, count} into the blob; decoded with one
 *          TextDecoder.decode + split
 *   inv    Map<string, number> that inverts a string array (termId over the vocabulary):
 *          {of: path}; nothing stored, built on first use
 *   holes  array of `undefined` (a per-claim memo cache, e.g. claimant tokens): {length}
 *   json   numbers, strings, small plain objects and number arrays: {value}
 *   undef  a field whose value is undefined
 *
 * A plain object holding anything but JSON values (e.g. `src`) is walked into, its leaves
 * getting longer paths. Anything else (a Set, a class instance, a Map that inverts no string
 * array) throws, naming the field, rather than being dropped.
 *
 * Written by serialize-index.ts; read by read-index-header.ts and load-index.ts.
 */
export const BINARY_MAGIC = 'FMIX';
export const BINARY_VERSION = 2;
/** Fixed prefix: magic, container version, header length, total length. */
export const PREFIX_BYTES = 16;
export const SECTION_ALIGN = 8;

export const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
export type TypedArrayName = keyof typeof TYPED_ARRAYS;
export type AnyTypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export type FieldEntry =
  | { path: string[]; kind: 'ta'; type: TypedArrayName; offset: number; length: number }
  | { path: string[]; kind: 'zeros'; type: TypedArrayName; length: number }
  | { path: string[]; kind: 'str'; offset: number; bytes: number; count: number }
  | { path: string[]; kind: 'inv'; of: string[] }
  | { path: string[]; kind: 'holes'; length: number }
  | { path: string[]; kind: 'json'; value: JsonValue }
  | { path: string[]; kind: 'undef' };

/** What serializeIndex returns (the name lib/match/matcher.ts exports). */
export type SerializedIndex = ArrayBuffer;

export interface IndexHeader {
  format: typeof INDEX_FORMAT;
  /** INDEX_VERSION of the matcher that wrote it. */
  version: number;
  fields: FieldEntry[];
  /** Whatever the caller passed to serializeIndex (the claim set keeps its meta here). */
  extra: JsonValue;
}

/** Host byte order; every browser Factmark runs in is little-endian (views are then free). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `[object Float32Array]` -> "Float32Array" (works across realms, unlike instanceof). */
export function typedArrayName(v: unknown): TypedArrayName | undefined {
  if (!ArrayBuffer.isView(v)) return undefined;
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  return tag in TYPED_ARRAYS ? (tag as TypedArrayName) : undefined;
}
