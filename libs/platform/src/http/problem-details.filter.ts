import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { problem, PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type ProblemDetails } from './problem-details';
import { validationProblem } from './validation';

type CodedError = Error & { code: string; detail?: unknown };

/** A domain decider's refusal: `class AccountRuleViolated extends Error { code = 'account_closed' }`. */
const isRuleViolation = (error: unknown): error is CodedError =>
  error instanceof Error &&
  error.name.endsWith('RuleViolated') &&
  typeof (error as Partial<CodedError>).code === 'string';

type FieldRejection = Error & { field: string; reason: string };

/** A domain's refusal of one field's value: `class AccountInputRejected extends Error { field; reason }`. */
const isInputRejection = (error: unknown): error is FieldRejection =>
  error instanceof Error &&
  error.name.endsWith('InputRejected') &&
  typeof (error as Partial<FieldRejection>).field === 'string' &&
  typeof (error as Partial<FieldRejection>).reason === 'string';

type ClientError = Error & { status: number; expose: true };

/** What Express's body parsers throw (http-errors): malformed JSON 400, too large 413, bad charset 415. */
const isBodyParserError = (error: unknown): error is ClientError =>
  error instanceof Error &&
  (error as Partial<ClientError>).expose === true &&
  typeof (error as Partial<ClientError>).status === 'number' &&
  (error as ClientError).status >= 400 &&
  (error as ClientError).status < 500;

/** Optimistic concurrency lost (postgres or KurrentDB store): the client may retry. */
const isConcurrencyConflict = (error: unknown): error is Error =>
  error instanceof Error && /WrongExpectedVersion/.test(error.name);

/** Maps anything thrown in an HTTP handler to RFC 9457 problem+json; unknown errors → 500 with no internals. */
export const toProblem = (error: unknown): ProblemDetails => {
  if (error instanceof HttpException) return fromHttpException(error);
  if (isBodyParserError(error)) return problem(error.status, { detail: error.message });
  if (isInputRejection(error))
    return validationProblem([{ field: error.field, messages: [`${error.field} ${error.reason}`] }]);
  if (isRuleViolation(error)) {
    const detail = typeof error.detail === 'string' ? error.detail : undefined;
    return problem(409, {
      type: PROBLEM_TYPES.ruleViolated,
      title: 'Business rule violated',
      code: error.code,
      ...(detail ? { detail } : {}),
    });
  }
  if (isConcurrencyConflict(error)) {
    return problem(409, {
      type: PROBLEM_TYPES.concurrency,
      title: 'Concurrent modification',
      code: 'wrong_expected_version',
      detail: 'The resource was changed by another request; reload and retry.',
    });
  }
  return problem(500, { detail: 'An unexpected error occurred.' });
};

const fromHttpException = (error: HttpException): ProblemDetails => {
  const status = error.getStatus();
  const body = error.getResponse();
  if (typeof body === 'object' && body !== null && 'type' in body && 'title' in body)
    return body as ProblemDetails;
  if (typeof body === 'string') return problem(status, { detail: body });
  // Nest's own shape: { statusCode, message: string | string[], error }.
  const { message } = body as { message?: string | string[] };
  const detail = Array.isArray(message) ? message.join('; ') : message;
  return problem(status, detail && detail !== problem(status).title ? { detail } : {});
};

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<Request & { id?: unknown }>();
    const response = host.switchToHttp().getResponse<Response>();
    const body: ProblemDetails = { ...toProblem(error), instance: request.path };
    if (request.id !== undefined) body.requestId = String(request.id);
    if (body.status >= 500) this.logger.error({ err: error, requestId: body.requestId }, 'unhandled error');
    if (body.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    if (response.headersSent) return;
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
