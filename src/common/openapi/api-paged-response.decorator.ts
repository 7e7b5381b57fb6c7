import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PageMetaDto } from './page-meta.dto.js';

/**
 * The paged envelope `{ data: Item[], meta: { page, limit, total } }` every list returns,
 * as one generic schema: `data` refers to the item's own component.
 */
export const ApiPagedResponse = <T extends Type>(item: T, status = 200) =>
  applyDecorators(
    ApiExtraModels(PageMetaDto, item),
    ApiResponse({
      status,
      description: `A page of ${item.name.replace(/Dto$/, '')}`,
      schema: {
        type: 'object',
        required: ['data', 'meta'],
        properties: {
          data: { type: 'array', items: { $ref: getSchemaPath(item) } },
          meta: { $ref: getSchemaPath(PageMetaDto) },
        },
      },
    }),
  );
