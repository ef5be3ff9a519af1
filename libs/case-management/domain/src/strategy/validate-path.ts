import { MESSAGE_CHANNELS, ESCALATION_TARGETS, OffsetAnchor, STEP_KINDS } from './strategy.document';
import { validateCondition } from './validate-condition';
import {
  at,
  isRecord,
  isWholeNumber,
  problem,
  Problems,
  requireOneOf,
  requireText,
  uniqueIds,
} from './validation';

const ANCHORS: readonly OffsetAnchor[] = ['due_date', 'previous_step'];

/** A treatment path: a non-empty list of steps with unique ids, due-date offsets never going back. */
export const validatePath = (value: unknown, path: string, out: Problems): void => {
  if (!isRecord(value)) {
    out.push(problem(path, value === undefined ? 'required' : 'wrong_type', 'a treatment path is required'));
    return;
  }
  const steps = value['steps'];
  if (!Array.isArray(steps) || steps.length === 0) {
    out.push(problem(at(path, 'steps'), 'required', 'a treatment path needs at least one step'));
    return;
  }
  steps.forEach((step, i) => validateStep(step, at(at(path, 'steps'), i), out));
  uniqueIds(steps, at(path, 'steps'), out);
  dueDateOffsetsInOrder(steps, at(path, 'steps'), out);
};

const validateStep = (value: unknown, path: string, out: Problems): void => {
  if (!isRecord(value)) {
    out.push(problem(path, 'wrong_type', 'a step must be an object'));
    return;
  }
  requireText(value, 'id', path, out);
  validateTiming(value, path, out);
  if (!requireOneOf(value, 'kind', STEP_KINDS, path, out)) return;
  switch (value['kind']) {
    case 'send_message':
      requireOneOf(value, 'channel', MESSAGE_CHANNELS, path, out);
      requireText(value, 'templateId', path, out);
      if (value['fallbackChannel'] !== undefined)
        requireOneOf(value, 'fallbackChannel', MESSAGE_CHANNELS, path, out);
      return;
    case 'create_task':
      requireText(value, 'queue', path, out);
      requireText(value, 'title', path, out);
      return;
    case 'change_status':
      requireText(value, 'status', path, out);
      return;
    case 'escalate':
      requireOneOf(value, 'to', ESCALATION_TARGETS, path, out);
      return;
    case 'wait_for':
      validateCondition(value['condition'], at(path, 'condition'), out);
  }
};

/** Offsets are whole days; counting from the previous step they can only go forward. */
const validateTiming = (value: Record<string, unknown>, path: string, out: Problems): void => {
  const anchorKnown = requireOneOf(value, 'from', ANCHORS, path, out);
  const offset = value['offsetDays'];
  if (!isWholeNumber(offset))
    out.push(
      problem(
        at(path, 'offsetDays'),
        offset === undefined ? 'required' : 'wrong_type',
        'offsetDays must be a whole number of days',
      ),
    );
  else if (anchorKnown && value['from'] === 'previous_step' && offset < 0)
    out.push(problem(at(path, 'offsetDays'), 'out_of_order', 'a step cannot come before the previous step'));
};

/** Steps are ordered: a step counted from the due date may not fall before an earlier one. */
const dueDateOffsetsInOrder = (steps: readonly unknown[], path: string, out: Problems): void => {
  let latest: number | null = null;
  steps.forEach((step, i) => {
    if (!isRecord(step) || step['from'] !== 'due_date' || !isWholeNumber(step['offsetDays'])) return;
    const offset = step['offsetDays'];
    if (latest !== null && offset < latest)
      out.push(
        problem(
          at(at(path, i), 'offsetDays'),
          'out_of_order',
          `must not be before ${latest} (an earlier step)`,
        ),
      );
    latest = Math.max(latest ?? offset, offset);
  });
};
