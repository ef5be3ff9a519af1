// npm run bench:pii [-- --placements 20000 --debtors 200000 --matches 200000]
// 1. Personal-data cost per placement: every field sealed with the debtor's key plus the blind
//    indexes (encryption on) against the same fields serialised in clear (off); new-debtor key
//    creation (wrap + insert on PostgreSQL) measured apart.
// 2. Matching throughput: placements matched against existing debtors through their blind indexes
//    (HMAC of normalised keys, an in-memory index standing in for the table's primary key).
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  DEFAULT_MATCH_RULE_SETS,
  matchDebtor,
  matchKeysOf,
  matchRuleSetOn,
  type MatchCandidate,
  type MatchKey,
  type PersonForMatching,
} from '@cartera/case-management-domain';
import { createBlindIndexer, createLocalKeyWrapper, createPiiVault, deriveKey } from '@cartera/pii';
import { startPostgres } from '@cartera/testing/postgres-server';
import { Pool } from 'pg';

const { values } = parseArgs({
  options: {
    placements: { type: 'string', default: '20000' },
    debtors: { type: 'string', default: '200000' },
    matches: { type: 'string', default: '200000' },
  },
});
const PLACEMENTS = Number(values.placements);
const DEBTORS = Number(values.debtors);
const MATCHES = Number(values.matches);

const person = (i: number): PersonForMatching & { address: string } => ({
  fullName: `Persona ${i} Pérez Gómez`,
  dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
  nationalId: { country: 'CO', value: String(10_000_000 + i) },
  postalCode: String(110_000 + (i % 999)),
  phones: [`+57300${String(i).padStart(7, '0')}`],
  emails: [`persona.${i}@example.co`],
  address: JSON.stringify({ lines: [`Calle ${i}`], city: 'Bogotá', country: 'CO' }),
});

const fieldsOf = (p: ReturnType<typeof person>): string[] => [
  p.fullName,
  p.nationalId?.value ?? '',
  p.dateOfBirth ?? '',
  ...p.phones,
  ...p.emails,
  p.address,
];

const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;
const perItem = (n: number, ms: number) => `${((ms * 1000) / n).toFixed(1)} µs`;

const encryptionCost = async (url: string): Promise<void> => {
  const pool = new Pool({ connectionString: url, max: 4 });
  const master = randomBytes(32);
  const vault = await createPiiVault({
    pool,
    schema: 'pii_bench',
    wrapper: createLocalKeyWrapper(master),
    cacheSize: PLACEMENTS,
  });
  const index = createBlindIndexer(deriveKey(master, 'debtor-match-keys'));
  const people = Array.from({ length: PLACEMENTS }, (_, i) => person(i));
  const ids = people.map(() => randomUUID());

  let t = performance.now();
  let bytes = 0;
  for (const p of people) bytes += JSON.stringify(fieldsOf(p)).length;
  const off = performance.now() - t;

  t = performance.now();
  for (const id of ids) await vault.encryptFor(id, 'first field'); // creates, wraps and stores each key
  const keys = performance.now() - t;

  t = performance.now();
  for (let i = 0; i < people.length; i++) {
    const sealed = await Promise.all(fieldsOf(people[i]).map((f) => vault.encryptFor(ids[i], f)));
    const blind = matchKeysOf(people[i]).map((k) => index(k.kind, k.value));
    bytes += JSON.stringify(sealed).length + blind.length;
  }
  const on = performance.now() - t;
  console.log(
    `\n1. Personal data per placement (${PLACEMENTS.toLocaleString('en')} placements, 6 fields + 4 blind indexes each)`,
  );
  console.log(`   off (plain JSON of the fields):        ${perItem(PLACEMENTS, off)} per placement`);
  console.log(
    `   on  (AES-256-GCM fields + HMAC keys):   ${perItem(PLACEMENTS, on)} per placement (${rate(PLACEMENTS, on)})`,
  );
  console.log(
    `   new debtor key (random, wrap, INSERT):  ${perItem(PLACEMENTS, keys)} per debtor (${rate(PLACEMENTS, keys)})`,
  );
  console.log(`   (${bytes} bytes produced, so nothing is optimised away)`);
  await pool.end();
};

const matchingThroughput = (): void => {
  const index = createBlindIndexer(randomBytes(32));
  const ruleSet = matchRuleSetOn('2026-12-04', DEFAULT_MATCH_RULE_SETS);
  const blindKeys = (p: PersonForMatching): MatchKey[] =>
    matchKeysOf(p).map((k) => ({ kind: k.kind, value: index(k.kind, k.value) }));
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < DEBTORS; i++)
    for (const k of blindKeys(person(i))) {
      const id = `${k.kind}:${k.value}`;
      const list = byKey.get(id);
      if (list) list.push(i);
      else byKey.set(id, [i]);
    }
  const build = performance.now() - t;
  const outcomes = { link: 0, review: 0, create: 0 };
  t = performance.now();
  for (let j = 0; j < MATCHES; j++) {
    // Half are known people (strong match), a quarter share only a phone (weak), a quarter are new.
    const i = j % 4 < 2 ? j % DEBTORS : j % 4 === 2 ? DEBTORS + j : DEBTORS * 2 + j;
    const p = j % 4 === 2 ? { ...person(i), phones: person(j % DEBTORS).phones } : person(i);
    const keys = blindKeys(p);
    const found = new Map<number, MatchKey[]>();
    for (const k of keys)
      for (const d of byKey.get(`${k.kind}:${k.value}`) ?? []) found.set(d, [...(found.get(d) ?? []), k]);
    const candidates: MatchCandidate[] = [...found].map(([d, ks]) => ({ debtorId: String(d), keys: ks }));
    outcomes[matchDebtor(keys, candidates, ruleSet).outcome]++;
  }
  const match = performance.now() - t;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(
    `\n2. Matching ${MATCHES.toLocaleString('en')} placements against ${DEBTORS.toLocaleString('en')} debtors`,
  );
  console.log(
    `   index build: ${(build / 1000).toFixed(1)} s (${rate(DEBTORS, build)}), index heap ≈ ${heapMb.toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
  );
  console.log(
    `   matching:    ${(match / 1000).toFixed(1)} s (${rate(MATCHES, match)}); outcomes ${JSON.stringify(outcomes)}`,
  );
  console.log(
    `   1M × 1M at these rates: ≈ ${(((1e6 / DEBTORS) * build) / 1000 + ((1e6 / MATCHES) * match) / 1000).toFixed(0)} s of CPU (index build + matching)`,
  );
};

const main = async () => {
  const server = await startPostgres();
  try {
    await encryptionCost(server.url);
  } finally {
    await server.stop();
  }
  matchingThroughput();
};

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
