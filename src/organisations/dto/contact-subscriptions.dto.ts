import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, Matches } from 'class-validator';

export class PutContactSubscriptionsDto {
  @ApiProperty({
    type: [String],
    example: ['admissions', 'releases'],
    description: 'Every topic the contact receives; the others are unsubscribed',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,49}$/, {
    each: true,
    message: 'each topic must be a lower-case slug',
  })
  topics: string[];
}
