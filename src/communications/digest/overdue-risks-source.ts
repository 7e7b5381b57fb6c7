import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { OPEN_STATUSES, PENDING_ACTION_STATUSES } from '../../risks/risk-lifecycle.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';

/**
 * Register entries and mitigation actions a supplier owns that are overdue: open entries
 * owned by the supplier organisation past their next review, and open or in-progress
 * actions (on open entries) past their due date, owned by a user of the supplier or, with
 * no owner user, on an entry the supplier owns.
 */
@Injectable()
export class OverdueRisksSource implements DigestItemSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows: {
      kind: 'risk_review' | 'risk_action';
      supplier_id: string;
      risk_id: string;
      title: string;
      due: string;
    }[] = await this.db.query(
      `SELECT 'risk_review' AS kind, r.owner_organisation_id AS supplier_id, r.id AS risk_id,
              'Review overdue: ' || r.reference || ' ' || r.title AS title,
              to_char(r.next_review_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due
         FROM risks r JOIN organisations s ON s.id = r.owner_organisation_id AND s.type = 'SUPPLIER'
        WHERE r.status = ANY($2) AND r.next_review_at < $1
       UNION ALL
       SELECT 'risk_action', s.id, r.id,
              'Action overdue: ' || a.title || ' (' || r.reference || ')',
              a.due_date::text
         FROM mitigation_actions a
         JOIN risks r ON r.id = a.risk_id AND r.status = ANY($2)
         LEFT JOIN users u ON u.id = a.owner_user_id
         JOIN organisations s ON s.type = 'SUPPLIER'
                             AND s.id = COALESCE(u.organisation_id, r.owner_organisation_id)
        WHERE a.status = ANY($3) AND a.due_date < ($1::timestamptz AT TIME ZONE 'UTC')::date
        ORDER BY due, title`,
      [now, OPEN_STATUSES, PENDING_ACTION_STATUSES],
    );
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: r.kind,
      title: r.title,
      due: r.due,
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/risks/${r.risk_id}`,
    }));
  }
}
