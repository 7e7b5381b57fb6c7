import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { OPEN_STATUSES, PENDING_ACTION_STATUSES } from '../../risks/risk-lifecycle.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';
import { DigestRepository } from './digest.repository.js';

/**
 * Register entries and mitigation actions a supplier owns that are overdue: open entries
 * owned by the supplier organisation past their next review, and open or in-progress
 * actions (on open entries) past their due date, owned by a user of the supplier or, with
 * no owner user, on an entry the supplier owns.
 */
@Injectable()
export class OverdueRisksSource implements DigestItemSource {
  constructor(
    private readonly digest: DigestRepository,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows = await this.digest.overdueRisks(now, OPEN_STATUSES, PENDING_ACTION_STATUSES);
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: r.kind,
      title: r.title,
      due: r.due,
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/risks/${r.risk_id}`,
    }));
  }
}
