import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';
import { DigestRepository } from './digest.repository.js';

/**
 * Relationship check-ins past their due date that the supplier has not answered, on that
 * supplier's digest. One query for every supplier.
 */
@Injectable()
export class OverdueCheckInsSource implements DigestItemSource {
  constructor(
    private readonly digest: DigestRepository,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows = await this.digest.overdueCheckIns(now);
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'check_in_overdue',
      title: 'Relationship check-in overdue: answer your half',
      due: r.due,
      link: `${this.config.PUBLIC_BASE_URL}/supplier/check-ins/${r.id}`,
    }));
  }
}
