import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cartera/platform';
import {
  ProjectionsRunner,
  type ProjectionStatus,
  type RebuildStatus,
  type ReplayResult,
} from '../projections/projections.runner';

/** Operating the projections: their lag and status, and rebuilds without downtime. */
@ApiTags('admin')
@Roles('admin')
@Controller('admin/projections')
export class ProjectionsAdminController {
  constructor(private readonly runner: ProjectionsRunner) {}

  @Get()
  @ApiOperation({
    summary: 'Every projection: consumer status, lag, parked messages (count, reasons), last rebuild.',
  })
  list(): Promise<ProjectionStatus[]> {
    return this.runner.status();
  }

  @Post(':name/parked/replay')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Applies the parked messages that now apply (after a fix), in bus order per account; the others stay parked.',
  })
  async replayParked(@Param('name') name: string): Promise<ReplayResult> {
    const run = this.runner.replayParked(name);
    if (!run) throw new NotFoundException(`No projection named ${name}`);
    return run;
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Replays the topics from the start into shadow tables and swaps them in when caught up (202; `?wait=true` answers when done).',
  })
  @ApiQuery({ name: 'wait', required: false, type: Boolean })
  async rebuild(@Param('name') name: string, @Query('wait') wait?: string): Promise<RebuildStatus> {
    const run = this.runner.rebuild(name);
    if (!run) throw new NotFoundException(`No projection named ${name}`);
    return wait === 'true' ? run.done : run.status;
  }
}
