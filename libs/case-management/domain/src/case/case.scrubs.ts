import { RecordScrubHit } from './case.commands';
import { CaseEvent } from './case.events';
import { validInstant } from './case.guards';
import { held } from './case.holds';
import { Case } from './case.state';

/** The hold a scrub hit places: derived from the hit, so the same hit again (or after a lift) places nothing. */
export const scrubHoldId = (c: RecordScrubHit): string =>
  `scrub-${c.data.flag}-${c.data.source}-${c.data.reference}`;

export const recordScrubHit = (c: RecordScrubHit, state: Case): CaseEvent[] => {
  if (state.status === 'unopened' || state.status === 'closed') return [];
  const holdId = scrubHoldId(c);
  if (state.holds.has(holdId) || state.liftedHolds.has(holdId)) return [];
  return held(state, holdId, c.data.flag, null, validInstant('at', c.data.at), c.data.cause);
};
