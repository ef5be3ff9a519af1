import { linkAccount, recordAging, recordClosure, recordPayment, recordReversal } from './case.accounts';
import { CaseCommand } from './case.commands';
import { CaseEvent } from './case.events';
import { openedOnly } from './case.guards';
import { expireHolds, liftHold, openDispute, placeHold, verifyDispute } from './case.holds';
import { recordArrangement, recordInteraction } from './case.interactions';
import { evaluateLimitation, notTimeBarred } from './case.limitation';
import { recordScrubHit } from './case.scrubs';
import { Case } from './case.state';
import { explicitMove } from './case.status';
import { assignCase, checkDueDates, completeTask, createTask, setNextAction, tagCase } from './case.tasks';

export const decide = (command: CaseCommand, state: Case): CaseEvent[] => {
  switch (command.type) {
    case 'LinkAccountToCase':
      return linkAccount(command, state);
    case 'RecordPayment':
      return recordPayment(command, state);
    case 'RecordPaymentReversal':
      return recordReversal(command, state);
    case 'RecordAging':
      return recordAging(command, state);
    case 'RecordAccountClosure':
      return recordClosure(command, state);
    case 'RecordArrangement':
      return recordArrangement(command, state);
    case 'ChangeStatus': {
      const s = openedOnly(state);
      const legal = command.data.to === 'legal' && s.status !== 'legal';
      return explicitMove(legal ? notTimeBarred(s) : s, command.data.to, command.data.at, command.data.cause);
    }
    case 'PlaceHold':
      return placeHold(command, state);
    case 'LiftHold':
      return liftHold(command, state);
    case 'ExpireHolds':
      return expireHolds(command, state);
    case 'OpenDispute':
      return openDispute(command, state);
    case 'VerifyDispute':
      return verifyDispute(command, state);
    case 'RecordInteraction':
      return recordInteraction(command, state);
    case 'CreateTask':
      return createTask(command, state);
    case 'CompleteTask':
      return completeTask(command, state);
    case 'CheckDueDates':
      return checkDueDates(command, state);
    case 'AssignCase':
      return assignCase(command, state);
    case 'TagCase':
      return tagCase(command, state);
    case 'SetNextAction':
      return setNextAction(command, state);
    case 'EvaluateLimitation':
      return evaluateLimitation(command, state);
    case 'RecordScrubHit':
      return recordScrubHit(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled command ${(unknown as CaseCommand).type}`);
    }
  }
};
