import type { DebtorV1 } from '@cartera/contracts';
import type {
  AccountRef,
  ContactPoint,
  DebtorProfile,
  Identity,
  Jurisdiction,
  PersonForMatching,
} from '@cartera/case-management-domain';
import { isErased, type PiiVault } from '@cartera/pii';

/** ISO 3166 "unknown": the ledger sends no country when the placement had no address. */
const UNKNOWN_COUNTRY = 'ZZ';

export const jurisdictionOf = (d: DebtorV1): Jurisdiction => ({
  country: (d.address?.country ?? UNKNOWN_COUNTRY).toUpperCase(),
  ...(d.address?.region ? { region: d.address.region.toUpperCase() } : {}),
});

/** The placement's person, for match keys only (plaintext stays in this process). */
export const personOf = (d: DebtorV1): PersonForMatching => ({
  fullName: d.fullName,
  ...(d.dateOfBirth ? { dateOfBirth: d.dateOfBirth } : {}),
  ...(d.nationalId ? { nationalId: { country: jurisdictionOf(d).country, value: d.nationalId } } : {}),
  ...(d.address?.postalCode ? { postalCode: d.address.postalCode } : {}),
  phones: d.phones,
  emails: d.emails,
});

/** Seals every personal field of a placement with the debtor's data key; the creditor supplied them. */
export const sealPlacement = async (
  vault: PiiVault,
  debtorId: string,
  d: DebtorV1,
  source: AccountRef,
  validFrom: string,
): Promise<{ identity: Identity; contactPoints: ContactPoint[] }> => {
  const seal = (value: string) => vault.encryptFor(debtorId, value);
  const point = async (kind: ContactPoint['kind'], value: string): Promise<ContactPoint> => ({
    kind,
    value: await seal(value),
    provenance: 'creditor_supplied',
    validFrom,
    source,
  });
  const identity: Identity = {
    name: await seal(d.fullName),
    ...(d.nationalId
      ? {
          nationalId: {
            type: 'unspecified',
            country: jurisdictionOf(d).country,
            value: await seal(d.nationalId),
          },
        }
      : {}),
    ...(d.dateOfBirth ? { dateOfBirth: await seal(d.dateOfBirth) } : {}),
  };
  const contactPoints = [
    ...(await Promise.all(d.phones.map((p) => point('phone', p)))),
    ...(await Promise.all(d.emails.map((e) => point('email', e)))),
    ...(d.address ? [await point('postal_address', JSON.stringify(d.address))] : []),
  ];
  return { identity, contactPoints };
};

export const profileOf = (
  sealed: { identity: Identity; contactPoints: ContactPoint[] },
  d: DebtorV1,
): DebtorProfile => ({ ...sealed, timeZones: [d.timeZone], jurisdiction: jurisdictionOf(d) });

/** Opens one field for a permitted reader; `[erased]` once the key is gone. */
export const ERASED_FIELD = '[erased]';
export const unseal = async (
  vault: PiiVault,
  debtorId: string,
  value: string | null,
): Promise<string | null> => {
  if (value === null || value === ERASED_FIELD) return value;
  const plain = await vault.decryptFor(debtorId, value);
  return isErased(plain) ? ERASED_FIELD : plain;
};

/** Re-seals fields of one debtor for another (a split gives the new debtor its own key). */
export const reseal = async (vault: PiiVault, from: string, to: string, value: string): Promise<string> => {
  const plain = await vault.decryptFor(from, value);
  if (isErased(plain)) throw new Error(`Debtor ${from} was erased: nothing to split`);
  return vault.encryptFor(to, plain);
};
