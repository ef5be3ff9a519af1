import { Module } from '@nestjs/common';
import { PlatformModule } from '@cartera/platform';
import { CaseManagementBackground } from './case-management.background';
import { CaseManagementConfig } from './case-management.config';
import { caseProviders } from './case-management.infrastructure';
import { CasesController } from './cases/cases.controller';
import { SupervisorController } from './cases/supervisor.controller';
import { WorklistsController } from './cases/worklists.controller';
import { DebtorsModule } from './debtors/debtors.module';

/** Wiring only: the platform, the cases' store, bus, read model, consumer, publisher and HTTP. */
@Module({
  imports: [
    PlatformModule.forService({ name: 'case-management', configSchema: CaseManagementConfig }),
    DebtorsModule,
  ],
  controllers: [CasesController, WorklistsController, SupervisorController],
  providers: [...caseProviders, CaseManagementBackground],
})
export class CaseManagementModule {}
