import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { toSampleView } from './conformance-views.js';
import type { AddSampleDto, VersionOnlyDto } from './dto/submission.dto.js';
import { governingStandards } from './governing-standards.js';
import { SampleChecker } from './sample-checker.service.js';
import { SubmissionSample } from './submission-sample.entity.js';
import { SubmissionStore } from './submission-store.service.js';

/**
 * Sample payloads per governing standard: listed, added (checked against the standard's
 * schema at once: the answer carries pass/fail and the errors) and removed while editable.
 */
@Injectable()
export class SubmissionSamplesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: SubmissionStore,
    private readonly checker: SampleChecker,
  ) {}

  async list(actor: Actor, id: string) {
    const s = await this.store.findVisible(actor, id);
    const [samples, standards] = await Promise.all([
      this.db
        .getRepository(SubmissionSample)
        .find({ where: { submissionId: id }, order: { createdAt: 'ASC' } }),
      governingStandards(this.db.manager, s.serviceId),
    ]);
    return { data: samples.map(toSampleView), standards };
  }

  async add(actor: Actor, id: string, dto: AddSampleDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.store.lock(m, actor, id, dto.version);
      this.store.assertEditable(s);
      const standards = await governingStandards(m, s.serviceId);
      if (!standards.some((g) => g.id === dto.standardId)) {
        throw ProblemException.unprocessable(
          'standard_not_governing',
          'That standard does not govern this service (or is not in force)',
          { governing: standards.map((g) => g.id) },
        );
      }
      const check = await this.checker.checkOne(dto.standardId, dto.payload);
      const sample = await m.save(
        m.create(SubmissionSample, {
          submissionId: id,
          standardId: dto.standardId,
          label: dto.label,
          payload: dto.payload as object,
          ...check,
          checkedAt: new Date(),
        }),
      );
      const saved = await this.store.touch(m, s);
      const view = toSampleView(sample);
      await this.store.addHistory(m, actor, id, {
        event: 'sample_added',
        details: { sampleId: sample.id, standardId: dto.standardId, label: dto.label },
      });
      await this.audit.record(m, actor, {
        action: 'submission.sample_added',
        entityType: 'conformance_submission',
        entityId: id,
        after: view,
      });
      return { ...view, submissionVersion: saved.version };
    });
  }

  async remove(actor: Actor, id: string, sampleId: string, dto: VersionOnlyDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.store.lock(m, actor, id, dto.version);
      this.store.assertEditable(s);
      const sample = await m.findOneBy(SubmissionSample, { id: sampleId, submissionId: id });
      if (!sample) throw ProblemException.notFound('Sample', sampleId);
      await m.delete(SubmissionSample, { id: sampleId });
      const saved = await this.store.touch(m, s);
      await this.store.addHistory(m, actor, id, {
        event: 'sample_removed',
        details: { sampleId, label: sample.label },
      });
      await this.audit.record(m, actor, {
        action: 'submission.sample_removed',
        entityType: 'conformance_submission',
        entityId: id,
        before: toSampleView(sample),
      });
      return { removed: sampleId, submissionVersion: saved.version };
    });
  }
}
