import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { Actor } from './actor.js';
import { UsersRepository } from './users.repository.js';

export type PreferredLanguage = 'en' | 'cy';

/**
 * Each person's language (the Welsh Language Standards ask councils to record it): the
 * portal reads it at sign-in and stores the person's choice from the language toggle.
 */
@Injectable()
export class LanguagePreferenceService {
  constructor(
    private readonly users: UsersRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async get(userId: string): Promise<PreferredLanguage | null> {
    return this.users.preferredLanguage(userId);
  }

  /** Records the choice (audited); no write when it is already the stored one. */
  async set(actor: Actor, language: PreferredLanguage): Promise<void> {
    if (!actor.userId) return;
    const userId = actor.userId;
    await this.uow.run(async (tx) => {
      const m = tx.manager;
      const user = await this.users.lockForChange(m, userId);
      if (!user || user.preferredLanguage === language) return;
      await this.users.setPreferredLanguage(m, userId, language);
      await this.audit.record(m, actor, {
        action: 'user.language_changed',
        entityType: 'user',
        entityId: userId,
        before: { preferredLanguage: user.preferredLanguage },
        after: { preferredLanguage: language },
      });
    });
  }
}
