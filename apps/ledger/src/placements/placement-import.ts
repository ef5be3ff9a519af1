import { stringifyJson, WrongExpectedVersion } from '@cartera/eventstore';
import type { Actor as EventActor, EventMetadata, NewEvent } from '@cartera/eventstore';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import { accountDecider } from '@cartera/ledger-domain';
import type { AccountEvent, AccountPlaced } from '@cartera/ledger-domain';
import type { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { accountStreamId } from '../accounts/account-ids';
import type { CreditorPolicies } from '../accounts/creditor-policies';
import type { LedgerTables } from '../ledger.schema';
import { parsePlacementRow, ParsedRow } from './placement-row';
import { openPlacementFile, PlacementFile, PlacementFormat } from './placement-sources';
import type { Counts, PlacementsTable, RowError } from './placements.table';

type Valid = Extract<ParsedRow, { ok: true }>;
type Outcome = 'placed' | 'duplicate' | RowError;

export type ImportRequest = Readonly<{
  placementId: string;
  format: PlacementFormat;
  actor: EventActor;
  /** Used for rows without a creditorId column. */
  creditorId?: string;
  /** Rows of other creditors are refused (the caller's `creditors` claim). */
  allowedCreditors?: readonly string[];
  now?: Date;
}>;

/** The placement without when it was placed: a re-import of the same row later is the same placement. */
const identity = (p: Omit<AccountPlaced['data'], 'placedOn'>): string => {
  const { placedAt: _at, ...rest } = p as AccountPlaced['data'];
  const { placedOn: _on, ...same } = rest;
  return stringifyJson(same);
};

/**
 * The streaming import: rows are parsed as they arrive, validated, and placed in batches, each
 * batch in one multi-stream append (one round trip), a few batches in
 * parallel. New accounts are aged at placement (their first bucket travels with AccountPlaced).
 * A re-imported row is a no-op; a different placement for an existing account is a row error.
 */
export class PlacementImporter {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly pool: Pool,
    private readonly t: LedgerTables,
    private readonly policies: CreditorPolicies,
    private readonly placements: PlacementsTable,
    private readonly options: { batchSize?: number; parallel?: number } = {},
  ) {}

  /** Imports a checked file (see openPlacementFile), or a stream whose header is checked here. */
  async run(input: Readable | PlacementFile, request: ImportRequest): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    const parallel = this.options.parallel ?? 3;
    const placedAt = (request.now ?? new Date()).toISOString();
    const defaults = { placedAt, creditorId: request.creditorId, allowedCreditors: request.allowedCreditors };
    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    const dispatch = (batch: ParsedRow[]) => {
      const p = this.batch(batch, request).then(
        () => void inFlight.delete(p),
        (error: unknown) => {
          inFlight.delete(p);
          failure ??= error;
        },
      );
      inFlight.add(p);
    };
    try {
      const file =
        'records' in input
          ? input
          : await openPlacementFile(input, request.format, { withDefaultCreditor: !!request.creditorId });
      let batch: ParsedRow[] = [];
      for await (const source of file.records) {
        batch.push(
          'errors' in source
            ? { ok: false, ...source }
            : parsePlacementRow(source.record, source.row, defaults),
        );
        if (batch.length < batchSize) continue;
        dispatch(batch);
        batch = [];
        // Back-pressure: stop reading while `parallel` batches are being written.
        while (inFlight.size >= parallel) await Promise.race(inFlight);
        if (failure) throw failure;
      }
      if (batch.length > 0) dispatch(batch);
      await Promise.all(inFlight);
      if (failure) throw failure;
      await this.placements.finish(request.placementId);
    } catch (error) {
      await Promise.allSettled(inFlight);
      await this.placements.finish(
        request.placementId,
        String((error as Error)?.message ?? error).slice(0, 500),
      );
      throw error;
    }
  }

  private async batch(rows: readonly ParsedRow[], request: ImportRequest): Promise<void> {
    const errors: RowError[] = [];
    const counts = { read: rows.length, placed: 0, duplicate: 0, rejected: 0 };
    const fresh: Valid[] = [];
    const seen = new Map<string, Valid>();
    for (const r of rows) {
      if (!r.ok) {
        counts.rejected++;
        errors.push(...r.errors.map((e) => ({ row: r.row, ...e })));
        continue;
      }
      const earlier = seen.get(r.accountId);
      if (earlier === undefined) {
        seen.set(r.accountId, r);
        fresh.push(r);
        // Identities are compared only for a repeated account id (rare), not built for every row.
      } else
        tally(
          counts,
          errors,
          r.row,
          identity(earlier.command.data) === identity(r.command.data) ? 'duplicate' : conflict(),
        );
    }
    // The common case is a batch of new accounts: append straight away; the append's own
    // no_stream check answers "is any of them placed already?" in the same round trip.
    const creditors = creditorsOf(rows, request.allowedCreditors);
    if (await this.appendAll(fresh, request)) {
      counts.placed += fresh.length;
      await this.placements.progress(request.placementId, counts, errors, creditors);
      return;
    }
    const known = await this.existing(fresh.map((r) => r.accountId));
    const toAppend = fresh.filter((r) => !known.has(r.accountId));
    for (const r of fresh.filter((f) => known.has(f.accountId)))
      tally(counts, errors, r.row, await this.againstStored(r));
    if (!(await this.appendAll(toAppend, request))) {
      // A concurrent import placed one of them since the check: settle these rows one by one.
      for (const r of toAppend) tally(counts, errors, r.row, await this.placeOne(r, request));
    } else counts.placed += toAppend.length;
    await this.placements.progress(request.placementId, counts, errors, creditors);
  }

  private async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.pool.query<{ account_id: string }>(
      `SELECT account_id FROM ${this.t.accounts} WHERE account_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((r) => r.account_id));
  }

  private eventsOf(r: Valid): AccountEvent[] {
    const placed = r.events.reduce(accountDecider.evolve, accountDecider.initialState());
    const { placedOn } = (r.events[0] as AccountPlaced).data;
    const buckets = this.policies.of(r.command.data.creditorId).buckets;
    return [
      ...r.events,
      ...accountDecider.decide({ type: 'AgeAccount', data: { asOf: placedOn, buckets } }, placed),
    ];
  }

  /** One metadata object per creditor and call: the store serialises each distinct object once. */
  private toNew(r: Valid, request: ImportRequest, shared = new Map<string, EventMetadata>()): NewEvent[] {
    const creditorId = r.command.data.creditorId;
    let metadata = shared.get(creditorId);
    if (!metadata)
      shared.set(
        creditorId,
        (metadata = { actor: request.actor, correlationId: request.placementId, creditorId }),
      );
    return this.eventsOf(r).map((e) => ({ type: e.type, data: e.data, metadata }));
  }

  /** The whole batch in one round trip (all or nothing); false when a stream turned out to exist. */
  private async appendAll(rows: readonly Valid[], request: ImportRequest): Promise<boolean> {
    if (rows.length === 0) return true;
    try {
      const shared = new Map<string, EventMetadata>();
      await this.store.appendToStreams(
        rows.map((r) => ({
          streamId: accountStreamId(r.accountId),
          events: this.toNew(r, request, shared),
          expectedVersion: 'no_stream' as const,
        })),
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersion) return false;
      throw error;
    }
  }

  private async placeOne(r: Valid, request: ImportRequest): Promise<Outcome> {
    try {
      await this.store.appendToStream(accountStreamId(r.accountId), this.toNew(r, request), {
        expectedVersion: 'no_stream',
      });
      return 'placed';
    } catch (error) {
      if (error instanceof WrongExpectedVersion) return this.againstStored(r);
      throw error;
    }
  }

  private async againstStored(r: Valid): Promise<Outcome> {
    const [first] = await this.store.readStream(accountStreamId(r.accountId), { maxCount: 1 });
    const stored =
      first?.type === 'AccountPlaced' ? identity(first.data as AccountPlaced['data']) : undefined;
    return stored === identity(r.command.data) ? 'duplicate' : { row: r.row, ...conflict() };
  }
}

/**
 * The creditors whose rows a batch holds, which decide who may see the placement. Rows of
 * creditors outside the uploader's scope are refused and hold only what the uploader sent.
 */
const creditorsOf = (rows: readonly ParsedRow[], allowed: readonly string[] | undefined): string[] => {
  const named = rows.map((r) => (r.ok ? r.command.data.creditorId : r.creditorId));
  return [...new Set(named)].filter((c): c is string => !!c && (!allowed || allowed.includes(c)));
};

const conflict = () => ({
  field: 'creditorAccountRef',
  reason: 'already_placed: a different placement exists for this account',
});

const tally = (
  counts: { placed: number; duplicate: number; rejected: number },
  errors: RowError[],
  row: number,
  o: Outcome | ReturnType<typeof conflict>,
) => {
  if (o === 'placed') counts.placed++;
  else if (o === 'duplicate') counts.duplicate++;
  else {
    counts.rejected++;
    errors.push({ row, field: o.field, reason: o.reason });
  }
};

export type { Counts };
