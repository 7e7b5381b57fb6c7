/** Demo: the school admissions application exchange, JSON Schema draft 2020-12. */
export const ADMISSIONS_APPLICATION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://standards.programme.example/adm-application/1.0.0',
  title: 'School admissions application exchange',
  description:
    'One application for a school place, as exchanged between a parent-facing admissions ' +
    'product, the home council and the councils maintaining the preferred schools.',
  type: 'object',
  required: [
    'applicationReference',
    'round',
    'academicYear',
    'homeLocalAuthority',
    'child',
    'applicant',
    'address',
    'preferences',
    'submittedAt',
  ],
  additionalProperties: false,
  properties: {
    applicationReference: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{5,39}$' },
    round: { enum: ['reception', 'junior', 'secondary', 'in_year'] },
    academicYear: {
      type: 'string',
      pattern: '^\\d{4}/\\d{2}$',
      description: 'The school year the place is for, e.g. 2027/28',
    },
    homeLocalAuthority: { $ref: '#/$defs/localAuthority' },
    child: {
      type: 'object',
      required: ['givenName', 'familyName', 'dateOfBirth'],
      additionalProperties: false,
      properties: {
        givenName: { type: 'string', minLength: 1, maxLength: 100 },
        familyName: { type: 'string', minLength: 1, maxLength: 100 },
        dateOfBirth: { type: 'string', format: 'date' },
        lookedAfterStatus: {
          enum: ['not_looked_after', 'looked_after', 'previously_looked_after'],
          default: 'not_looked_after',
        },
      },
    },
    applicant: {
      type: 'object',
      required: ['givenName', 'familyName', 'relationship', 'email'],
      additionalProperties: false,
      properties: {
        givenName: { type: 'string', minLength: 1, maxLength: 100 },
        familyName: { type: 'string', minLength: 1, maxLength: 100 },
        relationship: { enum: ['parent', 'carer', 'guardian', 'corporate_parent'] },
        email: { type: 'string', format: 'email' },
        phone: { type: 'string', pattern: '^\\+?[0-9 ]{10,16}$' },
      },
    },
    address: {
      type: 'object',
      required: ['line1', 'postcode'],
      additionalProperties: false,
      properties: {
        line1: { type: 'string', minLength: 1, maxLength: 200 },
        line2: { type: 'string', maxLength: 200 },
        town: { type: 'string', maxLength: 100 },
        postcode: { type: 'string', pattern: '^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$' },
        uprn: { type: 'string', pattern: '^[0-9]{1,12}$' },
      },
    },
    preferences: {
      type: 'array',
      minItems: 1,
      maxItems: 6,
      items: {
        type: 'object',
        required: ['rank', 'schoolUrn'],
        additionalProperties: false,
        properties: {
          rank: { type: 'integer', minimum: 1, maximum: 6 },
          schoolUrn: {
            type: 'string',
            pattern: '^[0-9]{6}$',
            description: 'DfE unique reference number of the school',
          },
          maintainingLocalAuthority: { $ref: '#/$defs/localAuthority' },
          siblings: {
            type: 'array',
            maxItems: 10,
            items: {
              type: 'object',
              required: ['name', 'dateOfBirth'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', minLength: 1, maxLength: 200 },
                dateOfBirth: { type: 'string', format: 'date' },
              },
            },
          },
          reasons: { type: 'string', maxLength: 4000 },
        },
      },
    },
    late: { type: 'boolean', default: false },
    submittedAt: { type: 'string', format: 'date-time' },
  },
  $defs: {
    localAuthority: {
      type: 'object',
      required: ['gssCode'],
      additionalProperties: false,
      properties: {
        gssCode: { type: 'string', pattern: '^[EW][0-9]{8}$' },
        name: { type: 'string', maxLength: 200 },
      },
    },
  },
};
