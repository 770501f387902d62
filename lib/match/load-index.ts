import { buildIndex } from './build-index';
import { INDEX_FORMAT, INDEX_VERSION, type ClaimIndexCore } from './index-core';
import {
  BINARY_MAGIC,
  BINARY_VERSION,
  LITTLE_ENDIAN,
  PREFIX_BYTES,
  serializeIndex,
  TYPED_ARRAYS,
  type AnyTypedArray,
  type FieldEntry,
  type IndexHeader,
  type TypedArrayName,
} from './serialize-index';

function fail(msg: string): never {
  throw new Error(`loadIndex: ${msg}`);
}

/** The payload as bytes at an 8-aligned address (views need their element alignment). */
function bytesOf(data: unknown): Uint8Array {
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
        setPath(root, f.path, new LazyInverse(() => parentOf(root, of)[key] as string[]));
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

/**
 * Map<string, number> from each string of an array to its position, built on first use:
 * termId over ~60k terms costs a few ms, which the load should not pay (the background
 * builds it right after loading, off the critical path; see warmIndex).
 */
export class LazyInverse extends Map<string, number> {
  private ready = false;
  constructor(private readonly of: () => readonly string[]) {
    super();
  }
  private build(): void {
    this.ready = true;
    const a = this.of();
    for (let i = 0; i < a.length; i++) super.set(a[i] as string, i);
  }
  override get(key: string): number | undefined {
    if (!this.ready) this.build();
    return super.get(key);
  }
  override has(key: string): boolean {
    if (!this.ready) this.build();
    return super.has(key);
  }
  override get size(): number {
    if (!this.ready) this.build();
    return super.size;
  }
  override set(key: string, value: number): this {
    if (!this.ready) this.build();
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    if (!this.ready) this.build();
    return super.delete(key);
  }
  override clear(): void {
    this.ready = true;
    super.clear();
  }
  override forEach(
    cb: (value: number, key: string, map: Map<string, number>) => void,
    thisArg?: unknown,
  ): void {
    if (!this.ready) this.build();
    super.forEach(cb, thisArg);
  }
  override entries(): MapIterator<[string, number]> {
    if (!this.ready) this.build();
    return super.entries();
  }
  override keys(): MapIterator<string> {
    if (!this.ready) this.build();
    return super.keys();
  }
  override values(): MapIterator<number> {
    if (!this.ready) this.build();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/**
 * Builds whatever loadIndex left for first use (string arrays, the term map), so the first
 * query does not pay for it: the background calls it right after loading, off the critical
 * path. Cost ~10 ms for the bundled set.
 */
export function warmIndex(index: ClaimIndexCore): void {
  const walk = (o: object): void => {
    for (const k in o) {
      const v: unknown = (o as Record<string, unknown>)[k]; // runs a lazy getter
      if (v instanceof Map) void v.size;
      else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
        walk(v);
    }
  };
  walk(index);
}
