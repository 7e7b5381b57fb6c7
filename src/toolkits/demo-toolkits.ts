/** Demo programme only: two toolkits, two published releases each, small real-looking files. */
export interface DemoToolkitFile {
  name: string;
  contentType: string;
  content: string;
}

export interface DemoRelease {
  version: string;
  notes: string;
  daysAgo: number;
  /** Standards as `code@version`. */
  standards: string[];
  files: DemoToolkitFile[];
}

export interface DemoToolkit {
  code: string;
  name: string;
  summary: string;
  service: string;
  releases: DemoRelease[];
}

const paymentsApi = (version: string, extra = '') => `openapi: 3.0.3
info:
  title: School online payments - council integration
  version: ${version}
paths:
  /payments:
    post:
      summary: Start a payment for a school meal, trip or club
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/PaymentRequest'
      responses:
        '201':
          description: Payment started; redirect the payer to nextUrl
${extra}components:
  schemas:
    PaymentRequest:
      type: object
      required: [reference, amountPence, description]
      properties:
        reference: { type: string, maxLength: 35 }
        amountPence: { type: integer, minimum: 1 }
        description: { type: string, maxLength: 255 }
`;

const paymentNotification = (status: string) => `{
  "notificationId": "6f1c2a9e-0b7d-4c55-9b1e-2d3f4a5b6c7d",
  "paymentReference": "SCH-2026-000123",
  "amountPence": 2350,
  "currency": "GBP",
  "status": "${status}",
  "paidAt": "2026-09-14T08:31:07Z",
  "payer": { "reference": "PUPIL-88213" },
  "school": { "urn": "100000", "name": "Example Primary School" }
}
`;

const paymentsTests = (rows: string) => `case_id,title,input,expected
PAY-TC-01,Successful card payment,amountPence=2350,status=success and a notification within 60s
PAY-TC-02,Declined card,amountPence=2350 card=declined,status=failed and no ledger entry
PAY-TC-03,Duplicate notification,same notificationId twice,second is acknowledged and ignored
${rows}`;

const cateringMenu = `{
  "schoolUrn": "100000",
  "servingDate": "2026-10-05",
  "items": [
    { "code": "HOT-01", "name": "Vegetable lasagne", "pricePence": 245, "allergens": ["gluten", "milk"] },
    { "code": "SND-02", "name": "Tuna sandwich", "pricePence": 210, "allergens": ["gluten", "fish"] }
  ],
  "freeMealAllowancePence": 245
}
`;

const cateringApi = (version: string) => `openapi: 3.0.3
info:
  title: Cashless catering - till and account interface
  version: ${version}
paths:
  /accounts/{pupilRef}/balance:
    get:
      summary: The pupil's balance and today's free-meal allowance
      responses:
        '200':
          description: Balance in pence and allowance left
  /transactions:
    post:
      summary: Record a till sale (free meal first, then balance)
      responses:
        '201':
          description: Recorded
`;

const cateringTests = (rows: string) => `case_id,title,input,expected
CAT-TC-01,Free meal taken,allowance=245 sale=245,allowance 0 and balance unchanged
CAT-TC-02,Top-up then sale,balance=500 sale=210,balance 290
CAT-TC-03,Insufficient balance,balance=100 sale=210,sale refused and no debt created
${rows}`;

export const DEMO_TOOLKITS: DemoToolkit[] = [
  {
    code: 'PAYMENTS-TK',
    name: 'Online payments developer toolkit',
    summary:
      'Specification, sample payment notifications and a test pack for school online payments.',
    service: 'PAYMENTS',
    releases: [
      {
        version: '1.0.0',
        notes: 'First release: the payments API, a sample notification and the core test pack.',
        daysAgo: 120,
        standards: ['PAY-NOTIFICATION@1.0.0'],
        files: [
          {
            name: 'payments-api.yaml',
            contentType: 'application/yaml',
            content: paymentsApi('1.0.0'),
          },
          {
            name: 'payment-notification-sample.json',
            contentType: 'application/json',
            content: paymentNotification('success'),
          },
          { name: 'payments-test-pack.csv', contentType: 'text/csv', content: paymentsTests('') },
        ],
      },
      {
        version: '1.1.0',
        notes:
          'Adds refunds to the API and a refund test case; the sample notification shows a refund.',
        daysAgo: 21,
        standards: ['PAY-NOTIFICATION@1.0.0', 'WCAG@2.2'],
        files: [
          {
            name: 'payments-api.yaml',
            contentType: 'application/yaml',
            content: paymentsApi(
              '1.1.0',
              `  /payments/{reference}/refunds:
    post:
      summary: Refund all or part of a payment
      responses:
        '201':
          description: Refund started
`,
            ),
          },
          {
            name: 'payment-notification-sample.json',
            contentType: 'application/json',
            content: paymentNotification('refunded'),
          },
          {
            name: 'payments-test-pack.csv',
            contentType: 'text/csv',
            content: paymentsTests(
              'PAY-TC-04,Partial refund,refund amountPence=1000,status=partially_refunded\n',
            ),
          },
        ],
      },
    ],
  },
  {
    code: 'CASHLESS-TK',
    name: 'Cashless catering developer toolkit',
    summary: 'Till and account interface, a sample menu payload and a test pack for school tills.',
    service: 'CASHLESS',
    releases: [
      {
        version: '1.0.0',
        notes: 'First release: balances, till sales and free-meal allowances.',
        daysAgo: 90,
        standards: ['WCAG@2.2'],
        files: [
          {
            name: 'catering-api.yaml',
            contentType: 'application/yaml',
            content: cateringApi('1.0.0'),
          },
          { name: 'menu-sample.json', contentType: 'application/json', content: cateringMenu },
          { name: 'catering-test-pack.csv', contentType: 'text/csv', content: cateringTests('') },
        ],
      },
      {
        version: '1.1.0',
        notes: 'Adds allergen codes to the menu payload and a test for the daily spend cap.',
        daysAgo: 10,
        standards: ['WCAG@2.2'],
        files: [
          {
            name: 'catering-api.yaml',
            contentType: 'application/yaml',
            content: cateringApi('1.1.0'),
          },
          { name: 'menu-sample.json', contentType: 'application/json', content: cateringMenu },
          {
            name: 'catering-test-pack.csv',
            contentType: 'text/csv',
            content: cateringTests(
              'CAT-TC-04,Daily spend cap,cap=300 sales=210+210,second sale refused\n',
            ),
          },
        ],
      },
    ],
  },
];
