import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeOpenApiDocument } from '../common/openapi/complete-document.js';
import { CommunicationSentEventDto } from '../communications/dto/communication-sent-event.dto.js';

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
  const doc = SwaggerModule.createDocument(app, config, {
    extraModels: [CommunicationSentEventDto],
  });
  return completeOpenApiDocument(Object.assign(doc, { 'x-webhooks': webhooks() }));
}

/** OpenAPI 3 generated from the code: UI at /docs, JSON at /docs-json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
