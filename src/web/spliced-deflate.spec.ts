import { randomBytes } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { acceptsDeflate } from './cached-render.js';
import {
  adler32,
  adler32Combine,
  deflatePiece,
  storedPiece,
  zlibStream,
} from './spliced-deflate.js';

const page = (n: number) =>
  Buffer.from(
    Array.from({ length: n }, (_, i) => `<tr class="govuk-table__row"><td>${i}</td></tr>\n`).join(
      '',
    ),
  );

describe('spliced deflate', () => {
  it('Adler-32 agrees with zlib (the trailer of a zlib stream), whole and combined', () => {
    for (const data of [Buffer.alloc(0), Buffer.from('a'), page(3000), randomBytes(70_000)]) {
      const trailer = deflateSync(data).subarray(-4).readUInt32BE();
      expect(adler32(data)).toBe(trailer);
      const cut = Math.floor(data.length / 3);
      const [a, b] = [data.subarray(0, cut), data.subarray(cut)];
      expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(trailer);
    }
  });

  it('inflates to the pieces and values in order, with zlib checking the checksum', () => {
    const statics = [page(400), page(2), Buffer.alloc(0), page(900)];
    const values = [randomBytes(24), Buffer.from('token-abc'), randomBytes(70_000)];
    const raw = Buffer.concat(
      statics.flatMap((s, i) => (i < values.length ? [s, values[i]] : [s])),
    );
    const stream = zlibStream(
      statics.flatMap((s, i) =>
        i < values.length ? [deflatePiece(s), storedPiece(values[i])] : [deflatePiece(s)],
      ),
    );
    expect(inflateSync(stream).equals(raw)).toBe(true);
    expect(stream.length).toBeLessThan(raw.length);
  });

  it('compresses to the same size whatever the per-response values are', () => {
    const before = deflatePiece(page(500));
    const after = deflatePiece(Buffer.from('<p>a secret-looking token: '));
    const sizes = ['aaaaaaaaaaaaaaaa', 'tr class="govuk-', 'a secret-looking'].map(
      (v) => zlibStream([before, storedPiece(Buffer.from(v)), after]).length,
    );
    expect(new Set(sizes).size).toBe(1);
  });

  it('reads Accept-Encoding as browsers and proxies send it', () => {
    expect(acceptsDeflate('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsDeflate('deflate;q=0.5')).toBe(true);
    expect(acceptsDeflate('*')).toBe(true);
    expect(acceptsDeflate('gzip, deflate;q=0')).toBe(false);
    expect(acceptsDeflate('*;q=0')).toBe(false);
    expect(acceptsDeflate('gzip, br')).toBe(false);
    expect(acceptsDeflate('identity')).toBe(false);
    expect(acceptsDeflate(undefined)).toBe(false);
  });
});
