import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SchemaValidator } from '../src/standards/schema-validator.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';

interface StandardBody {
  id: string;
  code: string;
  version: string;
  status: string;
  revision: number;
  hasSchema: boolean;
  services: { code: string }[];
}
interface PayloadError {
  pointer: string;
  message: string;
}

const RUN = Date.now().toString(36).toUpperCase();

const eligibilityRequest = {
  requestReference: 'REQ-2027-000123',
  checkType: 'application',
  localAuthority: { gssCode: 'E09000001', name: 'City of London' },
  parent: { surname: "O'Brien", dateOfBirth: '1986-02-14', nationalInsuranceNumber: 'AB123456C' },
  requestedAt: '2027-01-10T09:30:00Z',
};

const admissionsApplication = {
  applicationReference: 'LDN-2027-004512',
  round: 'reception',
  academicYear: '2027/28',
  homeLocalAuthority: { gssCode: 'E09000007', name: 'Camden' },
  child: {
    givenName: 'Amara',
    familyName: 'Okafor',
    dateOfBirth: '2023-03-14',
    lookedAfterStatus: 'not_looked_after',
  },
  applicant: {
    givenName: 'Ngozi',
    familyName: 'Okafor',
    relationship: 'parent',
    email: 'ngozi.okafor@example.com',
  },
  address: { line1: '12 Example Road', town: 'London', postcode: 'NW1 8AB', uprn: '5023741' },
  preferences: [
    {
      rank: 1,
      schoolUrn: '100032',
      siblings: [{ name: 'Chidi Okafor', dateOfBirth: '2019-06-02' }],
    },
    { rank: 2, schoolUrn: '100045', maintainingLocalAuthority: { gssCode: 'E09000019' } },
  ],
  submittedAt: '2027-01-12T20:15:00Z',
};

describe('standards: lifecycle and testable JSON Schemas', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let orgs: Record<string, string>;
  let demo: Record<string, StandardBody>;
  let serviceIds: Record<string, string>;
  const admin = () => as(api, p.admin);
  const validate = (id: string, payload: unknown, who: Principal = p.supplierA) =>
    as(api, who)
      .post(`/api/v1/standards/${id}/validate`)
      .send(payload as object);
  const pointers = (errors: PayloadError[]) => errors.map((e) => e.pointer).sort();

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
    const rows: { code: string; id: string }[] = await api.db.query(
      `SELECT code, id FROM organisations WHERE code IS NOT NULL`,
    );
    orgs = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    const list = await as(api, p.agency).get('/api/v1/standards?limit=500');
    demo = Object.fromEntries(list.body.data.map((s: StandardBody) => [s.code, s]));
    const services = await as(api, p.agency).get('/api/v1/services?limit=500');
    serviceIds = Object.fromEntries(
      services.body.data.map((s: { code: string; id: string }) => [s.code, s.id]),
    );
  });
  afterAll(() => api.close());

  it('seeds the demo standards, with schemas, governing the right services', async () => {
    expect(demo['FSM-ECS-REQUEST']).toMatchObject({
      version: '1.0.0',
      status: 'active',
      hasSchema: true,
      services: [{ code: 'FSM-APPLY' }, { code: 'FSM-ECS' }],
    });
    expect(demo['ADM-APPLICATION'].services.map((s) => s.code)).toEqual(['ADMISSIONS']);
    expect(demo['PAY-NOTIFICATION'].status).toBe('draft');
    expect(demo.WCAG.hasSchema).toBe(false);
    const governing = await as(api, p.councilX).get(
      `/api/v1/standards?serviceId=${serviceIds['FSM-ECS']}`,
    );
    expect(governing.body.data.map((s: StandardBody) => s.code)).toEqual([
      'FSM-ECS-REQUEST',
      'FSM-ECS-RESPONSE',
    ]);
    const one = await as(api, p.councilX).get(`/api/v1/standards/${demo['FSM-ECS-RESPONSE'].id}`);
    expect(one.body.jsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(one.body.owner).toMatchObject({ code: 'DFE', type: 'AGENCY' });
  });

  it('validates sample payloads against the demo schemas, with JSON pointers to each error', async () => {
    const ok = await validate(demo['FSM-ECS-REQUEST'].id, eligibilityRequest);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ valid: true, errors: [] });

    const bad = await validate(demo['FSM-ECS-REQUEST'].id, {
      ...eligibilityRequest,
      localAuthority: { gssCode: 'X123' },
      parent: { surname: 'Smith', dateOfBirth: '1986-02-30', nationalInsuranceNumber: 'AB123456E' },
      colour: 'blue',
    });
    expect(bad.status).toBe(200);
    expect(bad.body.valid).toBe(false);
    expect(pointers(bad.body.errors)).toEqual([
      '/colour',
      '/localAuthority/gssCode',
      '/parent/dateOfBirth',
      '/parent/nationalInsuranceNumber',
    ]);
    expect(bad.body.errors).toContainEqual({
      pointer: '/parent/dateOfBirth',
      message: 'must match format "date"',
    });

    const neither = await validate(demo['FSM-ECS-REQUEST'].id, {
      ...eligibilityRequest,
      parent: { surname: 'Smith', dateOfBirth: '1986-02-14' },
    });
    expect(pointers(neither.body.errors)).toEqual([
      '/parent',
      '/parent/nassReference',
      '/parent/nationalInsuranceNumber',
    ]);

    const noValidUntil = await validate(demo['FSM-ECS-RESPONSE'].id, {
      requestReference: 'REQ-2027-000123',
      checkReference: 'ECS-00A1B2C3D4E5F607',
      outcome: 'eligible',
      checkedAt: '2027-01-10T09:30:02Z',
    });
    expect(noValidUntil.body.errors).toContainEqual({
      pointer: '/validUntil',
      message: "must have required property 'validUntil'",
    });

    const application = await validate(
      demo['ADM-APPLICATION'].id,
      admissionsApplication,
      p.councilY,
    );
    expect(application.body).toEqual({ valid: true, errors: [] });
    const seven = await validate(demo['ADM-APPLICATION'].id, {
      ...admissionsApplication,
      preferences: Array.from({ length: 7 }, (_, i) => ({ rank: i + 1, schoolUrn: '100032' })),
    });
    expect(pointers(seven.body.errors)).toEqual(['/preferences', '/preferences/6/rank']);

    expect((await validate(demo['FSM-ECS-REQUEST'].id, [1, 2])).body.errors).toEqual([
      { pointer: '', message: 'must be object' },
    ]);
  });

  it('refuses a payload over the body size limit with 413, and a standard without a schema with 422', async () => {
    const huge = { ...eligibilityRequest, padding: 'x'.repeat(1024 * 1024 + 1) };
    const res = await validate(demo['FSM-ECS-REQUEST'].id, huge);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    const none = await validate(demo.WCAG.id, {});
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('no_schema');
    expect((await validate('00000000-0000-4000-8000-000000000000', {})).status).toBe(404);
  });

  it('compiles a schema once, and again only after it changes', async () => {
    const created = await admin()
      .post('/api/v1/standards')
      .send({
        code: `T${RUN}-CACHE`,
        version: '1.0',
        name: 'Cache test',
        ownerId: orgs.PO,
        jsonSchema: { type: 'object', required: ['a'] },
      });
    expect(created.status).toBe(201);
    const validator = api.app.get(SchemaValidator);
    const before = validator.compilations;
    for (let i = 0; i < 3; i++) {
      expect((await validate(created.body.id, { a: i })).body.valid).toBe(true);
    }
    expect(validator.compilations - before).toBe(1);
    const changed = await admin()
      .patch(`/api/v1/standards/${created.body.id}`)
      .send({ revision: created.body.revision, jsonSchema: { type: 'object', required: ['b'] } });
    expect(changed.status).toBe(200);
    const mid = validator.compilations;
    expect((await validate(created.body.id, { a: 1 })).body.errors).toEqual([
      { pointer: '/b', message: "must have required property 'b'" },
    ]);
    expect((await validate(created.body.id, { b: 1 })).body.valid).toBe(true);
    expect(validator.compilations - mid).toBe(1);
  });

  it('checks a schema when it is uploaded: a broken one is 400 with the validator message', async () => {
    const base = { version: '1.0.0', name: 'Broken', ownerId: orgs.DFE };
    const typo = await admin()
      .post('/api/v1/standards')
      .send({
        ...base,
        code: `T${RUN}-BROKEN`,
        jsonSchema: { type: 'object', properties: { a: { type: 'strng' } } },
      });
    expect(typo.status).toBe(400);
    expect(typo.body.code).toBe('invalid_schema');
    expect(typo.body.detail).toContain('must be equal to one of the allowed values');
    const dangling = await admin()
      .post('/api/v1/standards')
      .send({ ...base, code: `T${RUN}-BROKEN`, jsonSchema: { $ref: '#/$defs/nowhere' } });
    expect(dangling.status).toBe(400);
    expect(dangling.body.detail).toContain("can't resolve reference #/$defs/nowhere");
    const notObject = await admin()
      .post('/api/v1/standards')
      .send({ ...base, code: `T${RUN}-BROKEN`, jsonSchema: 'string' });
    expect(notObject.status).toBe(400);
    expect(
      (await api.db.query(`SELECT 1 FROM standards WHERE code = $1`, [`T${RUN}-BROKEN`])).length,
    ).toBe(0);
  });

  it('moves a standard through draft → active → deprecated → retired with effective dates; illegal moves are 409', async () => {
    const created = await admin()
      .post('/api/v1/standards')
      .send({
        code: `T${RUN}-LIFE`,
        version: '2.1.0',
        name: 'Lifecycle test',
        ownerId: orgs.DFE,
        serviceIds: [serviceIds.ADMISSIONS, serviceIds['FSM-APPLY']],
        jsonSchema: { type: 'object' },
      });
    expect(created.body).toMatchObject({ status: 'draft', revision: 1, effectiveFrom: null });
    expect(created.body.services.map((s: { code: string }) => s.code)).toEqual([
      'ADMISSIONS',
      'FSM-APPLY',
    ]);
    const id = created.body.id as string;
    const move = (to: string, effectiveDate?: string) =>
      admin().post(`/api/v1/standards/${id}/transitions`).send({ to, effectiveDate, note: 'test' });

    const skip = await move('deprecated');
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ code: 'illegal_transition', allowed: ['active'] });
    const active = await move('active', '2027-04-01');
    expect(active.body).toMatchObject({
      status: 'active',
      effectiveFrom: '2027-04-01',
      revision: 2,
    });

    const schemaFrozen = await admin()
      .patch(`/api/v1/standards/${id}`)
      .send({ revision: 2, jsonSchema: { type: 'array' } });
    expect(schemaFrozen.status).toBe(409);
    expect(schemaFrozen.body).toMatchObject({
      code: 'standard_not_draft',
      currentStatus: 'active',
    });
    const renamed = await admin()
      .patch(`/api/v1/standards/${id}`)
      .send({ revision: 2, name: 'Renamed', serviceIds: [serviceIds.PAYMENTS] });
    expect(renamed.body).toMatchObject({
      name: 'Renamed',
      revision: 3,
      services: [{ code: 'PAYMENTS' }],
    });
    const stale = await admin().patch(`/api/v1/standards/${id}`).send({ revision: 2, name: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 3 });

    expect((await move('retired')).body.allowed).toEqual(['deprecated']);
    expect((await move('deprecated', '2027-03-01')).body.code).toBe('effective_date_too_early');
    expect((await move('deprecated', '2028-01-01')).body).toMatchObject({
      status: 'deprecated',
      deprecatedFrom: '2028-01-01',
    });
    expect((await move('retired', '2028-09-01')).body).toMatchObject({
      status: 'retired',
      retiredFrom: '2028-09-01',
      effectiveFrom: '2027-04-01',
    });
    const final = await move('active');
    expect(final.status).toBe(409);
    expect(final.body.allowed).toEqual([]);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`,
      [id],
    );
    expect(n).toBe(5);
  });

  it('refuses duplicates, bad owners, unknown services and status in the body', async () => {
    const body = { code: 'FSM-ECS-REQUEST', version: '1.0.0', name: 'Again', ownerId: orgs.DFE };
    expect((await admin().post('/api/v1/standards').send(body)).status).toBe(409);
    const supplierOwner = await admin()
      .post('/api/v1/standards')
      .send({ ...body, version: '9.9.9', ownerId: p.supplierA.organisationId });
    expect(supplierOwner.body.code).toBe('invalid_owner');
    const unknownService = await admin()
      .post('/api/v1/standards')
      .send({ ...body, version: '9.9.9', serviceIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknownService.status).toBe(422);
    expect(unknownService.body.missing).toEqual(['00000000-0000-4000-8000-000000000000']);
    const withStatus = await admin()
      .post('/api/v1/standards')
      .send({ ...body, version: '9.9.9', status: 'active' });
    expect(withStatus.status).toBe(400);
    expect(withStatus.body.errors[0].field).toBe('status');
  });
});
