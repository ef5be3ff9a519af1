import { Module } from '@nestjs/common';
import { PlatformModule } from '@cartera/platform';
import { CommunicationsConfig } from './communications.config';

/** Wiring only: the platform for this service; feature modules are added to `imports`. */
@Module({
  imports: [PlatformModule.forService({ name: 'communications', configSchema: CommunicationsConfig })],
})
export class CommunicationsModule {}
