import { Temporal } from 'temporal-polyfill';
import { EvaluateLimitation, LimitationRule } from './case.commands';
import { CaseRuleViolated } from './case.errors';
import { CaseEvent } from './case.events';
import { openedOnly, validDate } from './case.guards';
import { Case, OpenedCase } from './case.state';
import { IsoDate } from './case.time';

/** The rule of `jurisdiction` in force on `today`: the latest one effective by then. */
export const limitationRuleFor = (
  rules: readonly LimitationRule[],
  jurisdiction: string,
  today: IsoDate,
): LimitationRule | undefined =>
  rules
    .filter((r) => r.jurisdiction === jurisdiction && r.effectiveFrom <= today)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
    .at(-1);

const isBarred = (from: IsoDate, years: number, today: IsoDate): boolean =>
  Temporal.PlainDate.compare(Temporal.PlainDate.from(from).add({ years }), Temporal.PlainDate.from(today)) <=
  0;

/** Marks the case when open accounts passed their limitation period, and clears the mark when none has. */
export const evaluateLimitation = (c: EvaluateLimitation, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const today = validDate('today', c.data.today);
  if (s.status === 'closed') return [];
  const jurisdiction = s.jurisdiction;
  const rule = jurisdiction === null ? undefined : limitationRuleFor(c.data.rules, jurisdiction, today);
  const barred = rule ? barredAccounts(s, rule, today) : [];
  const { cause } = c.data;
  if (!rule || !jurisdiction || barred.length === 0)
    return s.timeBar ? [{ type: 'TimeBarCleared', data: { clearedOn: today, cause } }] : [];
  if (sameAccounts(s, barred) && s.timeBar?.ruleVersion === rule.version) return [];
  return [
    {
      type: 'CaseTimeBarred',
      data: { accountIds: barred, jurisdiction, ruleVersion: rule.version, barredOn: today, cause },
    },
  ];
};

const barredAccounts = (s: OpenedCase, rule: LimitationRule, today: IsoDate): string[] =>
  [...s.accounts]
    .filter(
      ([, a]) =>
        a.closedAs === null && a.limitationFrom !== null && isBarred(a.limitationFrom, rule.years, today),
    )
    .map(([id]) => id);

const sameAccounts = (s: OpenedCase, barred: readonly string[]): boolean =>
  s.timeBar !== null &&
  s.timeBar.accountIds.length === barred.length &&
  barred.every((id) => s.timeBar?.accountIds.includes(id));

/** No legal step on a time-barred debt. */
export const notTimeBarred = (s: OpenedCase): OpenedCase => {
  if (s.timeBar)
    throw new CaseRuleViolated(
      'time_barred',
      `current status ${s.status}: accounts ${s.timeBar.accountIds.join(', ')} are time-barred (${s.timeBar.ruleVersion})`,
    );
  return s;
};
