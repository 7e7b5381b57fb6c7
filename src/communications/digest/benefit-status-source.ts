import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';
import { DigestRepository } from './digest.repository.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * Benefits a supplier owns whose computed status moved in the last week: the latest move
 * of each, "on_track → at_risk", so the owner sees it on the weekly digest.
 */
@Injectable()
export class BenefitStatusSource implements DigestItemSource {
  constructor(
    private readonly digest: DigestRepository,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows = await this.digest.benefitStatusChanges(new Date(now.getTime() - WEEK_MS), now);
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'benefit_status',
      title: r.title,
      due: r.due,
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/benefits/${r.benefit_id}`,
    }));
  }
}
