import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';

const ROOT = process.cwd();

/** Every file under `dir` whose name ends with `suffix`, recursively. */
function filesEndingWith(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesEndingWith(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

/** Names of the classes a file exports. */
function exportedClasses(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^export class (\w+)/gm)].map((m) => m[1]);
}

describe('explicit entity and migration lists', () => {
  it('ENTITIES lists every class exported by a *.entity.ts file under src/', () => {
    const files = filesEndingWith(join(ROOT, 'src'), '.entity.ts');
    expect(files.length).toBeGreaterThan(0);
    const onDisk = files
      .flatMap((f) => exportedClasses(f).map((name) => `${name} (${relative(ROOT, f)})`))
      .sort();
    const listed = new Set(ENTITIES.map((entity) => entity.name));
    expect(onDisk.filter((e) => !listed.has(e.split(' ')[0]))).toEqual([]);
    expect(ENTITIES).toHaveLength(onDisk.length);
  });

  it('MIGRATIONS lists every file in migrations/, in timestamp order', () => {
    const files = readdirSync(join(ROOT, 'migrations'))
      .filter((f) => f.endsWith('.ts'))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    const onDisk = files.map((file) => {
      const classes = exportedClasses(join(ROOT, 'migrations', file));
      expect({ file, classes: classes.length }).toEqual({ file, classes: 1 });
      const timestamp = file.split('-')[0];
      expect({ file, className: classes[0] }).toEqual({
        file,
        className: expect.stringMatching(new RegExp(`${timestamp}$`)),
      });
      return classes[0];
    });
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(onDisk);
  });
});
