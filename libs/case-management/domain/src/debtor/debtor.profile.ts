/** ISO 8601 calendar date (`2026-12-04`) and instant (`2026-12-04T15:00:00Z`). */
export type IsoDate = string;
export type Instant = string;

/**
 * A personal-data field as the domain holds it: the ciphertext the service produced with the
 * debtor's data key (`pii1.…`). The domain never sees keys or plaintext; destroying the key
 * (erasure) leaves these strings unreadable while the events and their hash chain stay intact.
 */
export type SealedField = string;

/** A national identifier: its kind (CC, SSN, DNI, or `unspecified` when the creditor did not say) and issuing country. */
export type NationalId = Readonly<{ type: string; country: string; value: SealedField }>;

/** Where a contact point came from; the law weighs them differently (a consumer-provided one outranks a skip trace). */
export type Provenance = 'consumer_provided' | 'creditor_supplied' | 'prior_collector' | 'skip_trace';

export type ContactPoint = Readonly<{
  kind: 'phone' | 'email' | 'postal_address';
  value: SealedField;
  provenance: Provenance;
  /** First day the point is known good. */
  validFrom: IsoDate;
  /** The placement that supplied it, so a creditor sees only what its own accounts brought. */
  source?: Readonly<{ accountId: string; creditorId: string }>;
}>;

/** Who the debtor is: every field sealed. */
export type Identity = Readonly<{
  name: SealedField;
  nationalId?: NationalId;
  dateOfBirth?: SealedField;
}>;

/** The law that governs collection from this debtor: a country (ISO 3166-1) and, where it matters, a region (US state). */
export type Jurisdiction = Readonly<{ country: string; region?: string }>;

/** Everything the registry knows about a person, apart from the accounts. */
export type DebtorProfile = Readonly<{
  identity: Identity;
  contactPoints: readonly ContactPoint[];
  /** IANA zones the debtor may be in (contact windows are checked in every one). */
  timeZones: readonly string[];
  jurisdiction: Jurisdiction;
  /** BCP 47 tag (`es-CO`), when known. */
  preferredLanguage?: string;
}>;

/** A versioned rule that caused a link, merge or split: every such event names one. */
export type RuleRef = Readonly<{ id: string; version: number }>;

/** An account of a creditor, as the registry links it to a debtor. */
export type AccountRef = Readonly<{ accountId: string; creditorId: string }>;
