import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEMO_CERTIFICATES,
  DEMO_EVALUATIONS,
  DEMO_PRODUCTS,
  DEMO_SUBMISSIONS,
} from './demo/demo-products.js';
import { requirementHashSql } from './requirement-hash.js';

const DAY_MS = 86_400_000;

/**
 * Demo products (five per council-delivered service, two of them published with a valid
 * certificate), submissions in every state with their items, certificates valid /
 * reassessment_due / expired, and published usability evaluations. Rows carry stable
 * seed keys and are inserted set-based: a second run inserts nothing.
 */
@Injectable()
export class ConformanceSeeder {
  async seedDemo(m: EntityManager, now = new Date()): Promise<Record<string, number>> {
    const col = <T, K extends keyof T>(rows: T[], k: K) => rows.map((r) => r[k]);
    const products: { id: string }[] = await m.query(
      `INSERT INTO products (seed_key, supplier_id, name, product_version, description, status, status_reason, published_at)
       SELECT t.key, o.id, t.name, '3.1', 'Demo product for ' || t.service, t.status,
              CASE WHEN t.status = 'in_remediation' THEN 'Accessibility fixes agreed with the programme office' END,
              CASE WHEN t.status <> 'draft' THEN $6::timestamptz END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
              AS t(key, service, supplier, name, status)
         JOIN organisations o ON o.type = 'SUPPLIER' AND o.name = t.supplier
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        col(DEMO_PRODUCTS, 'key'),
        col(DEMO_PRODUCTS, 'service'),
        col(DEMO_PRODUCTS, 'supplier'),
        col(DEMO_PRODUCTS, 'name'),
        col(DEMO_PRODUCTS, 'status'),
        new Date(now.getTime() - 120 * DAY_MS),
      ],
    );
    await m.query(
      `INSERT INTO product_services (product_id, service_id)
       SELECT p.id, s.id FROM unnest($1::text[], $2::text[]) AS t(key, service)
         JOIN products p ON p.seed_key = t.key JOIN services s ON s.code = t.service
       ON CONFLICT DO NOTHING`,
      [col(DEMO_PRODUCTS, 'key'), col(DEMO_PRODUCTS, 'service')],
    );
    const submitted = new Date(now.getTime() - 60 * DAY_MS);
    const decided = new Date(now.getTime() - 45 * DAY_MS);
    const submissions: { id: string }[] = await m.query(
      `INSERT INTO conformance_submissions (seed_key, product_id, supplier_id, service_id, requirement_set_id,
              status, result, round, submitted_at, decided_at, decision_reason)
       SELECT t.key, p.id, p.supplier_id, ps.service_id, rs.id, t.status, t.result,
              CASE WHEN t.status = 'draft' THEN 0 ELSE 1 END,
              CASE WHEN t.status <> 'draft' THEN $5::timestamptz END,
              CASE WHEN t.status = 'decided' THEN $6::timestamptz END,
              CASE t.result WHEN 'approved' THEN 'Meets every MUST requirement; evidence reviewed'
                            WHEN 'changes_requested' THEN 'Evidence for two MUST requirements is missing'
                            WHEN 'rejected' THEN 'Does not support the required data standard' END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(key, product, status, result)
         JOIN products p ON p.seed_key = t.product
         JOIN product_services ps ON ps.product_id = p.id
         JOIN requirement_sets rs ON rs.service_id = ps.service_id AND rs.status = 'published'
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        col(DEMO_SUBMISSIONS, 'key'),
        col(DEMO_SUBMISSIONS, 'product'),
        col(DEMO_SUBMISSIONS, 'status'),
        col(DEMO_SUBMISSIONS, 'result'),
        submitted,
        decided,
      ],
    );
    const ids = submissions.map((s) => s.id);
    const items: { id: string }[] = ids.length
      ? await m.query(
          `INSERT INTO submission_items (submission_id, requirement_id, code, level, position, content_hash,
                  self_assessment, evidence_text, verdict, reviewer_comment)
           SELECT s.id, r.id, r.code, r.level, r.position, ${requirementHashSql('r')}, a.answer,
                  coalesce(CASE WHEN a.answer IS NOT NULL THEN 'Shown in the demo walkthrough, section ' || r.position END, ''),
                  CASE WHEN s.status IN ('in_review', 'decided') THEN a.answer END,
                  CASE WHEN s.result = 'changes_requested' AND r.level = 'MUST' AND r.position <= 2
                       THEN 'Please add screenshots of this step' END
             FROM conformance_submissions s
             JOIN requirements r ON r.requirement_set_id = s.requirement_set_id
             CROSS JOIN LATERAL (SELECT CASE
                 WHEN s.status = 'draft' AND r.position > 3 THEN NULL
                 WHEN r.level = 'MUST' THEN 'meets'
                 WHEN r.level = 'SHOULD' AND r.position % 3 = 0 THEN 'partial'
                 WHEN r.level = 'MAY' AND r.position % 2 = 0 THEN 'not_applicable'
                 ELSE 'meets' END AS answer) a
            WHERE s.id = ANY($1)
           RETURNING id`,
          [ids],
        )
      : [];
    const certificates: { id: string }[] = await m.query(
      `INSERT INTO certificates (seed_key, product_id, supplier_id, service_id, requirement_set_id, submission_id,
              status, valid_from, expires_at, reassessment_deadline)
       SELECT t.key, p.id, p.supplier_id, s.service_id, s.requirement_set_id, s.id, t.status,
              $6::timestamptz + make_interval(days => t.days) - interval '1 year',
              $6::timestamptz + make_interval(days => t.days),
              CASE WHEN t.status = 'reassessment_due' THEN ($6::timestamptz)::date + 60 END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])
              AS t(key, product, submission, status, days)
         JOIN products p ON p.seed_key = t.product
         JOIN conformance_submissions s ON s.seed_key = t.submission
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        col(DEMO_CERTIFICATES, 'key'),
        col(DEMO_CERTIFICATES, 'product'),
        col(DEMO_CERTIFICATES, 'submission'),
        col(DEMO_CERTIFICATES, 'status'),
        col(DEMO_CERTIFICATES, 'expiresInDays'),
        now,
      ],
    );
    const evaluations: { id: string }[] = await m.query(
      `INSERT INTO usability_evaluations (seed_key, product_id, supplier_id, sus_score, task_completion_percent,
              wcag_level, evaluated_on, report_url, evaluator, summary, status, published_at)
       SELECT t.key, p.id, p.supplier_id, t.sus, t.completion, t.wcag, (($6::timestamptz)::date - 30),
              'https://reports.programme.example/usability/' || replace(t.key, ':', '-') || '.pdf',
              'Independent Usability Lab (demo)', 'Moderated sessions with 12 parents and 4 council officers',
              'published', $6::timestamptz
         FROM unnest($1::text[], $2::text[], $3::float8[], $4::int[], $5::text[])
              AS t(key, product, sus, completion, wcag)
         JOIN products p ON p.seed_key = t.product
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        col(DEMO_EVALUATIONS, 'key'),
        col(DEMO_EVALUATIONS, 'product'),
        col(DEMO_EVALUATIONS, 'sus'),
        col(DEMO_EVALUATIONS, 'completion'),
        col(DEMO_EVALUATIONS, 'wcag'),
        now,
      ],
    );
    return {
      products: products.length,
      submissions: submissions.length,
      submissionItems: items.length,
      certificates: certificates.length,
      usabilityEvaluations: evaluations.length,
    };
  }
}
