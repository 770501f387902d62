/**
 * Loads an index payload (index-format.ts) as views over its bytes, checking it against the
 * fields the running matcher has.
 */
import { buildIndex } from './build-index';
import type { ClaimIndexCore } from './index-core';
import {
  LITTLE_ENDIAN,
  TYPED_ARRAYS,
  type AnyTypedArray,
  type FieldEntry,
  type TypedArrayName,
} from './index-format';
import { bytesOf, fail, readIndexHeader } from './read-index-header';
import { serializeIndex } from './serialize-index';

/**
 * The fields the running matcher's index has: path -> typed array type ("" for other kinds),
 * from an empty index (no terms, so nothing data-dependent runs: ~0.1 ms even in cold code,
 * where a one-claim index costs ~40 ms in a fresh service worker, mostly the df prior).
 */
let expected: Map<string, string> | null = null;
function expectedFields(): Map<string, string> {
  if (expected) return expected;
  // Serialised too: the schema is exactly what serializeIndex derives.
  const h = readIndexHeader(serializeIndex(buildIndex([])));
  return (expected = new Map(h.fields.map((f) => [f.path.join('.'), typeOf(f)])));
}
function typeOf(f: FieldEntry): string {
  return f.kind === 'ta' || f.kind === 'zeros' ? f.type : '';
}

function checkTyped(t: unknown, path: string): TypedArrayName {
  if (typeof t !== 'string' || !(t in TYPED_ARRAYS))
    fail(`${path}: unknown array type ${JSON.stringify(t)}`);
  return t as TypedArrayName;
}
function checkCount(n: unknown, path: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    fail(`${path}: bad length ${JSON.stringify(n)}`);
  return n;
}

/** A view over the buffer (copy + byte swap on a big-endian host, which none of ours is). */
function view(u8: Uint8Array, type: TypedArrayName, offset: number, length: number): AnyTypedArray {
  const C = TYPED_ARRAYS[type];
  const at = u8.byteOffset + offset;
  if (LITTLE_ENDIAN) return new C(u8.buffer as ArrayBuffer, at, length);
  const dv = new DataView(u8.buffer, at, length * C.BYTES_PER_ELEMENT);
  const out = new C(length);
  const size = C.BYTES_PER_ELEMENT;
  for (let i = 0; i < length; i++) {
    const p = i * size;
    out[i] =
      type === 'Float32Array'
        ? dv.getFloat32(p, true)
        : type === 'Float64Array'
          ? dv.getFloat64(p, true)
          : size === 4
            ? type === 'Int32Array'
              ? dv.getInt32(p, true)
              : dv.getUint32(p, true)
            : size === 2
              ? type === 'Int16Array'
                ? dv.getInt16(p, true)
                : dv.getUint16(p, true)
              : type === 'Int8Array'
                ? dv.getInt8(p)
                : dv.getUint8(p);
  }
  return out;
}

/** The object holding the leaf at `path`, creating plain objects along the way. */
function parentOf(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let o = root;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i] as string;
    let next = o[k];
    if (next === undefined) o[k] = next = {};
    o = next as Record<string, unknown>;
  }
  return o;
}

function setPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  parentOf(root, path)[path[path.length - 1] as string] = value;
}

/**
 * An own, enumerable accessor defined once and never redefined (redefining would change the
 * object's shape under the matcher's inline caches); reads, spreads and for-in see a value.
 */
function defineLazy(
  root: Record<string, unknown>,
  path: readonly string[],
  get: () => unknown,
): void {
  Object.defineProperty(parentOf(root, path), path[path.length - 1] as string, {
    get,
    enumerable: true,
    configurable: false,
  });
}

/** Each string of an array -> its position. */
function inverse(a: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < a.length; i++) m.set(a[i] as string, i);
  return m;
}

function decodeStrings(
  u8: Uint8Array,
  offset: number,
  bytes: number,
  count: number,
  name: string,
): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(u8.subarray(offset, offset + bytes));
  } catch {
    fail(`${name}: strings are not valid UTF-8`);
  }
  const arr = count === 0 ? [] : text.split('\0');
  if (arr.length !== count) fail(`${name}: expected ${count} strings, found ${arr.length}`);
  return arr;
}

/**
 * Load a payload written by serializeIndex: typed arrays become views over `data` (zero copy;
 * the caller must not write to the buffer afterwards), string arrays are decoded with one
 * TextDecoder.decode + split each, scratch arrays are allocated fresh. Throws a clear Error
 * on a wrong magic, container or matcher version, a truncated payload, a section out of
 * range or misaligned, or a field table that is not what the running matcher expects (a
 * stale claim set: rebuild it).
 */
export function loadIndex(data: unknown): ClaimIndexCore {
  const u8 = bytesOf(data);
  const header = readIndexHeader(u8);
  const want = expectedFields();
  const have = new Set<string>();
  const root: Record<string, unknown> = {};
  for (const f of header.fields) {
    const name = f.path.join('.');
    have.add(name);
    const wantType = want.get(name);
    if (wantType === undefined)
      fail(
        `field ${name} is not one this matcher has: the claim set was built by another version; rebuild it`,
      );
    switch (f.kind) {
      case 'ta': {
        const type = checkTyped(f.type, name);
        const length = checkCount(f.length, name);
        const size = TYPED_ARRAYS[type].BYTES_PER_ELEMENT;
        const offset = checkCount(f.offset, name);
        if ((u8.byteOffset + offset) % size !== 0) fail(`${name}: section misaligned`);
        if (offset + length * size > u8.length)
          fail(`${name}: section runs past the end (truncated?)`);
        if (wantType !== type)
          fail(`${name} is a ${type}, this matcher expects a ${wantType}; rebuild the claim set`);
        setPath(root, f.path, view(u8, type, offset, length));
        break;
      }
      case 'zeros': {
        const type = checkTyped(f.type, name);
        if (wantType !== type)
          fail(`${name} is a ${type}, this matcher expects a ${wantType}; rebuild the claim set`);
        setPath(root, f.path, new TYPED_ARRAYS[type](checkCount(f.length, name)));
        break;
      }
      case 'str': {
        const count = checkCount(f.count, name);
        const offset = checkCount(f.offset, name);
        const bytes = checkCount(f.bytes, name);
        if (offset + bytes > u8.length) fail(`${name}: strings run past the end (truncated?)`);
        // Decoded on first read: ~1 ms per 10k strings, and some (dates) are never read.
        let arr: string[] | undefined;
        defineLazy(root, f.path, () => (arr ??= decodeStrings(u8, offset, bytes, count, name)));
        break;
      }
      case 'inv': {
        // Kept in field order (the object's shape, and a re-serialisation, stay the same);
        // the source array is looked up when the map is first used.
        const of = f.of;
        const source = header.fields.find(
          (g) => g.kind === 'str' && g.path.join('.') === of.join('.'),
        );
        if (!source) fail(`${name}: inverts ${of.join('.')}, which is not a string array`);
        const key = of[of.length - 1] as string;
        // A plain Map behind a getter (built on first read): every query term is looked up
        // in it, and a Map subclass's overridden get is several times slower than Map's own.
        let map: Map<string, number> | undefined;
        defineLazy(root, f.path, () => (map ??= inverse(parentOf(root, of)[key] as string[])));
        break;
      }
      case 'holes':
        setPath(root, f.path, new Array<undefined>(checkCount(f.length, name)));
        break;
      case 'json':
        setPath(root, f.path, f.value);
        break;
      case 'undef':
        setPath(root, f.path, undefined);
        break;
      default:
        fail(`field ${name} has an unknown kind ${JSON.stringify((f as { kind: unknown }).kind)}`);
    }
  }
  for (const name of want.keys())
    if (!have.has(name))
      fail(
        `field ${name} is missing: the claim set was built by another version of the matcher; rebuild it`,
      );
  return root as unknown as ClaimIndexCore;
}
