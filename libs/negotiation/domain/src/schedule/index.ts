export { annuityInstalment, MAX_INSTALMENTS } from './amortise';
export { dueDateOf, dueDates, periodsPerYear } from './frequency';
export type { Frequency } from './frequency';
export { describeProblems, paymentSchedule } from './payment-schedule';
export { MAX_ANNUAL_RATE_BPS, scheduleProblems } from './schedule-terms';
export type {
  PaymentSchedule,
  PlanSize,
  ScheduledInstalment,
  ScheduleTerms,
  TermsProblem,
} from './schedule.types';
