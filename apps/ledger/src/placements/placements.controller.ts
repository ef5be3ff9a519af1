import {
  Controller,
  Get,
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
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiProperty,
  ApiPropertyOptional,
} from '@nestjs/swagger';
import { Actor, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Request, Response } from 'express';
import { v7 } from 'uuid';
import { PlacementImporter } from './placement-import';
import { formatOf, PlacementFormat } from './placement-sources';
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

/** Placement files in (streamed, never held in memory), progress and error reports out. */
@ApiTags('placements')
@Controller('placements')
export class PlacementsController {
  constructor(
    private readonly importer: PlacementImporter,
    private readonly placements: PlacementsTable,
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
  async import(
    @Req() req: Request,
    @Query() q: PlacementQuery,
    @Actor() caller: Caller,
  ): Promise<PlacementSummary> {
    const format: PlacementFormat | undefined = formatOf(req.headers['content-type']);
    if (!format) throw new UnsupportedMediaTypeException('Send text/csv or application/x-ndjson');
    const placementId = q.placementId ?? v7();
    if (!(await this.placements.start(placementId, format, caller.id, null)))
      throw new ConflictException(`Placement ${placementId} exists already`);
    await this.importer
      .run(req, {
        placementId,
        format,
        actor: { kind: 'user', id: caller.id },
        ...(q.creditorId ? { creditorId: q.creditorId } : {}),
        ...(caller.creditors ? { allowedCreditors: caller.creditors } : {}),
      })
      .catch(() => undefined); // a failed import is reported in its summary (status failed, failure)
    return this.get(placementId);
  }

  @Get(':id')
  @Roles('supervisor', 'analyst')
  @ApiOperation({ summary: 'Progress and counts of an import.' })
  @ApiOkResponse({ type: PlacementSummaryDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PlacementSummary> {
    const summary = await this.placements.get(id);
    if (!summary) throw new NotFoundException(`Placement ${id} not found`);
    return summary;
  }

  @Get(':id/errors')
  @Roles('supervisor', 'analyst')
  @ApiOperation({ summary: 'The error report as CSV: row, field, reason.' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async errors(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    if (!(await this.placements.get(id))) throw new NotFoundException(`Placement ${id} not found`);
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
