import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule } from '@cartera/platform';
import { AccountsController } from './accounts/accounts.controller';
import { LedgerBackground } from './ledger.background';
import { LedgerConfig } from './ledger.config';
import { ledgerProviders } from './ledger.infrastructure';
import { PlacementsController } from './placements/placements.controller';

/** Wiring only: the platform, the ledger's store, bus, read model, jobs and HTTP. */
@Module({
  imports: [
    PlatformModule.forService({ name: 'ledger', configSchema: LedgerConfig }),
    ScheduleModule.forRoot(),
  ],
  controllers: [AccountsController, PlacementsController],
  providers: [...ledgerProviders, LedgerBackground],
})
export class LedgerModule {}
