import { IsIn, IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsInstant } from '../ledger/ledger-common';
import { CaseMessageBase } from './case-common';

/** Something on the case needs an agent: a task or next action due, a broken promise, a missed instalment… */
export class AlertRaisedV1 extends CaseMessageBase {
  @IsString() @Length(1, 300) alertId!: string;
  @IsIn([
    'task_overdue',
    'promise_broken',
    'instalment_missed',
    'next_action_due',
    'payment_reversed',
    'wrong_party',
  ])
  kind!: string;
  @IsString() @Length(1, 300) subject!: string;
  @IsInstant() raisedAt!: string;
}

export const AlertRaisedV1Contract = defineContract('AlertRaised', 1, AlertRaisedV1);
