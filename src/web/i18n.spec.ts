import { describe, expect, it } from '@jest/globals';
import { formatters, fromAcceptLanguage, loadCatalogue, tFor } from './i18n.js';
import { safeReturnTo } from './page-request.js';

/** Every leaf key of a nested catalogue, with its text. */
const leaves = (o: Record<string, unknown>, prefix = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object'
      ? leaves(v as Record<string, unknown>, `${prefix}${k}.`)
      : [[`${prefix}${k}`, String(v)] as [string, string]],
  );
const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const en = new Map(leaves(loadCatalogue('en')));
  const cy = new Map(leaves(loadCatalogue('cy')));

  it('have the same keys in English and Welsh', () => {
    expect([...en.keys()].filter((k) => !cy.has(k))).toEqual([]);
    expect([...cy.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('have no empty message and the same placeholders in both languages', () => {
    const problems = [...en].flatMap(([key, text]) => {
      const welsh = cy.get(key) ?? '';
      const out: string[] = [];
      if (!text.trim() || !welsh.trim()) out.push(`${key}: empty`);
      if (vars(text).join() !== vars(welsh).join()) out.push(`${key}: placeholders differ`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('are Welsh in Welsh: most messages differ from the English', () => {
    const same = [...en].filter(([key, text]) => cy.get(key) === text).map(([key]) => key);
    // Language names, codes and numbers-only messages may be the same in both.
    expect(same.length).toBeLessThan(en.size / 20);
  });

  it('translate through i18next with interpolation', () => {
    expect(tFor('cy')('common.signedInAs', { name: 'Ann' })).toBe('Wedi mewngofnodi fel Ann');
    expect(tFor('en')('stages.live')).toBe('Live');
  });
});

describe('language and formats', () => {
  it('takes the first of English or Welsh from Accept-Language, by quality', () => {
    expect(fromAcceptLanguage(undefined)).toBe('en');
    expect(fromAcceptLanguage('cy-GB,cy;q=0.9,en;q=0.8')).toBe('cy');
    expect(fromAcceptLanguage('fr, en;q=0.5, cy;q=0.7')).toBe('cy');
    expect(fromAcceptLanguage('de')).toBe('en');
    expect(fromAcceptLanguage('cy;q=0, en')).toBe('en');
  });

  it('formats dates and numbers per locale', () => {
    expect(formatters('en').date('2027-03-01')).toBe('1 March 2027');
    expect(formatters('cy').date('2027-03-01')).toMatch(/Mawrth 2027/);
    expect(formatters('en').number(12345)).toBe('12,345');
  });

  it('keeps only same-site relative return addresses', () => {
    expect(safeReturnTo('/council/adoptions/1?x=2')).toBe('/council/adoptions/1?x=2');
    for (const bad of [
      '//evil.example',
      'https://evil.example/',
      '/\\evil.example',
      'council',
      '/a\nb',
      42,
    ]) {
      expect(safeReturnTo(bad)).toBeNull();
    }
  });
});
