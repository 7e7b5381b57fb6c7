import { ApiProperty } from '@nestjs/swagger';

export class DecisionOptionViewDto {
  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ type: String, isArray: true })
  pros: string[];

  @ApiProperty({ type: String, isArray: true })
  cons: string[];
}
