import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';
import { DigestRepository } from './digest.repository.js';

/**
 * Conformance submissions a reviewer sent back (decided, changes_requested) that the
 * supplier has not resubmitted yet: resubmitting moves them back to submitted. No due
 * date: the programme sets none, the title says when changes were asked for.
 */
@Injectable()
export class ChangesRequestedSource implements DigestItemSource {
  constructor(
    private readonly digest: DigestRepository,
    private readonly config: AppConfig,
  ) {}

  async items(_now: Date): Promise<DigestItem[]> {
    const rows = await this.digest.changesRequested();
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'changes_requested',
      title: `Changes requested on ${r.requested}: ${r.product} for ${r.service}`,
      due: '',
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/conformance-submissions/${r.id}`,
    }));
  }
}
