import type { ContactDecision, ContactPolicyInput } from './contact-decision';
import { localDayOf, toIsoInstant } from './local-time';
import type { PastContact, PolicyContext } from './policy-context';
import { agencyLimitsInEffect, agencyVersionOf, packInEffect, packVersionOf } from './rule-pack';
import { authorisationGate, emailProvenanceGate, optOutGate, optOutNoticeGate } from './rules/consent.gate';
import { frequencyRule } from './rules/frequency.rule';
import type { Gate } from './rules/gate';
import { holdsGate } from './rules/holds.gate';
import { hoursRule } from './rules/hours.rule';
import { quietPeriodRule } from './rules/quiet-period.rule';
import { forbiddenChannelGate, recipientGate } from './rules/recipient.gate';
import { earliestSlot, type TimeRule } from './rules/time-rule';
import { zonesSuggestedBy } from './time-zones';

// Order matters only for which reason is reported first: the most serious comes first.
const GATES: readonly Gate[] = [
  holdsGate,
  recipientGate,
  forbiddenChannelGate,
  optOutGate,
  authorisationGate,
  emailProvenanceGate,
  optOutNoticeGate,
];

const pastOnly = (nowMs: number, contacts: ContactPolicyInput['history']['attempts']): PastContact[] => {
  const past: PastContact[] = [];
  for (const c of contacts)
    if (c.at <= nowMs) past.push({ channel: c.channel, ms: c.at, debtIds: c.debtIds });
  return past;
};

const contextFor = (input: ContactPolicyInput): PolicyContext | undefined => {
  const nowMs = input.now;
  const today = localDayOf('UTC', nowMs).date;
  const pack = packInEffect(input.packs, input.jurisdiction, today);
  if (!pack) return undefined;
  const suggested = zonesSuggestedBy(input.contactPoints);
  return {
    input,
    nowMs,
    pack,
    packVersion: packVersionOf(pack),
    agency: agencyLimitsInEffect(input.agencyLimits ?? [], input.creditorId, today),
    zones: suggested.length > 0 ? suggested : pack.defaultTimeZones,
    attempts: pastOnly(nowMs, input.history.attempts),
    conversations: pastOnly(nowMs, input.history.conversations),
  };
};

const timeRulesFor = (ctx: PolicyContext): TimeRule[] => {
  const { pack, agency, input } = ctx;
  const version = ctx.packVersion;
  const rules: TimeRule[] = [
    ...pack.hours.filter((h) => h.channels.includes(input.channel)).map((h) => hoursRule(h, version)),
    ...pack.caps.filter((c) => c.channels.includes(input.channel)).map((c) => frequencyRule(c, ctx, version)),
    ...pack.quietPeriods
      .filter((q) => q.channels.includes(input.channel))
      .map((q) => quietPeriodRule(q, ctx, version)),
  ];
  if (!agency) return rules;
  const agencyVersion = agencyVersionOf(agency);
  return [
    ...rules,
    ...agency.caps
      .filter((c) => c.channels.includes(input.channel))
      .map((c) => frequencyRule(c, ctx, agencyVersion)),
    ...agency.quietPeriods
      .filter((q) => q.channels.includes(input.channel))
      .map((q) => quietPeriodRule(q, ctx, agencyVersion)),
  ];
};

/**
 * Can this contact happen now? `allow`, `block` (no time will cure it) or `reschedule` to the first
 * instant every rule allows. Every answer names the rule and the pack version that decided it.
 */
export const decideContactPolicy = (input: ContactPolicyInput): ContactDecision => {
  const ctx = contextFor(input);
  if (!ctx) {
    const citation = `no rule pack for ${input.jurisdiction} in effect`;
    return {
      verdict: 'block',
      reason: 'no_rule_pack',
      ruleId: 'policy.no-rule-pack',
      packVersion: 'none',
      citation,
    };
  }
  const applied: string[] = [];
  for (const gate of GATES) {
    const outcome = gate(ctx);
    if (!outcome) continue;
    const evidence = {
      ruleId: outcome.rule.id,
      packVersion: ctx.packVersion,
      citation: outcome.rule.citation,
    };
    if (outcome.blocked) return { verdict: 'block', reason: outcome.blocked, ...evidence };
    applied.push(outcome.rule.id);
  }
  const rules = timeRulesFor(ctx);
  if (rules.length > 0 && ctx.zones.length === 0) {
    const { id, citation } = ctx.pack.zoneUnknown;
    return {
      verdict: 'block',
      reason: 'time_zone_unknown',
      ruleId: id,
      packVersion: ctx.packVersion,
      citation,
    };
  }
  const slot = earliestSlot(rules, ctx.zones, ctx.nowMs);
  if (slot.firstObstacle) {
    const { rule, version } = slot.firstObstacle;
    const evidence = { ruleId: rule.id, packVersion: version, citation: rule.citation };
    if (slot.at === Infinity) return { verdict: 'block', reason: 'no_allowed_slot', ...evidence };
    return { verdict: 'reschedule', nextAllowedSlot: toIsoInstant(slot.at), ...evidence };
  }
  return {
    verdict: 'allow',
    ruleId: `${ctx.pack.id}.allowed`,
    packVersion: ctx.packVersion,
    citation: ctx.pack.citation,
    rulesApplied: [...applied, ...rules.map((r) => `${r.rule.id}@${r.version}`)],
  };
};
