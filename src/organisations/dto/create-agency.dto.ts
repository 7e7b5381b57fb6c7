import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateAgencyDto {
  @ApiProperty({ example: 'HMRC' })
  @Matches(/^[A-Z][A-Z0-9-]{1,19}$/, {
    message: 'code must be 2-20 upper-case letters, digits or -',
  })
  code: string;

  @ApiProperty({ example: 'HM Revenue & Customs' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}
