import { Versioned } from '../shared/versioned';

/** Roles that may grant a discount, from the platform's roles. */
export const DISCOUNT_ROLES = ['agent', 'negotiator', 'supervisor', 'admin'] as const;
export type DiscountRole = (typeof DISCOUNT_ROLES)[number];

/**
 * A creditor's approval limits, as versioned data: the largest discount each role may grant on
 * its own, in basis points of the balance (1500 = 15 %). Beyond every role's limit the creditor
 * itself approves.
 */
export type ApprovalLimits = Versioned &
  Readonly<{ maxDiscountBps: Readonly<Partial<Record<DiscountRole, number>>> }>;

/** Who offers or approves, with the roles of their token. */
export type Approver = Readonly<{ id: string; roles: readonly string[] }>;

/** The largest discount any of the person's roles may grant (0 when none may). */
export const limitOf = (person: Approver, limits: ApprovalLimits): number =>
  person.roles.reduce((max, role) => {
    const limit = limits.maxDiscountBps[role as DiscountRole];
    return limit !== undefined && limit > max ? limit : max;
  }, 0);

/** The first role, in order of seniority, whose limit covers the discount, or the creditor. */
export const approverRoleFor = (discountBps: number, limits: ApprovalLimits): DiscountRole | 'creditor' =>
  DISCOUNT_ROLES.find((role) => (limits.maxDiscountBps[role] ?? -1) >= discountBps) ?? 'creditor';

const isBps = (bps: number | undefined): boolean =>
  bps !== undefined && Number.isInteger(bps) && bps >= 0 && bps <= 10_000;

export const approvalLimitsProblem = (limits: ApprovalLimits): string | null => {
  if (!limits.version) return 'limits.version: required';
  const bad = Object.entries(limits.maxDiscountBps).find(
    ([role, bps]) => !DISCOUNT_ROLES.includes(role as DiscountRole) || !isBps(bps),
  );
  return bad ? `limits.maxDiscountBps.${bad[0]}: a known role with a whole number from 0 to 10000` : null;
};
