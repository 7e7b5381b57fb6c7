import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { CertificatesService } from '../../conformance/certificates.service.js';
import { CertificateQueryDto } from '../../conformance/dto/certificate.dto.js';
import { RequirementSetQueryDto } from '../../requirements/dto/requirement-set-query.dto.js';
import { RequirementSetVersionsService } from '../../requirements/requirement-set-versions.service.js';
import { RequirementSetsService } from '../../requirements/requirement-sets.service.js';
import type { RequirementSetView } from '../../requirements/requirement-views.js';
import { CATALOGUE_ADMIN } from '../page-roles.js';

/**
 * What the requirement set pages show, read through the requirements module's services:
 * a version with its requirements, the service's published version it would replace,
 * the diff against it, and how many valid certificates publishing would send to
 * reassessment.
 */
@Injectable()
export class RequirementSetPageLoader {
  constructor(
    private readonly sets: RequirementSetsService,
    private readonly versions: RequirementSetVersionsService,
    private readonly certificates: CertificatesService,
  ) {}

  /** The set's page: the version, its requirements, whether the user may change it. */
  async setPage(actor: Actor, id: string) {
    const set = await this.sets.get(id);
    return {
      set,
      editable: set.status === 'draft' && actor.role === CATALOGUE_ADMIN,
      canStartVersion: set.status !== 'draft' && actor.role === CATALOGUE_ADMIN,
    };
  }

  /** The service's current published version (the one a draft would supersede), if any. */
  async publishedOf(serviceId: string): Promise<RequirementSetView | undefined> {
    const page = await this.sets.list(
      serviceId,
      Object.assign(new RequirementSetQueryDto(), { status: 'published', limit: 1 }),
    );
    return page.data[0];
  }

  /** The publish confirmation: the diff against the published version, counted certificates. */
  async publishPage(actor: Actor, id: string) {
    const set = await this.sets.get(id);
    const previous = await this.publishedOf(set.service.id);
    const diff = previous
      ? await this.versions.diff(id, previous.id)
      : {
          added: set.requirements.map((r) => r.code),
          changed: [] as string[],
          removed: [] as string[],
          changes: [],
        };
    const byCode = new Map(set.requirements.map((r) => [r.code, r]));
    const before = new Map(
      (previous ? await this.sets.requirements(previous.id) : []).map((r) => [r.code, r]),
    );
    return {
      set,
      previous,
      diff,
      added: diff.added.map((code) => byCode.get(code)!),
      removed: diff.removed.map((code) => before.get(code)!),
      changed: diff.changes.map((c) => ({
        code: c.code,
        title: byCode.get(c.code)!.title,
        fields: Object.entries(c.fields).map(([field, v]) => ({ field, ...v })),
      })),
      certificatesAffected: await this.validCertificates(actor, set.service.id),
    };
  }

  /** Valid certificates of a service: the ones publishing a new version marks reassessment due. */
  async validCertificates(actor: Actor, serviceId: string): Promise<number> {
    const page = await this.certificates.list(
      actor,
      Object.assign(new CertificateQueryDto(), { serviceId, status: 'valid', limit: 1 }),
    );
    return page.meta.total;
  }
}
