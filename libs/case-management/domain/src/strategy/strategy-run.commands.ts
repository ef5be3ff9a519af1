import { Command } from '@cartera/decider';
import { CaseFacts } from './case-facts';
import { CaseSituation } from './case-situation';
import { Scorecard } from './scorecard';
import { StrategyDocument } from './strategy.document';
import { Instant } from './time';

/** Put a case (`facts.caseId`) on a published strategy version: score, segment and variant are decided here. */
export type AssignStrategy = Command<
  'AssignStrategy',
  { strategy: StrategyDocument; scorecard: Scorecard; facts: CaseFacts; assignedAt: Instant }
>;

/** What made the service re-segment: a relevant event, or the periodic run. */
export type ReSegmentReason =
  | 'payment'
  | 'bucket_changed'
  | 'promise_kept'
  | 'promise_broken'
  | 'contact_outcome'
  | 'strategy_published'
  | 'scheduled';

/** Segment the case again (perhaps on a newer version); `reshuffle` re-hashes its variant. */
export type ReSegment = Command<
  'ReSegment',
  {
    strategy: StrategyDocument;
    scorecard: Scorecard;
    facts: CaseFacts;
    reason: ReSegmentReason;
    resegmentedAt: Instant;
    reshuffle?: boolean;
  }
>;

/** Plan the case's next step from its latest situation. */
export type ScheduleNext = Command<'ScheduleNext', { situation: CaseSituation; plannedAt: Instant }>;

/** Fire the planned step if it is due and the latest situation still allows it. */
export type FireDueStep = Command<'FireDueStep', { situation: CaseSituation; firedAt: Instant }>;

export type StrategyRunCommand = AssignStrategy | ReSegment | ScheduleNext | FireDueStep;
