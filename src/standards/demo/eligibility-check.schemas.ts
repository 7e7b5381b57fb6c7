/** Demo: FSM eligibility check request and response, JSON Schema draft 2020-12. */
export const ELIGIBILITY_CHECK_REQUEST_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://standards.programme.example/fsm-ecs-request/1.0.0',
  title: 'FSM eligibility check request',
  description:
    'What a council (or its supplier) sends the Eligibility Checking Service to check a ' +
    'parent or carer: surname, date of birth, and a National Insurance number or a NASS reference.',
  type: 'object',
  required: ['requestReference', 'checkType', 'localAuthority', 'parent'],
  additionalProperties: false,
  properties: {
    requestReference: { type: 'string', pattern: '^[A-Za-z0-9-]{6,64}$' },
    checkType: { enum: ['application', 'recheck'] },
    localAuthority: {
      type: 'object',
      required: ['gssCode'],
      additionalProperties: false,
      properties: {
        gssCode: { type: 'string', pattern: '^[EW][0-9]{8}$' },
        name: { type: 'string', maxLength: 200 },
      },
    },
    parent: {
      type: 'object',
      required: ['surname', 'dateOfBirth'],
      additionalProperties: false,
      properties: {
        surname: { type: 'string', minLength: 1, maxLength: 100 },
        dateOfBirth: { type: 'string', format: 'date' },
        nationalInsuranceNumber: {
          type: 'string',
          pattern: '^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$',
        },
        nassReference: { type: 'string', pattern: '^[0-9]{2}/[0-9]{2}/[0-9]{5,6}$' },
      },
      oneOf: [{ required: ['nationalInsuranceNumber'] }, { required: ['nassReference'] }],
    },
    requestedAt: { type: 'string', format: 'date-time' },
  },
};

export const ELIGIBILITY_CHECK_RESPONSE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://standards.programme.example/fsm-ecs-response/1.0.0',
  title: 'FSM eligibility check response',
  description:
    'The Eligibility Checking Service answer: the outcome only, never the benefit, income or ' +
    'immigration details behind it.',
  type: 'object',
  required: ['requestReference', 'checkReference', 'outcome', 'checkedAt'],
  additionalProperties: false,
  properties: {
    requestReference: { type: 'string', pattern: '^[A-Za-z0-9-]{6,64}$' },
    checkReference: { type: 'string', pattern: '^ECS-[0-9A-F]{16}$' },
    outcome: {
      enum: ['eligible', 'not_eligible', 'parent_not_found', 'queued_for_processing', 'error'],
    },
    protectedEligibility: { type: 'boolean', default: false },
    validUntil: { type: 'string', format: 'date' },
    checkedAt: { type: 'string', format: 'date-time' },
    retryAfterSeconds: { type: 'integer', minimum: 1 },
  },
  allOf: [
    {
      if: { properties: { outcome: { const: 'eligible' } }, required: ['outcome'] },
      then: { required: ['validUntil'] },
    },
    {
      if: { properties: { outcome: { const: 'queued_for_processing' } }, required: ['outcome'] },
      then: { required: ['retryAfterSeconds'] },
    },
  ],
};
