import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { CertificatesService } from './certificates.service.js';
import { CertificateQueryDto, RevokeCertificateDto } from './dto/certificate.dto.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { CertificateViewDto } from './dto/certificate-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('conformance')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @ApiPagedResponse(CertificateViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Certificates of the products you can see' })
  list(@CurrentActor() actor: Actor, @Query() q: CertificateQueryDto) {
    return this.certificates.list(actor, q);
  }

  @ApiOkResponse({ type: CertificateViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One certificate (404 when its product is not visible to you)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.certificates.get(actor, id);
  }

  @ApiOkResponse({ type: CertificateViewDto })
  @Post(':id/revoke')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a certificate (knock-on event names the councils using it)' })
  @ApiProblems(409)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RevokeCertificateDto,
  ) {
    return this.certificates.revoke(actor, id, dto);
  }
}
