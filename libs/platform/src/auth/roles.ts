/** Who may do what. `admin` passes every role check. */
export const ROLES = [
  'agent',
  'supervisor',
  'negotiator',
  'compliance',
  'privacy',
  'analyst',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** True when the actor holds one of `allowed` (or is admin); an empty `allowed` admits everyone. */
export const hasAnyRole = (actor: { roles: readonly Role[] }, allowed: readonly Role[]): boolean =>
  allowed.length === 0 || actor.roles.includes('admin') || allowed.some((role) => actor.roles.includes(role));
