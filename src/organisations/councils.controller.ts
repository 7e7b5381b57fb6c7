import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AllowAuthenticated } from '../auth/access.decorators.js';
import { CouncilsService } from './councils.service.js';
import { CouncilQueryDto } from './dto/council-query.dto.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { CouncilViewDto } from './dto/council-view.dto.js';

@ApiTags('councils')
@ApiBearerAuth()
@AllowAuthenticated()
@Controller('councils')
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @ApiPagedResponse(CouncilViewDto)
  @Get()
  @ApiOperation({
    summary: 'Councils of England and Wales, filtered by nation, region, type, group or q',
  })
  list(@Query() q: CouncilQueryDto) {
    return this.councils.list(q);
  }

  @ApiOkResponse({ type: CouncilViewDto })
  @Get(':id')
  @ApiParam({ name: 'id', description: 'Council id (UUID) or GSS code, e.g. E09000001' })
  @ApiOperation({ summary: 'One council by id or GSS code' })
  get(@Param('id') id: string) {
    return this.councils.get(id);
  }
}
