import { Module } from '@nestjs/common';
import { PlatformModule, ReadModels } from '@cartera/platform';
import { ProjectionsAdminController } from './admin/projections-admin.controller';
import { AnalystRoleSetup } from './analyst-role';
import { ReportingController } from './http/reporting.controller';
import { ReportingQueries } from './http/reporting.queries';
import { REPORTING_MIGRATIONS } from './migrations';
import { ProjectionsRunner } from './projections/projections.runner';
import { READ_MODEL_ENTITIES } from './read-models';
import { ReportingConfig } from './reporting.config';
import { reportingProviders } from './reporting.infrastructure';

/** Wiring only: the platform, the read-model tables (by migrations), the projections (bus consumers) and HTTP. */
@Module({
  imports: [
    PlatformModule.forService({ name: 'reporting', configSchema: ReportingConfig }),
    ReadModels.forService({ entities: [...READ_MODEL_ENTITIES], migrations: REPORTING_MIGRATIONS }),
  ],
  controllers: [ReportingController, ProjectionsAdminController],
  providers: [...reportingProviders, ProjectionsRunner, ReportingQueries, AnalystRoleSetup],
})
export class ReportingModule {}
