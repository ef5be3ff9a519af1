import { violatesCaseRule } from './case.errors';
import { CaseEvent } from './case.events';
import { AT, agent, changed, command, given, openCase } from './case.fixtures';

const create = () =>
  command('CreateTask', {
    taskId: 't1',
    kind: 'call_back',
    dueAt: '2026-12-05T14:00:00Z',
    assignee: 'agent-7',
  });
const created: CaseEvent = {
  type: 'TaskCreated',
  data: {
    taskId: 't1',
    kind: 'call_back',
    dueAt: '2026-12-05T14:00:00Z',
    assignee: 'agent-7',
    createdAt: AT,
    cause: agent,
  },
};
const check = (at: string, today: string) => ({
  type: 'CheckDueDates' as const,
  data: { today, at, cause: { kind: 'system' as const, id: 'due-dates-job' } },
});
const job = { kind: 'system' as const, id: 'due-dates-job' };

describe('tasks and alerts', () => {
  it('creates a task with its due date; a repeat decides nothing', () => {
    given(openCase()).when(create()).then([created]);
    given([...openCase(), created])
      .when(create())
      .thenNothingHappened();
  });

  it('completes a task once', () => {
    const done: CaseEvent = { type: 'TaskCompleted', data: { taskId: 't1', completedAt: AT, cause: agent } };
    given([...openCase(), created])
      .when(command('CompleteTask', { taskId: 't1' }))
      .then([done]);
    given([...openCase(), created, done])
      .when(command('CompleteTask', { taskId: 't1' }))
      .thenNothingHappened();
    given(openCase())
      .when(command('CompleteTask', { taskId: 'x' }))
      .thenThrows(violatesCaseRule('unknown_task'));
  });

  it('alerts once when a task is past due', () => {
    const alert: CaseEvent = {
      type: 'AlertRaised',
      data: {
        alertId: 'task-overdue-t1',
        kind: 'task_overdue',
        subject: 't1',
        raisedAt: '2026-12-05T14:00:01Z',
        cause: job,
      },
    };
    given([...openCase(), created])
      .when(check('2026-12-05T13:59:59Z', '2026-12-05'))
      .thenNothingHappened();
    given([...openCase(), created])
      .when(check('2026-12-05T14:00:01Z', '2026-12-05'))
      .then([alert]);
    given([...openCase(), created, alert])
      .when(check('2026-12-06T00:00:00Z', '2026-12-06'))
      .thenNothingHappened();
  });

  it('alerts when the next action is due', () => {
    const next: CaseEvent = {
      type: 'NextActionSet',
      data: { action: 'call back', dueOn: '2026-12-06', setAt: AT, cause: agent },
    };
    given([...openCase(), next])
      .when(check('2026-12-05T20:00:00Z', '2026-12-05'))
      .thenNothingHappened();
    given([...openCase(), next])
      .when(check('2026-12-06T09:00:00Z', '2026-12-06'))
      .then([
        {
          type: 'AlertRaised',
          data: {
            alertId: 'next-action-2026-12-06-call back',
            kind: 'next_action_due',
            subject: 'call back',
            raisedAt: '2026-12-06T09:00:00Z',
            cause: job,
          },
        },
      ]);
  });
});

describe('assignment, tags and next action', () => {
  it('assigns to an agent and team; the same assignment again decides nothing', () => {
    const assigned: CaseEvent = {
      type: 'CaseAssigned',
      data: { agentId: 'agent-7', teamId: 'team-a', assignedAt: AT, cause: agent },
    };
    given(openCase())
      .when(command('AssignCase', { agentId: 'agent-7', teamId: 'team-a' }))
      .then([assigned]);
    given([...openCase(), assigned])
      .when(command('AssignCase', { agentId: 'agent-7', teamId: 'team-a' }))
      .thenNothingHappened();
  });

  it('refuses to assign a closed case', () =>
    given([...openCase(), changed('new', 'closed')])
      .when(command('AssignCase', { agentId: 'agent-7', teamId: null }))
      .thenThrows(violatesCaseRule('case_closed')));

  it('tags only what changes', () => {
    const tagged: CaseEvent = {
      type: 'CaseTagged',
      data: { added: ['vip'], removed: [], taggedAt: AT, cause: agent },
    };
    given(openCase())
      .when(command('TagCase', { add: ['vip', 'vip'], remove: ['none'] }))
      .then([tagged]);
    given([...openCase(), tagged])
      .when(command('TagCase', { add: ['vip'], remove: [] }))
      .thenNothingHappened();
  });

  it('sets the next action and refuses a bad date', () => {
    given(openCase())
      .when(command('SetNextAction', { action: 'send letter', dueOn: '2026-12-08' }))
      .then([
        {
          type: 'NextActionSet',
          data: { action: 'send letter', dueOn: '2026-12-08', setAt: AT, cause: agent },
        },
      ]);
    given(openCase())
      .when(command('SetNextAction', { action: 'x', dueOn: '2026-02-30' }))
      .thenThrows(violatesCaseRule('invalid_command'));
  });
});
