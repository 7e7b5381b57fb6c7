import { Injectable } from '@nestjs/common';
import { AckLinkSigner } from '../ack-link-signer.js';
import { isoDate } from '../communication-views.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';
import { DigestRepository } from './digest.repository.js';

const NEAR_DAYS = 7;

/**
 * Communications a supplier has not acknowledged whose acknowledge-by date is past or
 * within a week; the item links to the signed acknowledgement link.
 */
@Injectable()
export class UnacknowledgedSource implements DigestItemSource {
  constructor(
    private readonly digest: DigestRepository,
    private readonly links: AckLinkSigner,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows = await this.digest.unacknowledged(now, NEAR_DAYS);
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'acknowledgement',
      title: `Acknowledge: ${r.subject}`,
      due: isoDate(r.acknowledge_by),
      link: this.links.link(r.communication_id, r.supplier_id, r.contact_id),
    }));
  }
}
