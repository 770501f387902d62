/**
 * Compact integer arrays for the serialised index: LEB128 varints in base64.
 * Term ids are mostly < 2^14, so a token costs ~2 bytes (~2.7 chars of base64)
 * instead of ~6 chars as a JSON number; decoding 1M ints takes a few ms.
 */
export function encodeVarints(values: ArrayLike<number>): string {
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let v = (values[i] ?? 0) >>> 0;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
  }
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.slice(i, i + CHUNK));
  }
  return btoa(bin);
}

export function decodeVarints(b64: string, count: number): Uint32Array {
  const bin = atob(b64);
  const out = new Uint32Array(count);
  let n = 0;
  let v = 0;
  let shift = 0;
  for (let i = 0; i < bin.length; i++) {
    const b = bin.charCodeAt(i);
    v |= (b & 0x7f) << shift;
    if (b & 0x80) {
      shift += 7;
    } else {
      if (n >= count) throw new Error('index payload: integer array longer than declared');
      out[n++] = v >>> 0;
      v = 0;
      shift = 0;
    }
  }
  if (n !== count) throw new Error(`index payload: expected ${count} integers, found ${n}`);
  return out;
}
