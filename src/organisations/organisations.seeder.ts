import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseCsvRecords } from '../common/csv.js';
import { DEMO_AGENCIES, DEMO_SUPPLIERS, PROGRAMME_OFFICE } from './demo-suppliers.js';

export const COUNCILS_CSV = 'data/councils-england-wales.csv';
export const LONDON_GROUP = 'London boroughs';

/**
 * Reference data (every council from the shared CSV, the London boroughs group, the
 * programme office, the six agencies) and the demo suppliers with contacts. Every
 * statement is insert-if-absent, so a second run changes nothing. Returns rows inserted.
 */
@Injectable()
export class OrganisationsSeeder {
  async seedReference(m: EntityManager): Promise<Record<string, number>> {
    const councils = parseCsvRecords(readFileSync(COUNCILS_CSV, 'utf8'));
    const col = (k: string) => councils.map((c) => c[k]);
    const inserted = await m.query<{ id: string }[]>(
      `INSERT INTO organisations (type, gss_code, name, council_type, region, nation)
       SELECT 'COUNCIL', * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (gss_code) WHERE gss_code IS NOT NULL DO NOTHING RETURNING id`,
      [col('gss_code'), col('name'), col('type'), col('region'), col('nation')],
    );
    const orgs = [PROGRAMME_OFFICE, ...DEMO_AGENCIES];
    const others = await m.query<{ id: string }[]>(
      `INSERT INTO organisations (type, code, name)
       SELECT CASE WHEN code = 'PO' THEN 'PROGRAMME_OFFICE' ELSE 'AGENCY' END, code, name
         FROM unnest($1::text[], $2::text[]) AS t(code, name)
       ON CONFLICT (code) WHERE code IS NOT NULL DO NOTHING RETURNING id`,
      [orgs.map((o) => o.code), orgs.map((o) => o.name)],
    );
    await m.query(
      `INSERT INTO council_groups (name, description) VALUES ($1, 'The 32 London boroughs and the City of London')
       ON CONFLICT (name) DO NOTHING`,
      [LONDON_GROUP],
    );
    const members = await m.query<{ council_id: string }[]>(
      `INSERT INTO council_group_members (group_id, council_id)
       SELECT g.id, o.id FROM council_groups g, organisations o
        WHERE g.name = $1 AND o.type = 'COUNCIL' AND o.region = 'London'
       ON CONFLICT DO NOTHING RETURNING council_id`,
      [LONDON_GROUP],
    );
    return {
      councils: inserted.length,
      organisations: others.length,
      londonMembers: members.length,
    };
  }

  async seedDemo(m: EntityManager): Promise<Record<string, number>> {
    const suppliers = await m.query<{ id: string }[]>(
      `INSERT INTO organisations (type, name, company_number, onboarding_status)
       SELECT 'SUPPLIER', n, c, 'active' FROM unnest($1::text[], $2::text[]) AS t(n, c)
        WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.type = 'SUPPLIER' AND o.name = t.n)
       RETURNING id`,
      [DEMO_SUPPLIERS.map((s) => s.name), DEMO_SUPPLIERS.map((s) => s.companyNumber)],
    );
    const contacts = DEMO_SUPPLIERS.flatMap((s) => [
      [s.name, 'Delivery lead', `delivery@${s.slug}.example`, '{admissions,releases}'],
      [s.name, 'Service desk', `support@${s.slug}.example`, '{free-school-meals,incidents}'],
    ]);
    const added = await m.query<{ id: string }[]>(
      `INSERT INTO supplier_contacts (supplier_id, name, email, topics)
       SELECT o.id, t.contact, t.email, t.topics::text[]
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(supplier, contact, email, topics)
         JOIN organisations o ON o.type = 'SUPPLIER' AND o.name = t.supplier
        WHERE NOT EXISTS (SELECT 1 FROM supplier_contacts c WHERE c.supplier_id = o.id AND c.email = t.email)
       RETURNING id`,
      [0, 1, 2, 3].map((i) => contacts.map((c) => c[i])),
    );
    return { suppliers: suppliers.length, contacts: added.length };
  }
}
