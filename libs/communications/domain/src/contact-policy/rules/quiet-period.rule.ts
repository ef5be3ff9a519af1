import { localDay, localDayOf } from '../local-time';
import { type PolicyContext } from '../policy-context';
import type { QuietPeriod } from '../rule-pack';
import type { TimeRule } from './time-rule';

/** No contact for `days` local days counted from the day of a conversation (that day is day one). */
export const quietPeriodRule = (quiet: QuietPeriod, ctx: PolicyContext, version: string): TimeRule => {
  const relevant = ctx.conversations.filter(
    (c) =>
      quiet.conversationChannels.includes(c.channel) &&
      (quiet.per === 'debtor' || c.debtIds.some((id) => ctx.input.debtIds.includes(id))),
  );
  return {
    rule: quiet,
    version,
    earliestFrom: (t, zone) => {
      const today = localDayOf(zone, t).day;
      let earliest = t;
      for (const conversation of relevant) {
        const reopens = localDayOf(zone, conversation.ms).day + quiet.days;
        if (today < reopens) earliest = Math.max(earliest, localDay(zone, reopens).startMs);
      }
      return earliest;
    },
  };
};
