import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Actor, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { DebtorLinks } from './debtor-links';
import type { MatchReviewView } from './debtor-view';
import { ResolveMatchReviewDto } from './debtors.dto';
import { DebtorsQueries } from './debtors.queries';

/** The review queue of weak matches. */
@ApiTags('debtor-matches')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@Controller('debtor-matches/reviews')
export class DebtorMatchesController {
  constructor(
    private readonly queries: DebtorsQueries,
    private readonly links: DebtorLinks,
  ) {}

  @Get()
  @Roles('supervisor', 'compliance')
  @ApiOperation({ summary: 'Open match reviews (oldest first) of the caller’s creditors; no personal data.' })
  list(@Actor() caller: Caller): Promise<MatchReviewView[]> {
    return this.queries.openReviews(caller);
  }

  @Post(':id')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Resolve a review: link merges the placement’s debtor into the candidate, reject keeps them apart.',
  })
  @ApiNotFoundResponse({ description: 'No open review with this id for the caller’s creditors.' })
  async resolve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResolveMatchReviewDto,
    @Actor() caller: Caller,
  ) {
    const [review] = await this.queries.openReviews(caller, id);
    if (!review) throw new NotFoundException(`Review ${id} not found`);
    return this.links.resolveReview(review, dto.decision, dto.intoDebtorId, caller.id);
  }
}
