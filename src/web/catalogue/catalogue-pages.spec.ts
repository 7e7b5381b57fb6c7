import { describe, expect, it } from '@jest/globals';
import type { RelationshipView, ServiceView } from '../../catalogue/catalogue-views.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { parseRequirementsCsv } from '../../requirements/requirements-csv.js';
import { tFor } from '../i18n.js';
import { describePointer } from '../forms/json-pointer.js';
import { csvImportErrors } from './requirement-forms.js';
import { layOutServiceGraph } from './service-graph-svg.js';

const service = (code: string) =>
  ({ id: `id-${code}`, code, name: `Service ${code}` }) as ServiceView;
const ref = (code: string) => ({ id: `id-${code}`, code, name: `Service ${code}` });
const edge = (from: string, type: RelationshipView['type'], to: string): RelationshipView => ({
  id: `${from}-${to}`,
  type,
  from: ref(from),
  to: ref(to),
  standard: null,
  description: '',
  createdAt: new Date(),
});

describe('catalogue pages helpers', () => {
  it('lays the graph out in columns by dependency depth, leaving unrelated services out', () => {
    const services = ['A', 'B', 'C', 'D', 'LONE'].map(service);
    const drawing = layOutServiceGraph(services, [
      edge('C', 'depends_on', 'B'),
      edge('B', 'depends_on', 'A'),
      edge('D', 'exchanges_data_with', 'A'),
    ]);
    const x = Object.fromEntries(drawing.nodes.map((n) => [n.code, n.x]));
    expect(Object.keys(x).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(x.A).toBe(x.D);
    expect(x.A < x.B && x.B < x.C).toBe(true);
    expect(drawing.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['C>B', 'B>A', 'D>A']);
    for (const e of drawing.edges) expect(e.d).toMatch(/^M [\d.]+ [\d.]+ C /);
    expect(drawing.width).toBeGreaterThan(x.C);
  });

  it('puts a JSON pointer in words, in English and Welsh', () => {
    const en = tFor('en');
    expect(describePointer('', en)).toBe('the whole sample');
    expect(describePointer('/children/1/name', en)).toBe('“name” in item 2 of “children”');
    expect(describePointer('/0', en)).toBe('item 1 of the sample');
    expect(describePointer('/a~1b/c~0d', en)).toBe('“c~d” in “a/b”');
    expect(describePointer('/children/0', tFor('cy'))).toBe('eitem 1 o “children”');
  });

  it("turns the CSV importer's row errors into a summary and a row table", () => {
    let thrown: unknown;
    try {
      parseRequirementsCsv('code,title,level\nADM-001,Fine,MUST\nADM-1,,SOMETIMES\n');
    } catch (err) {
      thrown = err;
    }
    const errors = csvImportErrors(thrown, tFor('en'));
    expect(errors?.summary).toEqual([
      { field: 'csv', text: 'Correct these rows of the CSV: 3. Nothing was imported.' },
    ]);
    expect(errors?.rows.map((r) => [r.row, r.column])).toEqual([
      [3, 'code'],
      [3, 'title'],
      [3, 'level'],
    ]);
    expect(errors?.rows[2].text).toBe('Enter MUST, SHOULD or MAY');
    expect(csvImportErrors(ProblemException.notFound('Requirement set'), tFor('en'))).toBeNull();
  });
});
