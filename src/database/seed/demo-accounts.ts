import type { EntityManager } from 'typeorm';
import { DEMO_SUPPLIERS } from '../../organisations/demo-suppliers.js';

export interface DemoAccount {
  email: string;
  role: string;
  organisation: string;
}

/**
 * The demo sign-ins: admin@ and viewer@programme.example, one per agency, one per demo
 * supplier (supplier@<slug>.example) and one per council (council.<gss>@councils.example).
 */
export async function demoAccounts(m: EntityManager): Promise<(DemoAccount & { orgId: string })[]> {
  const orgs: {
    id: string;
    type: string;
    name: string;
    code: string | null;
    gss: string | null;
  }[] = await m.query(
    `SELECT id, type, name, code, gss_code AS gss FROM organisations
        WHERE type IN ('PROGRAMME_OFFICE', 'AGENCY', 'COUNCIL') OR name = ANY($1::text[])
        ORDER BY type, gss_code, name`,
    [DEMO_SUPPLIERS.map((s) => s.name)],
  );
  const slugByName = new Map(DEMO_SUPPLIERS.map((s) => [s.name, s.slug]));
  return orgs.flatMap((o) => {
    const base = { organisation: o.name, orgId: o.id };
    switch (o.type) {
      case 'PROGRAMME_OFFICE':
        return [
          { ...base, email: 'admin@programme.example', role: 'programme_admin' },
          { ...base, email: 'viewer@programme.example', role: 'programme_viewer' },
        ];
      case 'AGENCY':
        return [{ ...base, email: `${o.code!.toLowerCase()}@agency.example`, role: 'agency' }];
      case 'COUNCIL':
        return [
          { ...base, email: `council.${o.gss!.toLowerCase()}@councils.example`, role: 'council' },
        ];
      default:
        return [{ ...base, email: `supplier@${slugByName.get(o.name)}.example`, role: 'supplier' }];
    }
  });
}

/** Inserts the demo users that are missing, all with one argon2id hash of DEMO_PASSWORD. */
export async function seedDemoAccounts(m: EntityManager, passwordHash: string): Promise<number> {
  const accounts = await demoAccounts(m);
  const rows = await m.query<{ id: string }[]>(
    `INSERT INTO users (email, display_name, password_hash, role, organisation_id)
     SELECT email, display_name, $5, role, org_id
       FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS t(email, display_name, role, org_id)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [
      accounts.map((a) => a.email),
      accounts.map((a) => `${a.organisation} (demo ${a.role.replace('_', ' ')})`),
      accounts.map((a) => a.role),
      accounts.map((a) => a.orgId),
      passwordHash,
    ],
  );
  return rows.length;
}
