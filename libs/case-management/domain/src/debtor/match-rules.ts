import type { IsoDate, RuleRef } from './debtor.profile';
import type { MatchKey, MatchKeyKind } from './match-keys';

/** A strong rule links by itself; a weak one only sends the placement to a person for review. */
export type MatchRule = Readonly<{
  id: string;
  version: number;
  key: MatchKeyKind;
  strength: 'strong' | 'weak';
}>;

/** The rules in force from a date, tried in order: data, versioned, each decision names the rule it used. */
export type MatchRuleSet = Readonly<{
  id: string;
  version: number;
  effectiveFrom: IsoDate;
  rules: readonly MatchRule[];
}>;

export const DEFAULT_MATCH_RULE_SETS: readonly MatchRuleSet[] = [
  {
    id: 'debtor-matching',
    version: 1,
    effectiveFrom: '2020-01-01',
    rules: [
      { id: 'national-id-country', version: 1, key: 'national_id', strength: 'strong' },
      { id: 'name-dob-postal-code', version: 1, key: 'name_dob_postal', strength: 'strong' },
      { id: 'phone', version: 1, key: 'phone', strength: 'weak' },
      { id: 'email', version: 1, key: 'email', strength: 'weak' },
    ],
  },
];

/** The rule set in force on `day` (the latest one already effective). */
export const matchRuleSetOn = (day: IsoDate, sets: readonly MatchRuleSet[]): MatchRuleSet => {
  const set = [...sets]
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
    .find((s) => s.effectiveFrom <= day);
  if (!set) throw new RangeError(`No match rule set in force on ${day}`);
  return set;
};

/** A debtor already in the registry, by the keys it can be matched on. */
export type MatchCandidate = Readonly<{ debtorId: string; keys: readonly MatchKey[] }>;

export type MatchDecision =
  | Readonly<{ outcome: 'link'; debtorId: string; rule: RuleRef }>
  | Readonly<{ outcome: 'review'; candidateDebtorIds: readonly string[]; rule: RuleRef }>
  | Readonly<{ outcome: 'create'; rule: RuleRef }>;

const refOf = (r: { id: string; version: number }): RuleRef => ({ id: r.id, version: r.version });

const sharing = (
  keys: readonly MatchKey[],
  rule: MatchRule,
  candidates: readonly MatchCandidate[],
): string[] => {
  const mine = new Set(keys.filter((k) => k.kind === rule.key).map((k) => k.value));
  if (mine.size === 0) return [];
  const hits = candidates.filter((c) => c.keys.some((k) => k.kind === rule.key && mine.has(k.value)));
  return [...new Set(hits.map((c) => c.debtorId))].sort();
};

/**
 * The first rule that finds anyone decides: a strong rule finding exactly one debtor links; a
 * strong rule finding several (ambiguous) or a weak rule sends to review; nobody found creates.
 */
export const matchDebtor = (
  keys: readonly MatchKey[],
  candidates: readonly MatchCandidate[],
  ruleSet: MatchRuleSet,
): MatchDecision => {
  for (const rule of ruleSet.rules) {
    const found = sharing(keys, rule, candidates);
    if (found.length === 0) continue;
    if (rule.strength === 'strong' && found.length === 1)
      return { outcome: 'link', debtorId: found[0], rule: refOf(rule) };
    return { outcome: 'review', candidateDebtorIds: found, rule: refOf(rule) };
  }
  return { outcome: 'create', rule: refOf(ruleSet) };
};
