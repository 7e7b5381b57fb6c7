/** Demo: the online payment outcome notification, JSON Schema draft 2020-12. */
export const PAYMENT_NOTIFICATION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://standards.programme.example/pay-notification/1.0.0',
  title: 'Payment outcome notification',
  description:
    'Sent by an online payments product to the service that asked for a payment (e.g. a ' +
    'cashless catering top-up) when the payment succeeds, fails or is refunded.',
  type: 'object',
  required: ['paymentReference', 'orderReference', 'status', 'amount', 'occurredAt'],
  additionalProperties: false,
  properties: {
    paymentReference: { type: 'string', pattern: '^[A-Za-z0-9-]{8,64}$' },
    orderReference: { type: 'string', minLength: 1, maxLength: 64 },
    status: { enum: ['succeeded', 'failed', 'refunded', 'partially_refunded'] },
    amount: { $ref: '#/$defs/money' },
    refundedAmount: { $ref: '#/$defs/money' },
    schoolUrn: { type: 'string', pattern: '^[0-9]{6}$' },
    items: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['code', 'amount'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', maxLength: 40 },
          description: { type: 'string', maxLength: 200 },
          amount: { $ref: '#/$defs/money' },
        },
      },
    },
    failureReason: { type: 'string', maxLength: 500 },
    occurredAt: { type: 'string', format: 'date-time' },
  },
  $defs: {
    money: {
      type: 'object',
      required: ['pence', 'currency'],
      additionalProperties: false,
      properties: {
        pence: { type: 'integer', minimum: 0 },
        currency: { const: 'GBP' },
      },
    },
  },
  allOf: [
    {
      if: { properties: { status: { const: 'failed' } }, required: ['status'] },
      then: { required: ['failureReason'] },
    },
  ],
};
