import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { IsCurrency, IsMinorUnits } from '../money.validators';

/** Fields every negotiation message carries: which account, whose, for which creditor, in which currency. */
export class NegotiationMessageBase {
  @IsUUID() accountId!: string;
  /** Cartera's debtor id; the bus key, so one debtor's messages stay ordered. */
  @IsUUID() debtorId!: string;
  @IsString() @Length(1, 100) creditorId!: string;
  @IsCurrency() currency!: string;
}

/** Who took or changed an agreement: an agent (user id) or the debtor by self-service. */
export class NegotiatorV1 {
  @IsIn(['agent', 'self_service']) kind!: string;
  @IsString() @Length(1, 200) id!: string;
}

/** One line of a schedule. */
export class InstalmentV1 {
  @IsInt() @Min(0) number!: number;
  @IsISO8601({ strict: true, strictSeparator: true }) dueOn!: string;
  @IsMinorUnits() amountMinor!: string;
}

export const nestedOne = (cls: new () => object): PropertyDecorator => {
  const type = Type(() => cls);
  const validate = ValidateNested();
  return (target, key) => {
    type(target, key);
    validate(target, key);
  };
};

export const nestedMany = (cls: new () => object): PropertyDecorator => {
  const type = Type(() => cls);
  const validate = ValidateNested({ each: true });
  return (target, key) => {
    type(target, key);
    validate(target, key);
  };
};

export const PROMISE_CHANNELS = ['phone', 'email', 'sms', 'letter', 'in_person', 'portal'] as const;
export const IsInstant = (): PropertyDecorator => IsISO8601({ strict: true });
export const IsIsoDate = (): PropertyDecorator => IsISO8601({ strict: true, strictSeparator: true });
export const IsPromiseId = (): PropertyDecorator => IsUUID();
