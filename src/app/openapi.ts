import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeOpenApiDocument } from '../common/openapi/complete-document.js';
import { CommunicationSentEventDto } from '../communications/dto/communication-sent-event.dto.js';

/** Every tag the controllers use, described once (in the order the document lists them). */
const TAGS: [string, string][] = [
  ['auth', 'Sign-in and who am I'],
  ['users', 'User accounts and roles'],
  ['api-tokens', 'Long-lived tokens for system integrations'],
  ['councils', 'Councils (local authorities)'],
  ['council-groups', 'Named groups of councils'],
  ['suppliers', 'Suppliers, their onboarding, contacts and webhook'],
  ['agencies', 'Government agencies that lead services'],
  ['services', 'The service catalogue and relationships between services'],
  ['shared-services', 'Services one council operates for others'],
  ['requirement-sets', 'Versioned requirement sets per service'],
  ['standards', 'Data and API standards with their JSON Schemas'],
  ['products', "Suppliers' products and the services they claim"],
  ['conformance', 'Submissions, review, certificates and usability evaluations'],
  ['risks', 'The risk and issue register'],
  ['benefits', 'Benefits and disbenefits: measures, readings and computed status'],
  ['decisions', 'Decision log: options, outcome and rationale, who decided, what it affects'],
  ['governance', 'Governance groups, their members and meetings: agenda, minutes, actions'],
  ['check-ins', 'Relationship health check-ins with partners: question sets, schedules, results'],
  ['interop', 'Tested-together records between products and shared services, per standard'],
  ['readiness', "National critical dates and every council's readiness for them"],
  ['toolkits', 'Developer toolkits: versioned releases, their files and downloads'],
  ['adoption', "Each council's adoption of each service"],
  ['communications', 'Communications to suppliers, deliveries and acknowledgements'],
  ['dashboards', 'Programme views across councils and services'],
  ['audit', 'The audit log'],
  ['health', 'Liveness and readiness (outside /api/v1)'],
];

const SIGNATURE_HEADERS = {
  'webhook-id': { required: true, schema: { type: 'string' }, description: 'The delivery id' },
  'webhook-timestamp': {
    required: true,
    schema: { type: 'string', pattern: '^[0-9]+$' },
    description: 'Unix seconds',
  },
  'webhook-signature': {
    required: true,
    schema: { type: 'string' },
    description:
      'Space-separated `v1,<base64 HMAC-SHA256>` (Standard Webhooks); two during rotation',
  },
};

/**
 * The webhook events suppliers receive, in the shape OpenAPI 3.1 `webhooks` takes (the
 * document is 3.0, so under `x-webhooks`); each payload is a component schema.
 */
function webhooks() {
  return {
    'communication.sent': {
      post: {
        summary: 'A communication was sent to your organisation',
        description:
          'POSTed to the supplier webhook URL; retried with backoff until a 2xx. Verify ' +
          'the signature with the secret from PUT /suppliers/{id}/webhook.',
        parameters: Object.entries(SIGNATURE_HEADERS).map(([name, h]) => ({
          name,
          in: 'header',
          ...h,
        })),
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: getSchemaPath(CommunicationSentEventDto) } },
          },
        },
        responses: { '200': { description: 'Any 2xx acknowledges receipt' } },
      },
    },
  };
}

/** The OpenAPI document generated from the code (decorators, DTOs, lifecycles, webhooks). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Programme delivery tracker API')
    .setDescription(
      'Runs a multi-supplier national digital programme: councils, suppliers, agencies, ' +
        'services, requirements, standards, conformance, adoption, risks and communications. ' +
        'Errors are RFC 9457 problem details (application/problem+json, schema `Problem`). ' +
        'Lists are paged: `?page=&limit=` and a `{ data, meta: { page, limit, total } }` envelope.',
    )
    .setVersion('1')
    .setContact('Programme office', 'https://example.gov.uk/programme', 'programme@example.gov.uk')
    .setLicense(
      'OGL-UK-3.0',
      'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    )
    .addServer('/', 'This server')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'JWT from /auth/login or an API token',
    })
    .build();
  for (const [name, description] of TAGS)
    config.tags = [...(config.tags ?? []), { name, description }];
  const doc = SwaggerModule.createDocument(app, config, {
    extraModels: [CommunicationSentEventDto],
  });
  return completeOpenApiDocument(Object.assign(doc, { 'x-webhooks': webhooks() }));
}

/** OpenAPI 3 generated from the code: UI at /docs, JSON at /docs-json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
