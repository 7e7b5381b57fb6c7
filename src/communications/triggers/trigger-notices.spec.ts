import { describe, expect, it } from '@jest/globals';
import { TemplateRenderer, type TemplateView } from '../template-renderer.js';
import { notices, type Notice } from './trigger-notices.js';

const service = { code: 'ADMISSIONS', name: 'School Admissions' };
const base = 'https://tracker.example';
const cert = {
  certificateId: 'c1',
  productId: 'p1',
  productName: 'Admit Pro',
  supplierId: 's1',
  serviceId: 'svc',
  requirementSetId: 'rs1',
  expiresAt: '2031-05-06T00:00:00.000Z',
};

const render = (n: Notice) => {
  const view: TemplateView = {
    notice: n.notice,
    products: [{ name: 'Admit Pro', release: '4.2', status: 'published' }],
    councils: [],
    supplier: { name: 'Acme' },
    contact: { name: 'Ada', email: 'ada@acme.test' },
    communication: { topic: n.topic, acknowledgeBy: '' },
    ackLink: 'https://ack',
  };
  return {
    subject: TemplateRenderer.render(n.subjectTemplate, view, { html: false }),
    text: TemplateRenderer.render(n.bodyTemplate, view, { html: false }),
  };
};

/** Apart from `notice.*` (system values), system templates use only the public placeholders. */
const unknownPlaceholders = (n: Notice) =>
  [
    ...TemplateRenderer.problems('subject', n.subjectTemplate),
    ...TemplateRenderer.problems('body', n.bodyTemplate),
  ].filter((e) => !e.message.includes('{{notice.'));

describe('trigger notices', () => {
  it('requirement_set.published: the service, version, diff counts and the supplier products', () => {
    const n = notices.requirementsPublished(
      {
        requirementSetId: 'rs2',
        serviceId: 'svc',
        version: 3,
        previousSetId: 'rs1',
        effectiveDate: '2031-09-01',
        diff: { added: ['A'], changed: ['B', 'C'], removed: [] },
      },
      service,
      base,
    );
    expect(n).toMatchObject({
      dedupeKey: 'trigger:requirement_set.published:rs2',
      topic: 'requirements',
      audience: { serviceIds: ['svc'] },
    });
    expect(unknownPlaceholders(n)).toEqual([]);
    const out = render(n);
    expect(out.subject).toBe('School Admissions: requirements version 3 published');
    expect(out.text).toContain('takes effect on 2031-09-01');
    expect(out.text).toContain('1 added, 2 changed, 0 removed');
    expect(out.text).toContain('- Admit Pro 4.2 (published)');
    expect(out.text).toContain('https://tracker.example/api/v1/requirement-sets/rs2');
  });

  it('certificate notices are keyed per certificate and threshold (or new version)', () => {
    const expiring = notices.certificateExpiring({ ...cert, daysLeft: 7 }, service, base);
    expect(expiring.dedupeKey).toBe('trigger:certificate.expiring:c1:7');
    expect(expiring.audience).toEqual({ supplierIds: ['s1'] });
    expect(render(expiring).subject).toBe(
      'Certificate expires in 7 days: Admit Pro for School Admissions',
    );
    const due = notices.reassessmentDue(
      { ...cert, newRequirementSetId: 'rs9', newVersion: 9, deadline: '2031-02-01' },
      service,
      base,
    );
    expect(due.dedupeKey).toBe('trigger:certificate.reassessment_due:c1:rs9');
    expect(render(due).text).toContain('Submit evidence against the new version by 2031-02-01');
    for (const n of [expiring, due]) expect(unknownPlaceholders(n)).toEqual([]);
  });

  it('submission.decided: one notice per decision, with the outcome and reason', () => {
    const n = notices.submissionDecided(
      {
        submissionId: 'sub1',
        productId: 'p1',
        productName: 'Admit Pro',
        supplierId: 's1',
        serviceId: 'svc',
        requirementSetId: 'rs1',
        result: 'changes_requested',
        reason: 'Add evidence for ADM-3.',
        certificateId: null,
      },
      '2031-01-01T10:00:00.000Z',
      service,
      base,
    );
    expect(n.dedupeKey).toBe('trigger:submission.decided:sub1:2031-01-01T10:00:00.000Z');
    const out = render(n);
    expect(out.subject).toBe(
      'Conformance submission changes requested: Admit Pro for School Admissions',
    );
    expect(out.text).toContain('Add evidence for ADM-3.');
    expect(unknownPlaceholders(n)).toEqual([]);
  });
});
