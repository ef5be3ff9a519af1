/** The kinds of normalised key the matcher compares. */
export type MatchKeyKind = 'national_id' | 'name_dob_postal' | 'phone' | 'email';

/**
 * One normalised key of a person. Built here from plaintext at the edge; the service stores and
 * compares only its blind index (HMAC), so `value` is whichever of the two the caller holds.
 */
export type MatchKey = Readonly<{ kind: MatchKeyKind; value: string }>;

/** What a placement says about the person, in plaintext, for the keys only (never stored). */
export type PersonForMatching = Readonly<{
  fullName: string;
  dateOfBirth?: string;
  nationalId?: Readonly<{ country: string; value: string }>;
  postalCode?: string;
  phones: readonly string[];
  emails: readonly string[];
}>;

/** Lower case, accents off, punctuation to spaces, name parts sorted ("PÉREZ, Ana" = "ana perez"). */
export const normaliseName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');

/** Digits only, the leading + kept: `+57 (300) 111-2233` = `+573001112233`. */
export const normalisePhone = (phone: string): string => {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
};

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Letters and digits only, upper case: `1.032.456-789` = `1032456789`. */
export const normaliseCode = (code: string): string => code.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

const present = (key: MatchKey): boolean => key.value.length > 0 && !key.value.split('|').includes('');

/** Every key this person can be matched on (a key whose parts are missing is left out). */
export const matchKeysOf = (p: PersonForMatching): MatchKey[] => {
  const keys: MatchKey[] = [];
  if (p.nationalId)
    keys.push({
      kind: 'national_id',
      value: `${normaliseCode(p.nationalId.country)}|${normaliseCode(p.nationalId.value)}`,
    });
  if (p.dateOfBirth && p.postalCode)
    keys.push({
      kind: 'name_dob_postal',
      value: `${normaliseName(p.fullName)}|${p.dateOfBirth}|${normaliseCode(p.postalCode)}`,
    });
  for (const phone of new Set(p.phones.map(normalisePhone))) keys.push({ kind: 'phone', value: phone });
  for (const email of new Set(p.emails.map(normaliseEmail))) keys.push({ kind: 'email', value: email });
  return keys.filter(present);
};
