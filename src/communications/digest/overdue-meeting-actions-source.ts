import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';
import { DigestRepository } from './digest.repository.js';

/**
 * Open governance meeting actions past their due date, on the digest of every supplier that
 * sits in the meeting's group (actions have a named owner, not an organisation, so the
 * group's supplier members are the ones to chase them). One query for every supplier.
 */
@Injectable()
export class OverdueMeetingActionsSource implements DigestItemSource {
  constructor(
    private readonly digest: DigestRepository,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows = await this.digest.overdueMeetingActions(now);
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'meeting_action_overdue',
      title: r.title,
      due: r.due,
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/meetings/${r.meeting_id}`,
    }));
  }
}
