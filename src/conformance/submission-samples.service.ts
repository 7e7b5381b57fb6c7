import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { toSampleView } from './conformance-views.js';
import type { AddSampleDto, VersionOnlyDto } from './dto/submission.dto.js';
import { SampleChecker } from './sample-checker.service.js';
import { SubmissionSamplesRepository } from './submission-samples.repository.js';
import { SubmissionStore } from './submission-store.service.js';
import { SubmissionsRepository } from './submissions.repository.js';

/**
 * Sample payloads per governing standard: listed, added (checked against the standard's
 * schema at once: the answer carries pass/fail and the errors) and removed while editable.
 */
@Injectable()
export class SubmissionSamplesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: SubmissionStore,
    private readonly submissions: SubmissionsRepository,
    private readonly samples: SubmissionSamplesRepository,
    private readonly checker: SampleChecker,
  ) {}

  async list(actor: Actor, id: string) {
    const s = await this.store.findVisible(actor, id);
    const [samples, standards] = await Promise.all([
      this.samples.listOfSubmission(id),
      this.samples.governingStandards(s.serviceId),
    ]);
    return { data: samples.map(toSampleView), standards };
  }

  async add(actor: Actor, id: string, dto: AddSampleDto) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const s = await this.store.lock(m, actor, id, dto.version);
      this.store.assertEditable(s);
      const standards = await this.samples.governingStandards(s.serviceId, m);
      if (!standards.some((g) => g.id === dto.standardId)) {
        throw ProblemException.unprocessable(
          'standard_not_governing',
          'That standard does not govern this service (or is not in force)',
          { governing: standards.map((g) => g.id) },
        );
      }
      const check = await this.checker.checkOne(dto.standardId, dto.payload);
      const sample = await this.samples.create(m, {
        submissionId: id,
        standardId: dto.standardId,
        label: dto.label,
        payload: dto.payload,
        ...check,
        checkedAt: new Date(),
      });
      const saved = await this.store.touch(m, s);
      const view = toSampleView(sample);
      await this.submissions.addHistory(m, actor, id, {
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
      const sample = await this.samples.find(m, id, sampleId);
      if (!sample) throw ProblemException.notFound('Sample', sampleId);
      await this.samples.delete(m, sampleId);
      const saved = await this.store.touch(m, s);
      await this.submissions.addHistory(m, actor, id, {
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
