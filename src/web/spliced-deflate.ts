import { constants, deflateRawSync } from 'node:zlib';

/**
 * A zlib stream (`Content-Encoding: deflate`, RFC 1950/1951) put together from pieces
 * compressed once and small values that change per response, which are written as stored
 * (uncompressed) blocks. Each static piece is compressed on its own and ends on a byte
 * boundary (sync flush), so its back-references never reach outside it: nothing a response
 * adds is ever compressed against the page, and the compressed size does not depend on
 * those values (no BREACH-style guessing of a CSRF token from response sizes).
 */
export interface DeflatedPiece {
  readonly bytes: Buffer;
  readonly adler: number;
  readonly length: number;
}

const ZLIB_HEADER = Buffer.from([0x78, 0x9c]);
/** A final, empty stored block. */
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
const ADLER_BASE = 65521;
const MAX_STORED = 0xffff;

export function deflatePiece(raw: Buffer): DeflatedPiece {
  return {
    bytes: deflateRawSync(raw, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }),
    adler: adler32(raw),
    length: raw.length,
  };
}

/** Raw bytes as stored blocks (a block holds at most 65,535 bytes). */
export function storedPiece(raw: Buffer): DeflatedPiece {
  const blocks: Buffer[] = [];
  for (let at = 0; at < raw.length; at += MAX_STORED) {
    const chunk = raw.subarray(at, at + MAX_STORED);
    const header = Buffer.alloc(5);
    header.writeUInt16LE(chunk.length, 1);
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    blocks.push(header, chunk);
  }
  return { bytes: Buffer.concat(blocks), adler: adler32(raw), length: raw.length };
}

/** The pieces, in order, as one zlib stream. */
export function zlibStream(pieces: DeflatedPiece[]): Buffer {
  let adler = 1;
  for (const p of pieces) adler = adler32Combine(adler, p.adler, p.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler >>> 0);
  return Buffer.concat([ZLIB_HEADER, ...pieces.map((p) => p.bytes), FINAL_BLOCK, trailer]);
}

export function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  // 5,552 bytes is the most that can be summed before b could overflow 2^32 (zlib's NMAX).
  for (let start = 0; start < data.length; start += 5552) {
    const end = Math.min(data.length, start + 5552);
    for (let i = start; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of A followed by B, from theirs and B's length (zlib's adler32_combine). */
export function adler32Combine(adlerA: number, adlerB: number, lengthB: number): number {
  const rem = lengthB % ADLER_BASE;
  let sum1 = adlerA & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (adlerB & 0xffff) + ADLER_BASE - 1;
  sum2 += ((adlerA >>> 16) & 0xffff) + ((adlerB >>> 16) & 0xffff) + ADLER_BASE - rem;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum2 >= ADLER_BASE * 2) sum2 -= ADLER_BASE * 2;
  if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}
