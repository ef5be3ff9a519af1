import { AssignCase, CheckDueDates, CompleteTask, CreateTask, SetNextAction, TagCase } from './case.commands';
import { CaseRuleViolated } from './case.errors';
import { CaseEvent } from './case.events';
import { isAfter, notClosed, openedOnly, validDate, validInstant } from './case.guards';
import { alert } from './case.alerts';
import { Case } from './case.state';

export const createTask = (c: CreateTask, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { taskId, kind, dueAt, assignee, at, cause } = c.data;
  const existing = s.tasks.get(taskId);
  if (existing && existing.kind === kind && existing.dueAt === dueAt && existing.assignee === assignee)
    return [];
  if (existing) throw new CaseRuleViolated('task_conflict', `task ${taskId} exists`);
  notClosed(s);
  return [
    {
      type: 'TaskCreated',
      data: { taskId, kind, dueAt: validInstant('dueAt', dueAt), assignee, createdAt: at, cause },
    },
  ];
};

export const completeTask = (c: CompleteTask, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const task = s.tasks.get(c.data.taskId);
  if (!task) throw new CaseRuleViolated('unknown_task', `no task ${c.data.taskId} on this case`);
  if (task.completedAt !== null) return [];
  return [
    { type: 'TaskCompleted', data: { taskId: c.data.taskId, completedAt: c.data.at, cause: c.data.cause } },
  ];
};

/** One alert per overdue task and per next-action date, however often the check runs. */
export const checkDueDates = (c: CheckDueDates, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { today, at, cause } = c.data;
  validDate('today', today);
  if (s.status === 'closed') return [];
  const overdue = [...s.tasks]
    .filter(
      ([id, t]) => t.completedAt === null && isAfter(at, t.dueAt) && !s.alerts.has(`task-overdue-${id}`),
    )
    .map(([id]) => alert(`task-overdue-${id}`, 'task_overdue', id, at, cause));
  const next = s.nextAction;
  const nextId = next ? `next-action-${next.dueOn}-${next.action}` : '';
  const nextDue =
    next && next.dueOn <= today && !s.alerts.has(nextId)
      ? [alert(nextId, 'next_action_due', next.action, at, cause)]
      : [];
  return [...overdue, ...nextDue];
};

export const assignCase = (c: AssignCase, state: Case): CaseEvent[] => {
  const s = notClosed(openedOnly(state));
  const { agentId, teamId, at, cause } = c.data;
  if (s.assignment.agentId === agentId && s.assignment.teamId === teamId) return [];
  return [{ type: 'CaseAssigned', data: { agentId, teamId, assignedAt: at, cause } }];
};

export const tagCase = (c: TagCase, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const added = [...new Set(c.data.add)].filter((t) => !s.tags.has(t));
  const removed = [...new Set(c.data.remove)].filter((t) => s.tags.has(t) && !c.data.add.includes(t));
  if (added.length === 0 && removed.length === 0) return [];
  return [{ type: 'CaseTagged', data: { added, removed, taggedAt: c.data.at, cause: c.data.cause } }];
};

export const setNextAction = (c: SetNextAction, state: Case): CaseEvent[] => {
  const s = notClosed(openedOnly(state));
  const { action, at, cause } = c.data;
  const dueOn = validDate('dueOn', c.data.dueOn);
  if (s.nextAction?.action === action && s.nextAction.dueOn === dueOn) return [];
  return [{ type: 'NextActionSet', data: { action, dueOn, setAt: at, cause } }];
};
