import { ApiProperty } from '@nestjs/swagger';

/** `meta` of every paged list: the page asked for, its size and the total matching. */
export class PageMetaDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  page: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 500, example: 50 })
  limit: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  total: number;
}
