import { Module } from '@nestjs/common';
import { PlatformModule } from '@cartera/platform';
import { NegotiationConfig } from './negotiation.config';

/** Wiring only: the platform for this service; feature modules are added to `imports`. */
@Module({
  imports: [PlatformModule.forService({ name: 'negotiation', configSchema: NegotiationConfig })],
})
export class NegotiationModule {}
