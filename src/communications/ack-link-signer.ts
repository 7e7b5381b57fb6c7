import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

/**
 * Signs and checks acknowledgement links: HMAC-SHA256 over communication, supplier and
 * contact, with a key derived from DATA_ENCRYPTION_KEY for this purpose only.
 */
@Injectable()
export class AckLinkSigner {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.DATA_ENCRYPTION_KEY).update('ack-link.v1').digest();
  }

  private sign(communicationId: string, supplierId: string, contactId: string): string {
    return createHmac('sha256', this.key)
      .update(`${communicationId}.${supplierId}.${contactId}`)
      .digest('base64url');
  }

  link(communicationId: string, supplierId: string, contactId: string): string {
    const q = new URLSearchParams({
      supplier: supplierId,
      contact: contactId,
      sig: this.sign(communicationId, supplierId, contactId),
    });
    return `${this.config.PUBLIC_BASE_URL}/api/v1/communications/${communicationId}/acknowledge-link?${q.toString()}`;
  }

  /** Where a machine client acknowledges for its organisation (POST, authenticated). */
  apiLink(communicationId: string): string {
    return `${this.config.PUBLIC_BASE_URL}/api/v1/communications/${communicationId}/acknowledge`;
  }

  verify(communicationId: string, supplierId: string, contactId: string, sig: string): boolean {
    const expected = Buffer.from(this.sign(communicationId, supplierId, contactId));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
