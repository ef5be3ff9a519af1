import {
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, assertCreditorAccess, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { CsvInterceptor } from './csv.interceptor';
import {
  AccountsQuery,
  BucketMovementsQuery,
  CollectionsQuery,
  PortfolioSummaryQuery,
} from './reporting.dto';
import { ReportingQueries, type Page } from './reporting.queries';

const READERS = ['analyst', 'supervisor', 'compliance'] as const;

/** A creditor asked for explicitly must be one of the caller's. */
const scopeOf = (caller: Caller, creditorId?: string): readonly string[] | undefined => {
  if (creditorId) assertCreditorAccess(caller, creditorId);
  return caller.creditors;
};

/** Read models over HTTP; every list also answers `Accept: text/csv`. Rows outside the caller's `creditors` claim are never returned. */
@ApiTags('reporting')
@ApiProduces('application/json', 'text/csv')
@Roles(...READERS)
@UseInterceptors(CsvInterceptor)
@Controller()
export class ReportingController {
  constructor(private readonly queries: ReportingQueries) {}

  @Get('portfolio/summary')
  @ApiOperation({
    summary:
      'Accounts and balance per creditor × currency × bucket × status, now or as of the end of a past day.',
  })
  @ApiOkResponse({
    description: '{ items: [{ creditorId, currency, bucket, status, accountCount, balanceMinor }] }',
  })
  summary(
    @Query() q: PortfolioSummaryQuery,
    @Actor() caller: Caller,
  ): Promise<Page<Record<string, unknown>>> {
    return this.queries.portfolioSummary(q, scopeOf(caller, q.creditorId));
  }

  @Get('collections')
  @ApiOperation({
    summary:
      'Payments, reversals and net collected between two business days, by day, creditor or channel (and currency).',
  })
  collections(@Query() q: CollectionsQuery, @Actor() caller: Caller): Promise<Page<Record<string, unknown>>> {
    return this.queries.collections(q, scopeOf(caller, q.creditorId));
  }

  @Get('bucket-movements')
  @ApiOperation({
    summary: 'Accounts and balances that moved between delinquency buckets per day (roll-rate input).',
  })
  movements(
    @Query() q: BucketMovementsQuery,
    @Actor() caller: Caller,
  ): Promise<Page<Record<string, unknown>>> {
    return this.queries.bucketMovements(q, scopeOf(caller, q.creditorId));
  }

  @Get('accounts')
  @ApiOperation({
    summary:
      'Accounts with filters and cursor pagination (`nextCursor`; with CSV, the `X-Next-Cursor` header).',
  })
  accounts(@Query() q: AccountsQuery, @Actor() caller: Caller): Promise<Page<Record<string, unknown>>> {
    return this.queries.accounts(q, scopeOf(caller, q.creditorId));
  }

  @Get('accounts/:id')
  @ApiOperation({ summary: 'One account as reporting sees it.' })
  async account(
    @Param('id', ParseUUIDPipe) id: string,
    @Actor() caller: Caller,
  ): Promise<Record<string, unknown>> {
    const row = await this.queries.account(id, caller.creditors);
    if (!row) throw new NotFoundException(`Account ${id} not found`);
    return row;
  }

  @Get('debtors/:id/timeline')
  @ApiOperation({
    summary:
      'Every contract event about a debtor from every service, in business-time order (personal data removed).',
  })
  timeline(@Param('id') id: string, @Actor() caller: Caller): Promise<Page<Record<string, unknown>>> {
    return this.queries.timeline(id, caller.creditors);
  }
}
