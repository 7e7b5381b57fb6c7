import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { adoptionsSql, certifiedProductsSql } from '../src/public/public-queries.js';
import {
  PUBLIC_ADOPTION_FIELDS,
  PUBLIC_CERTIFIED_PRODUCT_FIELDS,
} from '../src/public/public-views.js';
import { csvFile, jsonFile } from '../src/web/public-pages/open-data-files.js';
import { startTestApi, type TestApi } from './support/test-app.js';

/**
 * Internal columns: no value of any of them may appear in any public page or file.
 * (table, column) pairs; the values are read from the demo programme the test database
 * is seeded with, plus a few the test writes on adoptions that have public pages.
 */
const INTERNAL_COLUMNS: [string, string][] = [
  ['supplier_contacts', 'email'],
  ['supplier_contacts', 'name'],
  ['users', 'email'],
  ['local_variances', 'description'],
  ['local_variances', 'justification'],
  ['local_variances', 'decision_reason'],
  ['risks', 'title'],
  ['risks', 'description'],
  ['risks', 'closure_reason'],
  ['mitigation_actions', 'title'],
  ['risk_history', 'note'],
  ['adoptions', 'notes'],
  ['adoptions', 'attention_reason'],
  ['adoption_history', 'note'],
  ['products', 'status_reason'],
  ['certificates', 'revoked_reason'],
  ['usability_evaluations', 'supplier_reply'],
  ['supplier_webhooks', 'url'],
  ['submission_items', 'evidence_text'],
  ['submission_items', 'reviewer_comment'],
  ['conformance_submissions', 'decision_reason'],
  ['conformance_submissions', 'override_reason'],
  ['check_in_answers', 'comment'],
  ['meetings', 'minutes'],
];
/** Shorter values (e.g. "None", a stage name) are words, not data that could leak. */
const MIN_LENGTH = 8;

async function internalValues(db: DataSource): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const [table, column] of INTERNAL_COLUMNS) {
    const rows: { v: string }[] = await db.query(
      `SELECT DISTINCT ${column}::text AS v FROM ${table} WHERE length(${column}::text) >= ${MIN_LENGTH}`,
    );
    for (const { v } of rows) values.set(v, `${table}.${column}`);
  }
  return values;
}

const htmlEscape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Every internal value found in `outputs` (raw, HTML-escaped, CSV-quoted or JSON-escaped). */
function findLeaks(outputs: Map<string, string>, internal: Map<string, string>): string[] {
  const leaks: string[] = [];
  for (const [value, column] of internal) {
    const forms = new Set([
      value,
      htmlEscape(value),
      value.replace(/"/g, '""'),
      JSON.stringify(value).slice(1, -1),
    ]);
    for (const [name, text] of outputs) {
      if ([...forms].some((f) => text.includes(f))) leaks.push(`${column} in ${name}: ${value}`);
    }
  }
  return leaks;
}

describe('what is public is decided in one place: no internal value leaves unsigned', () => {
  let api: TestApi;
  let internal: Map<string, string>;
  const outputs = new Map<string, string>();

  beforeAll(async () => {
    api = await startTestApi({
      PUBLIC_RATE_PER_IP_PER_MINUTE: '100000',
      PUBLIC_CACHE_SECONDS: '0',
    });
    // Internal notes and a flag on adoptions that have public pages (the demo seed writes none).
    await api.db.query(
      `UPDATE adoptions a SET notes = 'Internal note ' || o.gss_code || ': chase the supplier',
              attention_required = true, attention_reason = 'Internal flag for ' || o.gss_code
         FROM organisations o WHERE o.id = a.council_id AND o.gss_code IN ('E09000001', 'W06000015')`,
    );
    internal = await internalValues(api.db);
    const http = api.http();
    const councils: { gss: string }[] = await api.db.query(
      `SELECT DISTINCT o.gss_code AS gss FROM organisations o JOIN adoptions a ON a.council_id = o.id`,
    );
    const certificates: { number: string }[] = await api.db.query(
      `SELECT certificate_number AS number FROM certificates`,
    );
    const pages = [
      '/public',
      '/public/councils',
      '/public/certified-products',
      '/open-data',
      ...councils.map((c) => `/public/councils/${c.gss}`),
      // The supplier portal's public certificate verification, for every certificate.
      ...certificates.map((c) => `/verify-certificate/${c.number}`),
    ];
    const files = [
      '/open-data/adoptions.csv',
      '/open-data/adoptions.json',
      '/open-data/certified-products.csv',
      '/open-data/certified-products.json',
    ];
    for (const lang of ['en', 'cy']) {
      for (const path of [...pages, ...files]) {
        const res = await http.get(path).set('accept-language', lang);
        expect(`${path} ${res.status}`).toBe(`${path} 200`);
        outputs.set(`${path} (${lang})`, res.text);
      }
    }
  }, 300_000);
  afterAll(() => api.close());

  it('has internal values of every kind in the demo data to look for', () => {
    const columns = new Set(internal.values());
    for (const c of [
      'supplier_contacts.email',
      'local_variances.justification',
      'risks.description',
      'adoptions.notes',
      'adoptions.attention_reason',
    ]) {
      expect(columns).toContain(c);
    }
    expect(outputs.size).toBeGreaterThan(300);
    // The register and the files are not empty: there is something to leak from.
    expect(
      outputs.get('/open-data/certified-products.csv (en)')!.split('\n').length,
    ).toBeGreaterThan(3);
    expect(outputs.get('/public/councils/E09000001 (en)')).toContain('<tbody');
  });

  it('finds none of them in any public page or open-data file, English or Welsh', () => {
    expect(findLeaks(outputs, internal)).toEqual([]);
  });

  it('would fail if an internal field were added to a public response type', async () => {
    // The same statements and file writers, with one internal column added to each view.
    const lastChange = { key: 'test', changedAt: new Date() };
    const withNotes = { ...PUBLIC_ADOPTION_FIELDS, notes: 'a.notes' };
    const adoptions = await api.db.query(adoptionsSql(withNotes));
    const withContact = {
      ...PUBLIC_CERTIFIED_PRODUCT_FIELDS,
      supplierContact: `(SELECT min(sc.email) FROM supplier_contacts sc WHERE sc.supplier_id = sup.id)`,
    };
    const products = await api.db.query(certifiedProductsSql(withContact));
    const widened = new Map([
      [
        'adoptions.csv + notes',
        csvFile(adoptions, Object.keys(withNotes), lastChange).body.toString(),
      ],
      [
        'certified-products.json + contact',
        jsonFile(products, '/open-data', lastChange).body.toString(),
      ],
    ]);
    const leaks = findLeaks(widened, internal);
    expect(leaks.some((l) => l.startsWith('adoptions.notes in adoptions.csv + notes'))).toBe(true);
    expect(
      leaks.some((l) =>
        l.startsWith('supplier_contacts.email in certified-products.json + contact'),
      ),
    ).toBe(true);
  });
});
