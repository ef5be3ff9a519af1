import {
  BadRequestException,
  NotFoundException,
  ValidationPipe,
  type ArgumentMetadata,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { toProblem } from './problem-details.filter';
import { createValidationPipe } from './validation';

class LineDto {
  @IsInt() amountMinor!: number;
}
class OrderDto {
  @IsString() reference!: string;
  @ValidateNested({ each: true }) @Type(() => LineDto) lines!: LineDto[];
}

const validate = (pipe: ValidationPipe, body: unknown) =>
  pipe.transform(body, { type: 'body', metatype: OrderDto } as ArgumentMetadata).then(
    () => undefined,
    (error: unknown) => toProblem(error),
  );

describe('toProblem', () => {
  it('maps an HttpException with a string message to its status and detail', () => {
    expect(toProblem(new NotFoundException('No account a-1'))).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No account a-1',
    });
  });

  it('does not repeat the title as detail', () => {
    expect(toProblem(new BadRequestException())).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
    });
  });

  it('maps an error named *RuleViolated with a code to 409', () => {
    const error = Object.assign(new Error('x'), {
      name: 'PromiseRuleViolated',
      code: 'promise_already_kept',
    });
    expect(toProblem(error)).toMatchObject({
      status: 409,
      code: 'promise_already_kept',
      type: '/problems/rule-violated',
    });
  });

  it('maps an error named *InputRejected with a field to a 400 naming that field', () => {
    const error = Object.assign(new Error('x'), {
      name: 'AccountInputRejected',
      field: 'paidAt',
      reason: 'is before the account’s origination (2023-01-15)',
    });
    expect(toProblem(error)).toMatchObject({
      status: 400,
      type: '/problems/validation-failed',
      errors: [{ field: 'paidAt', messages: ['paidAt is before the account’s origination (2023-01-15)'] }],
    });
  });

  it('maps a body parser’s client error (too large, malformed) to its own 4xx', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true });
    expect(toProblem(tooLarge)).toEqual({
      type: 'about:blank',
      title: 'Payload Too Large',
      status: 413,
      detail: 'request entity too large',
    });
  });

  it('does not treat a *RuleViolated without a code as a rule violation', () => {
    expect(toProblem(Object.assign(new Error('x'), { name: 'OddRuleViolated' })).status).toBe(500);
  });

  it('maps WrongExpectedVersion to 409 and anything else to a bare 500', () => {
    expect(toProblem(Object.assign(new Error('x'), { name: 'WrongExpectedVersion' })).status).toBe(409);
    expect(toProblem(new TypeError('cannot read x of undefined'))).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
    });
  });
});

describe('validation pipe', () => {
  const pipe = createValidationPipe();

  it('lists nested and array fields by path', async () => {
    const problem = await validate(pipe, { reference: 7, lines: [{ amountMinor: 1 }, { amountMinor: 'x' }] });
    expect(problem?.errors).toEqual([
      { field: 'reference', messages: ['reference must be a string'] },
      { field: 'lines.1.amountMinor', messages: ['amountMinor must be an integer number'] },
    ]);
    expect(problem?.detail).toBe('Invalid field(s): reference, lines.1.amountMinor');
  });

  it('names unknown fields, nested ones too', async () => {
    const problem = await validate(pipe, {
      reference: 'r',
      lines: [{ amountMinor: 1, note: 'n' }],
      extra: true,
    });
    expect(problem?.errors?.map((e) => e.field)).toEqual(['extra', 'lines.0.note']);
  });
});
