import { describeIfEnv, useTestDatabase } from '@cartera/testing';
import { eventStoreContract } from '../testing/event-store.contract';
import { createKurrentEventStore } from './kurrentdb-event-store';

const db = useTestDatabase('es_kurrent');

describeIfEnv('KURRENTDB_URL', 'KurrentDB contract suite')('KurrentDB adapter', () => {
  eventStoreContract(
    'kurrentdb',
    (options) =>
      createKurrentEventStore({
        connectionString: process.env.KURRENTDB_URL,
        checkpoints: { pool: db().pool, schema: 'kurrent_checkpoints' },
        lockRetryMs: 50,
        ...options,
      }),
    // KurrentDB treats a repeat as idempotent only at the original expected revision (see README).
    { idempotentRepeatWithAnyExpectedVersion: false },
  );
});
