import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';

/**
 * Conformance submissions a reviewer sent back (decided, changes_requested) that the
 * supplier has not resubmitted yet: resubmitting moves them back to submitted. No due
 * date: the programme sets none, the title says when changes were asked for.
 */
@Injectable()
export class ChangesRequestedSource implements DigestItemSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async items(_now: Date): Promise<DigestItem[]> {
    const rows: {
      id: string;
      supplier_id: string;
      product: string;
      service: string;
      requested: string;
    }[] = await this.db.query(
      `SELECT cs.id, cs.supplier_id, p.name || ' ' || p.product_version AS product,
              sv.name AS service, to_char(cs.decided_at, 'YYYY-MM-DD') AS requested
         FROM conformance_submissions cs
         JOIN products p ON p.id = cs.product_id
         JOIN services sv ON sv.id = cs.service_id
        WHERE cs.status = 'decided' AND cs.result = 'changes_requested'
        ORDER BY cs.decided_at, cs.id`,
    );
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'changes_requested',
      title: `Changes requested on ${r.requested}: ${r.product} for ${r.service}`,
      due: '',
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/conformance-submissions/${r.id}`,
    }));
  }
}
