import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './bench-result.js';

/**
 * `npm run bench`: runs the exported `run()` of every `bench/*.bench.ts` module (compiled
 * to dist/bench/*.bench.js), one after the other, and prints one table. Names given as
 * arguments pick some: `npm run bench -- health` runs health.bench only.
 */
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.bench.js'))
  .filter((file) => only.length === 0 || only.includes(file.replace(/\.bench\.js$/, '')))
  .sort();

const rows: BenchRow[] = [];
for (const file of modules) {
  console.log(`running ${file} …`);
  const bench = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  rows.push(...(await bench.run()));
}

const table = [
  ['benchmark', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'note'],
  ...rows.map((r) => [
    r.name,
    String(r.reqPerSec),
    String(r.p50Ms),
    String(r.p99Ms),
    r.cpuUsPerReq === undefined ? '' : String(r.cpuUsPerReq),
    r.note ?? '',
  ]),
];
const widths = table[0].map((_, col) => Math.max(...table.map((line) => line[col].length)));
const format = (line: string[]) =>
  line
    .map((cell, col) =>
      col === 0 || col === table[0].length - 1
        ? cell.padEnd(widths[col])
        : cell.padStart(widths[col]),
    )
    .join('  ');
console.log('');
console.log(format(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const line of table.slice(1)) console.log(format(line));
