import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';

export class AcknowledgeLinkQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supplier: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contact: string;

  @ApiProperty({ description: 'The signature from the email' })
  @IsString()
  @MaxLength(100)
  sig: string;
}
