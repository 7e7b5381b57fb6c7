import { Injectable } from '@nestjs/common';
import type { DigestItem, DigestItemSource } from './digest-item.js';

/**
 * HOOK for the lead: conformance submissions in "changes requested" awaiting the
 * supplier. The submissions table is built on another branch; when it lands, this becomes
 * one query (supplier_id, product, service, requested date, link to the submission) like
 * CertificatesDueSource. Until then it contributes nothing.
 */
@Injectable()
export class ChangesRequestedSource implements DigestItemSource {
  async items(_now: Date): Promise<DigestItem[]> {
    return [];
  }
}
