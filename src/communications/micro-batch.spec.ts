import { describe, expect, it } from '@jest/globals';
import { MicroBatch } from './micro-batch.js';

describe('MicroBatch', () => {
  it('runs calls made close together as one batch, answering each caller', async () => {
    const batches: number[][] = [];
    const batch = new MicroBatch<number, number>(async (xs) => {
      batches.push(xs);
      return xs.map((x) => x * 10);
    });
    expect(await Promise.all([1, 2, 3].map((x) => batch.add(x)))).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('flushes at the size limit and rejects every caller of a failed batch', async () => {
    const sizes: number[] = [];
    const batch = new MicroBatch<number, number>(
      async (xs) => {
        sizes.push(xs.length);
        if (xs.includes(-1)) throw new Error('boom');
        return xs;
      },
      1000,
      2,
    );
    await expect(Promise.all([batch.add(1), batch.add(2)])).resolves.toEqual([1, 2]);
    await expect(Promise.all([batch.add(-1), batch.add(3)])).rejects.toThrow('boom');
    expect(sizes).toEqual([2, 2]);
  });
});
