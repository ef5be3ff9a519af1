import { Module } from '@nestjs/common';
import { PlatformModule } from '@cartera/platform';
import { ReportingConfig } from './reporting.config';

/** Wiring only: the platform for this service; feature modules are added to `imports`. */
@Module({
  imports: [PlatformModule.forService({ name: 'reporting', configSchema: ReportingConfig })],
})
export class ReportingModule {}
