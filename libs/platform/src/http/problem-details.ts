import { STATUS_CODES } from 'node:http';

/** One failing input field: `field` is a path (`address.city`, `items.0.amount`). */
export type FieldError = { field: string; messages: string[] };

/** RFC 9457 problem details, with Cartera's extension members. */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Business rule that was broken (`account_closed`), for 409s from the domain. */
  code?: string;
  /** Failing fields, for validation 400s. */
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types: relative URIs naming what went wrong; `about:blank` when the status says it all. */
export const PROBLEM_TYPES = {
  validation: '/problems/validation-failed',
  ruleViolated: '/problems/rule-violated',
  concurrency: '/problems/concurrency-conflict',
  notReady: '/problems/not-ready',
  generic: 'about:blank',
} as const;

export const problem = (status: number, fields: Partial<ProblemDetails> = {}): ProblemDetails => ({
  type: PROBLEM_TYPES.generic,
  title: STATUS_CODES[status] ?? 'Error',
  status,
  ...fields,
});
