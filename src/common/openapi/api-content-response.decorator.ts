import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** A non-JSON response (CSV export, HTML page): its media type and a string body. */
export const ApiContentResponse = (status: number, mediaType: string, description: string) =>
  applyDecorators(
    ApiResponse({
      status,
      description,
      content: { [mediaType]: { schema: { type: 'string' } } },
    }),
  );
