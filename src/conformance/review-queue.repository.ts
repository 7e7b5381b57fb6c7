import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SubmissionResult, SubmissionStatus } from './submission-lifecycle.js';

/** A submission as a reviewer lists it: the names behind its ids. */
export interface ReviewEntry {
  id: string;
  status: SubmissionStatus;
  result: SubmissionResult | null;
  round: number;
  submittedAt: Date | null;
  productId: string;
  productName: string;
  productVersion: string;
  supplierId: string;
  supplierName: string;
  serviceId: string;
  serviceCode: string;
  serviceName: string;
  setVersion: number;
  reviewerName: string | null;
  failedChecks: number;
}

const SELECT = `
  SELECT s.id, s.status, s.result, s.round, s.submitted_at AS "submittedAt",
         s.product_id AS "productId", p.name AS "productName", p.product_version AS "productVersion",
         s.supplier_id AS "supplierId", o.name AS "supplierName",
         s.service_id AS "serviceId", sv.code AS "serviceCode", sv.name AS "serviceName",
         rs.version AS "setVersion", u.display_name AS "reviewerName",
         (SELECT count(*)::int FROM submission_samples x
           WHERE x.submission_id = s.id AND x.check_status = 'failed') AS "failedChecks"
    FROM conformance_submissions s
    JOIN products p ON p.id = s.product_id
    JOIN organisations o ON o.id = s.supplier_id
    JOIN services sv ON sv.id = s.service_id
    JOIN requirement_sets rs ON rs.id = s.requirement_set_id
    LEFT JOIN users u ON u.id = s.reviewer_user_id`;

/** Submissions with the names behind their ids, for the programme office's review queue. */
@Injectable()
export class ReviewQueueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Submissions waiting for a decision (submitted or in review), oldest submitted first. */
  waiting(): Promise<ReviewEntry[]> {
    return this.db.query<ReviewEntry[]>(
      `${SELECT} WHERE s.status IN ('submitted', 'in_review')
        ORDER BY s.submitted_at ASC NULLS LAST, s.id`,
    );
  }

  async entry(id: string): Promise<ReviewEntry | null> {
    const [row] = await this.db.query<ReviewEntry[]>(`${SELECT} WHERE s.id = $1`, [id]);
    return row ?? null;
  }
}
