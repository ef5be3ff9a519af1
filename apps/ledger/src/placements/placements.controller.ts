import {
  Controller,
  Get,
  HttpException,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
  ConflictException,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiPayloadTooLargeResponse,
  ApiUnsupportedMediaTypeResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiProperty,
  ApiPropertyOptional,
} from '@nestjs/swagger';
import { Actor, PLATFORM_CONFIG, problem, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CsvError } from 'csv-parse';
import type { Request, Response } from 'express';
import { v7 } from 'uuid';
import type { LedgerConfig } from '../ledger.config';
import { expectedColumns, NotAPlacementFile } from './placement-header';
import { PlacementImporter } from './placement-import';
import { formatOf, limitBytes, openPlacementFile, PlacementFormat } from './placement-sources';
import { PLACEMENT_FIELDS } from './placement-row';
import { PlacementsTable, PlacementSummary } from './placements.table';

export class PlacementQuery {
  @ApiPropertyOptional({ description: 'Creditor of rows without a creditorId column.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  creditorId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Choose the id to watch progress (GET /placements/:id) while uploading.',
  })
  @IsOptional()
  @IsUUID()
  placementId?: string;
}

export class PlacementSummaryDto implements PlacementSummary {
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status!: 'running' | 'completed' | 'failed';
  @ApiProperty({ enum: ['csv', 'ndjson'] }) format!: string;
  @ApiPropertyOptional({ nullable: true }) source!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() rowsRead!: number;
  @ApiProperty() rowsPlaced!: number;
  @ApiProperty({ description: 'Rows already placed with the same data: no-ops.' }) rowsDuplicate!: number;
  @ApiProperty({ description: 'Rows in the error report.' }) rowsRejected!: number;
  @ApiPropertyOptional({ nullable: true }) failure!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ nullable: true, format: 'date-time' }) finishedAt!: string | null;
}

const csvCell = (value: string | number): string => {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A file that is no placement file (header, syntax, size): 400 or 413 problem+json with the expected columns. */
const refusal = (error: unknown, withDefaultCreditor: boolean, summary?: PlacementSummary): unknown => {
  const fileError = error instanceof NotAPlacementFile || error instanceof CsvError;
  if (!fileError) return error;
  const status = error instanceof NotAPlacementFile ? error.status : 400;
  const body = problem(status, {
    type: '/problems/not-a-placement-file',
    title: 'Not a placement file',
    detail: (error as Error).message,
    ...expectedColumns(withDefaultCreditor),
    ...(summary ? { placement: summary } : {}),
  });
  return new HttpException(body, status);
};

/** Whose placement it is before any row is read: the default creditor, else the uploader's own scope. */
const ownersOf = (caller: Caller, creditorId: string | undefined): string[] => {
  if (creditorId && (!caller.creditors || caller.creditors.includes(creditorId))) return [creditorId];
  return caller.creditors ? [...caller.creditors] : [];
};

/** Placement files in (streamed, never held in memory), progress and error reports out. */
@ApiTags('placements')
@Controller('placements')
export class PlacementsController {
  constructor(
    private readonly importer: PlacementImporter,
    private readonly placements: PlacementsTable,
    @Inject(PLATFORM_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Post()
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Import a placement file (CSV with a header row, or NDJSON), streamed; answers when the file is processed.',
    description: `Fields (CSV header = NDJSON keys): ${PLACEMENT_FIELDS.join(', ')}. Money in minor units; emails and phones separated by ";", address lines by "|". Bad rows go to the error report; rows already placed are no-ops.`,
  })
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: PlacementSummaryDto })
  @ApiBadRequestResponse({
    description:
      'Not a placement file: its header (the problem lists expectedColumns and requiredColumns) or its syntax. Nothing is stored when the header is wrong.',
  })
  @ApiPayloadTooLargeResponse({ description: 'Larger than PLACEMENT_MAX_BYTES; nothing is stored.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Neither text/csv nor application/x-ndjson.' })
  async import(
    @Req() req: Request,
    @Query() q: PlacementQuery,
    @Actor() caller: Caller,
  ): Promise<PlacementSummary> {
    const format: PlacementFormat | undefined = formatOf(req.headers['content-type']);
    if (!format) throw new UnsupportedMediaTypeException('Send text/csv or application/x-ndjson');
    const max = this.config.PLACEMENT_MAX_BYTES;
    const withDefaultCreditor = !!q.creditorId;
    if (Number(req.headers['content-length'] ?? 0) > max)
      throw refusal(new NotAPlacementFile(`the file is larger than ${max} bytes`, 413), withDefaultCreditor);
    const file = await openPlacementFile(limitBytes(req, max), format, { withDefaultCreditor }).catch(
      (error: unknown) => {
        req.unpipe();
        req.resume(); // the rest of the body is read and dropped, so the answer reaches the client
        throw refusal(error, withDefaultCreditor);
      },
    );
    const placementId = q.placementId ?? v7();
    if (!(await this.placements.start(placementId, format, caller.id, null, ownersOf(caller, q.creditorId))))
      throw new ConflictException(`Placement ${placementId} exists already`);
    // A failed import is reported in its summary (status failed, failure); a malformed file is a 4xx.
    const failure = await this.importer
      .run(file, {
        placementId,
        format,
        actor: { kind: 'user', id: caller.id },
        ...(q.creditorId ? { creditorId: q.creditorId } : {}),
        ...(caller.creditors ? { allowedCreditors: caller.creditors } : {}),
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    const summary = (await this.placements.get(placementId)) as PlacementSummary;
    if (failure !== undefined) {
      const refused = refusal(failure, withDefaultCreditor, summary);
      if (refused instanceof HttpException) {
        req.unpipe();
        req.resume();
        throw refused;
      }
    }
    return summary;
  }

  @Get(':id')
  @Roles('supervisor', 'analyst')
  @ApiOperation({ summary: 'Progress and counts of an import.' })
  @ApiOkResponse({ type: PlacementSummaryDto })
  @ApiNotFoundResponse({
    description: 'Unknown placement, or one holding rows of creditors not the caller’s.',
  })
  async get(@Param('id', ParseUUIDPipe) id: string, @Actor() caller: Caller): Promise<PlacementSummary> {
    const summary = await this.placements.get(id, caller.creditors);
    if (!summary) throw new NotFoundException(`Placement ${id} not found`);
    return summary;
  }

  @Get(':id/errors')
  @Roles('supervisor', 'analyst')
  @ApiOperation({ summary: 'The error report as CSV: row, field, reason.' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiNotFoundResponse({
    description: 'Unknown placement, or one holding rows of creditors not the caller’s.',
  })
  async errors(
    @Param('id', ParseUUIDPipe) id: string,
    @Actor() caller: Caller,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.placements.get(id, caller.creditors)))
      throw new NotFoundException(`Placement ${id} not found`);
    res
      .status(200)
      .type('text/csv')
      .setHeader('Content-Disposition', `attachment; filename="placement-${id}-errors.csv"`);
    res.write('row,field,reason\n');
    for await (const page of this.placements.errors(id)) {
      const chunk = page.map((e) => `${e.row},${csvCell(e.field)},${csvCell(e.reason)}\n`).join('');
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }
}
