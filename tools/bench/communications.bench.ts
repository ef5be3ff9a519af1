// `npm run bench:communications [-- --debtors 5000] [--decisions 200000]`: contact-policy decisions
// per second on one core, one JSON line per figure. Each debtor has a realistic history (calls,
// texts, emails and conversations over 30 days about one to three debts, consents, sometimes a
// second zone and a hold), and is asked about a call, SMS or email at instants across a week.
// Target (issue 20): ≥ 50,000 decisions/s on one core.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import {
  decideContactPolicy,
  RULE_PACKS,
  type AgencyLimits,
  type ContactChannel,
  type ContactPolicyInput,
} from '@cartera/communications-domain';

const { values } = parseArgs({
  options: { debtors: { type: 'string', default: '5000' }, decisions: { type: 'string', default: '200000' } },
});
const DEBTORS = Number(values.debtors);
const DECISIONS = Number(values.decisions);
const print = (figure: string, v: Record<string, unknown>) => console.log(JSON.stringify({ figure, ...v }));

const START = Temporal.Instant.from('2025-03-01T00:00:00Z').epochMilliseconds;
const HOUR = 3_600_000;
const instant = (ms: number) => ms;
const CHANNELS: ContactChannel[] = ['call', 'sms', 'email'];
const COUNTRIES = [
  { jurisdiction: 'US', phone: '+1212555', second: { kind: 'address', country: 'US', region: 'CA' } },
  { jurisdiction: 'CO', phone: '+57300', second: undefined },
  { jurisdiction: 'MX', phone: '+5255', second: { kind: 'phone', number: '+526641234567' } },
] as const;
const AGENCY: AgencyLimits[] = [
  {
    creditorId: 'bank-0',
    version: '1',
    effectiveFrom: '2025-01-01',
    caps: [
      {
        id: 'agency.calls',
        citation: 'bench',
        channels: ['call'],
        per: 'debt',
        counts: 'attempts',
        max: 5,
        window: { days: 7 },
      },
    ],
    quietPeriods: [],
  },
];

/** A deterministic pseudo-random sequence, so every run decides the same inputs. */
const random = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

const debtorInput = (i: number): Omit<ContactPolicyInput, 'now' | 'channel' | 'address'> => {
  const r = random(i + 1);
  const country = COUNTRIES[i % COUNTRIES.length];
  const debts = Array.from({ length: 1 + (i % 3) }, (_, d) => `debt-${i}-${d}`);
  const attempts = Array.from({ length: 10 + Math.floor(r() * 30) }, () => ({
    channel: CHANNELS[Math.floor(r() * 3)],
    at: instant(START + Math.floor(r() * 30 * 24) * HOUR),
    debtIds: [debts[Math.floor(r() * debts.length)]],
  }));
  const conversations = Array.from({ length: Math.floor(r() * 4) }, () => ({
    channel: 'call' as const,
    at: instant(START + Math.floor(r() * 30 * 24) * HOUR),
    debtIds: debts,
  }));
  const phone = `${country.phone}${String(i).padStart(7, '0')}`;
  return {
    jurisdiction: country.jurisdiction,
    creditorId: `bank-${i % 4}`,
    recipient: 'debtor',
    debtIds: debts,
    carriesOptOut: true,
    history: { attempts, conversations },
    contactPoints: [
      { kind: 'phone', number: phone },
      ...(i % 2 === 0 && country.second ? [country.second] : []),
    ],
    consents: CHANNELS.map((channel) => ({
      channel,
      address: channel === 'email' ? `d${i}@example.com` : phone,
      status: r() < 0.1 ? 'revoked' : 'granted',
      provenance: 'debtor_provided',
      at: instant(START - 30 * 24 * HOUR),
    })),
    holds:
      i % 17 === 0
        ? [{ holdId: `h${i}`, reason: 'dispute', accountIds: [debts[0]], placedAt: instant(START) }]
        : [],
    packs: RULE_PACKS,
    agencyLimits: AGENCY,
  };
};

const debtors = Array.from({ length: DEBTORS }, (_, i) => debtorInput(i));
const requests: ContactPolicyInput[] = Array.from({ length: Math.min(DECISIONS, 100_000) }, (_, k) => {
  const d = debtors[k % DEBTORS];
  const channel = CHANNELS[k % 3];
  const phone = (d.contactPoints[0] as { number: string }).number;
  const now = instant(START + 30 * 24 * HOUR + ((k * 7_919) % (7 * 24)) * HOUR + (k % 60) * 60_000);
  return { ...d, now, channel, address: channel === 'email' ? `d${k % DEBTORS}@example.com` : phone };
});

const run = (n: number) => {
  const verdicts = { allow: 0, block: 0, reschedule: 0 };
  const started = performance.now();
  for (let k = 0; k < n; k++) verdicts[decideContactPolicy(requests[k % requests.length]).verdict]++;
  return { seconds: (performance.now() - started) / 1000, verdicts };
};

run(Math.min(20_000, DECISIONS)); // warm-up: JIT and the zone/day memo fill, as in a running service
const { seconds, verdicts } = run(DECISIONS);
const historySizes = debtors.map((d) => d.history.attempts.length + d.history.conversations.length);
print('contact-policy decisions', {
  decisions: DECISIONS,
  debtors: DEBTORS,
  meanHistoryEntries: +(historySizes.reduce((a, b) => a + b, 0) / DEBTORS).toFixed(1),
  seconds: +seconds.toFixed(2),
  perSecond: Math.round(DECISIONS / seconds),
  target: 50_000,
  verdicts,
});
