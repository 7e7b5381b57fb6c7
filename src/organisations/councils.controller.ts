import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AllowAuthenticated } from '../auth/access.decorators.js';
import { CouncilsService } from './councils.service.js';
import { CouncilQueryDto } from './dto/council-query.dto.js';

@ApiTags('councils')
@ApiBearerAuth()
@AllowAuthenticated()
@Controller('councils')
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @Get()
  @ApiOperation({
    summary: 'Councils of England and Wales, filtered by nation, region, type, group or q',
  })
  list(@Query() q: CouncilQueryDto) {
    return this.councils.list(q);
  }

  @Get(':id')
  @ApiParam({ name: 'id', description: 'Council id (UUID) or GSS code, e.g. E09000001' })
  @ApiOperation({ summary: 'One council by id or GSS code' })
  get(@Param('id') id: string) {
    return this.councils.get(id);
  }
}
