import { busContract } from '../testing';
import { useTestDatabase } from '@cartera/testing';
import { createPostgresBus } from './postgres-bus';

const db = useTestDatabase('bus');
busContract('postgres', async () => ({
  bus: createPostgresBus({ pool: db().pool, source: 'cartera/test', leaseMs: 2_000, pollIntervalMs: 200 }),
  pool: db().pool,
}));
