import type { InteropTestViewDto } from './dto/interop-test-view.dto.js';
import type { InteropCase } from './interop-test.entity.js';
import type { CaseResult, PartyRole, PartyType, RetestReason } from './interop-rule.js';

/** The party's display name: product name and release, or the shared service's name. */
export const partyNameSql = (type: string, id: string) =>
  `CASE ${type} WHEN 'product' THEN (SELECT p.name || ' ' || p.product_version FROM products p WHERE p.id = ${id})
                ELSE (SELECT ss.name FROM shared_services ss WHERE ss.id = ${id}) END`;

/** Columns of `interop_tests t` (joined to `standards s`) that a view needs. */
export const VIEW_COLUMNS = `t.id, t.standard_id, s.code AS standard_code, s.version AS standard_version,
  t.party_a_type, t.party_a_id, t.party_a_role, ${partyNameSql('t.party_a_type', 't.party_a_id')} AS party_a_name,
  t.party_b_type, t.party_b_id, t.party_b_role, ${partyNameSql('t.party_b_type', 't.party_b_id')} AS party_b_name,
  t.cases, t.result, t.tested_on::text AS tested_on, t.evidence_url, t.witness,
  t.expires_on::text AS expires_on, t.retest_due, t.retest_reason, t.version`;

export interface InteropRow {
  id: string;
  standard_id: string;
  standard_code: string;
  standard_version: string;
  party_a_type: PartyType;
  party_a_id: string;
  party_a_role: PartyRole;
  party_a_name: string;
  party_b_type: PartyType;
  party_b_id: string;
  party_b_role: PartyRole;
  party_b_name: string;
  cases: InteropCase[];
  result: CaseResult;
  tested_on: string;
  evidence_url: string;
  witness: string;
  expires_on: string | null;
  retest_due: boolean;
  retest_reason: RetestReason | null;
  version: number;
}

export const toInteropView = (r: InteropRow): InteropTestViewDto => ({
  id: r.id,
  standardId: r.standard_id,
  standardCode: r.standard_code,
  standardVersion: r.standard_version,
  partyA: { type: r.party_a_type, id: r.party_a_id, name: r.party_a_name, role: r.party_a_role },
  partyB: { type: r.party_b_type, id: r.party_b_id, name: r.party_b_name, role: r.party_b_role },
  cases: r.cases,
  result: r.result,
  testedOn: r.tested_on,
  evidenceUrl: r.evidence_url,
  witness: r.witness,
  expiresOn: r.expires_on,
  retestDue: r.retest_due,
  retestReason: r.retest_reason,
  version: r.version,
});
