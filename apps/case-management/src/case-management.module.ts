import { Module } from '@nestjs/common';
import { PlatformModule } from '@cartera/platform';
import { CaseManagementConfig } from './case-management.config';

/** Wiring only: the platform for this service; feature modules are added to `imports`. */
@Module({
  imports: [PlatformModule.forService({ name: 'case-management', configSchema: CaseManagementConfig })],
})
export class CaseManagementModule {}
