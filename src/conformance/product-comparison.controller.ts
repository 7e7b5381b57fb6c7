import { Controller, Get, Param } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ProductComparisonService } from './product-comparison.service.js';
import { ProductComparisonCompareViewDto } from './dto/product-comparison-compare-view.dto.js';

@ApiTags('conformance')
@ApiBearerAuth()
@Controller('services')
export class ProductComparisonController {
  constructor(private readonly comparison: ProductComparisonService) {}

  @ApiOkResponse({ type: ProductComparisonCompareViewDto })
  @Get(':id/product-comparison')
  @AllowAuthenticated()
  @ApiOperation({
    summary:
      "The service's products side by side: certificate, MUST/SHOULD/MAY met, checks, usability, councils live (suppliers: their own products)",
  })
  compare(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.comparison.compare(actor, id);
  }
}
