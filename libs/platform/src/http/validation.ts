import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { problem, PROBLEM_TYPES, type FieldError } from './problem-details';

/** Flattens class-validator's tree into one entry per failing field path. */
export const fieldErrors = (errors: ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });

/** Thrown by the validation pipe; the filter sends its problem as is. */
export const validationProblem = (errors: FieldError[]) =>
  problem(400, {
    type: PROBLEM_TYPES.validation,
    title: 'Invalid request',
    detail: `Invalid field(s): ${errors.map((e) => e.field).join(', ')}`,
    errors,
  });

/** Unknown fields are refused (not silently dropped) so a typo in a client is seen at once. */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(validationProblem(fieldErrors(errors))),
  });
