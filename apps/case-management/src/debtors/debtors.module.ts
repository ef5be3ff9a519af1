import { Module } from '@nestjs/common';
import { PG_POOL } from '@cartera/platform';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { BlindIndexer, PiiVault } from '@cartera/pii';
import type { Pool } from 'pg';
import { DebtorErasure } from './debtor-erasure';
import { DebtorLinks } from './debtor-links';
import { DebtorMatchesController } from './debtor-matches.controller';
import { DebtorsBackground } from './debtors.background';
import { DebtorsCommands } from './debtors.commands';
import { DebtorsController } from './debtors.controller';
import {
  BLIND_INDEX,
  DEBTOR_TABLES,
  DEBTORS_CLOCK,
  DEBTORS_STORE,
  debtorsInfrastructure,
  PII_VAULT,
} from './debtors.infrastructure';
import { DebtorsQueries } from './debtors.queries';
import type { DebtorTables } from './debtors.schema';
import { MatchKeysTable } from './match-keys.table';
import { PlacementMatcher } from './placements.consumer';
import { RetentionFactsTable } from './retention-facts.table';

type Clock = () => Date;

/** The debtor registry: matching at placement, the debtor read model, reviews, splits and erasure. */
@Module({
  controllers: [DebtorsController, DebtorMatchesController],
  providers: [
    ...debtorsInfrastructure,
    {
      provide: DebtorsCommands,
      inject: [DEBTORS_STORE],
      useFactory: (s: PostgresEventStore) => new DebtorsCommands(s),
    },
    {
      provide: MatchKeysTable,
      inject: [DEBTOR_TABLES],
      useFactory: (t: DebtorTables) => new MatchKeysTable(t),
    },
    {
      provide: RetentionFactsTable,
      inject: [DEBTOR_TABLES],
      useFactory: (t: DebtorTables) => new RetentionFactsTable(t),
    },
    {
      provide: PlacementMatcher,
      inject: [DebtorsCommands, PII_VAULT, BLIND_INDEX, MatchKeysTable],
      useFactory: (c: DebtorsCommands, v: PiiVault, i: BlindIndexer, k: MatchKeysTable) =>
        new PlacementMatcher(c, v, i, k),
    },
    {
      provide: DebtorsQueries,
      inject: [PG_POOL, DEBTOR_TABLES, PII_VAULT],
      useFactory: (p: Pool, t: DebtorTables, v: PiiVault) => new DebtorsQueries(p, t, v),
    },
    {
      provide: DebtorLinks,
      inject: [DebtorsCommands, PII_VAULT, MatchKeysTable, PG_POOL, DEBTORS_CLOCK],
      useFactory: (c: DebtorsCommands, v: PiiVault, k: MatchKeysTable, p: Pool, clock: Clock) =>
        new DebtorLinks(c, v, k, p, clock),
    },
    {
      provide: DebtorErasure,
      inject: [DebtorsCommands, PII_VAULT, RetentionFactsTable, MatchKeysTable, PG_POOL, DEBTORS_CLOCK],
      useFactory: (
        c: DebtorsCommands,
        v: PiiVault,
        f: RetentionFactsTable,
        k: MatchKeysTable,
        p: Pool,
        clock: Clock,
      ) => new DebtorErasure(c, v, f, k, p, clock),
    },
    DebtorsBackground,
  ],
})
export class DebtorsModule {}
