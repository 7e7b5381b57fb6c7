import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE } from '../input/input-limits.js';

/** `?page=&limit=` on every list endpoint (page max MAX_PAGE; limit default 50, max 500). */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  get offset(): number {
    return (this.page - 1) * this.limit;
  }
}

export interface Page<T> {
  data: T[];
  meta: { page: number; limit: number; total: number };
}

export const toPage = <T>(data: T[], total: number, q: PageQueryDto): Page<T> => ({
  data,
  meta: { page: q.page, limit: q.limit, total },
});
