import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule } from '@cartera/platform';
import { NegotiationBackground } from './negotiation.background';
import { NegotiationConfig } from './negotiation.config';
import { negotiationProviders } from './negotiation.infrastructure';
import { PlansController } from './plans/plans.controller';
import { PromisesController } from './promises/promises.controller';
import { SettlementsController } from './settlements/settlements.controller';

/** Wiring only: the platform, the negotiation store, bus, read model, consumer, daily check and HTTP. */
@Module({
  imports: [
    PlatformModule.forService({ name: 'negotiation', configSchema: NegotiationConfig }),
    ScheduleModule.forRoot(),
  ],
  controllers: [PromisesController, PlansController, SettlementsController],
  providers: [...negotiationProviders, NegotiationBackground],
})
export class NegotiationModule {}
