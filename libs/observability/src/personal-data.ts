/** Keys whose values are personal data: pino redacts these paths and `redactPersonalData` masks them. */
export const PERSONAL_DATA_KEYS = [
  'name',
  'fullName',
  'firstName',
  'lastName',
  'middleName',
  'displayName',
  'email',
  'emailAddress',
  'phone',
  'phoneNumber',
  'mobile',
  'address',
  'addressLine1',
  'addressLine2',
  'street',
  'postcode',
  'postalCode',
  'zip',
  'dateOfBirth',
  'dob',
  'birthDate',
  'nationalId',
  'ssn',
  'taxId',
  'iban',
  'accountNumber',
  'cardNumber',
  'ip',
  'ipAddress',
] as const;

/** Credentials and session material: never logged either. */
export const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
] as const;

export const REDACTED = '[redacted]';

const sensitive = new Set<string>([...PERSONAL_DATA_KEYS, ...SECRET_KEYS].map((k) => k.toLowerCase()));

/** True when a property of this name must not reach a log line (case-insensitive). */
export const isSensitiveKey = (key: string): boolean => sensitive.has(key.toLowerCase());

/** pino `redact.paths` for the sensitive keys down to `depth` levels (pino has no recursive wildcard). */
export const redactionPaths = (depth = 3): string[] => {
  const keys = [...PERSONAL_DATA_KEYS, ...SECRET_KEYS];
  const paths: string[] = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];
  for (let level = 0; level <= depth; level++) {
    const prefix = '*.'.repeat(level);
    for (const key of keys) paths.push(`${prefix}${/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`}`);
  }
  return paths;
};

/** A deep copy of `value` with every sensitive key's value replaced by `[redacted]`. */
export const redactPersonalData = <T>(value: T, seen = new WeakSet<object>()): T => {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]' as T;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, seen)) as T;
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    out[key] = isSensitiveKey(key) ? REDACTED : redactPersonalData(v, seen);
  return out as T;
};
