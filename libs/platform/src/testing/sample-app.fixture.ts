import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsNumberString, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Actor } from '../auth/actor';
import { Roles } from '../auth/auth.decorators';
import { assertCreditorAccess } from '../auth/creditor-access';
import { BaseConfig } from '../config/base.config';
import { PlatformModule } from '../platform.module';

// A tiny service for the platform's HTTP tests: guarded routes, a DTO, domain-style errors.

export class SampleConfig extends BaseConfig {
  override PORT = 3999;
  override DB_SCHEMA = 'sample';
}

class AddressDto {
  @IsString() @IsNotEmpty() city!: string;
}

export class RecordPaymentDto {
  @IsString() @IsNotEmpty() reference!: string;
  @IsNumberString() amountMinor!: string;
  @IsOptional() @ValidateNested() @Type(() => AddressDto) address?: AddressDto;
}

class SampleRuleViolated extends Error {
  override readonly name = 'SampleRuleViolated';
  constructor(
    readonly code: string,
    readonly detail?: string,
  ) {
    super(code);
  }
}

class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';
}

@Controller('sample')
class SampleController {
  @Get('me')
  @Roles('agent')
  me(@Actor() actor: Actor): Actor {
    return actor;
  }

  @Post('payments')
  @Roles('agent', 'supervisor')
  record(@Body() dto: RecordPaymentDto): { received: RecordPaymentDto; isDto: boolean } {
    return { received: dto, isDto: dto instanceof RecordPaymentDto };
  }

  @Get('creditors/:id')
  creditor(@Param('id') id: string, @Actor() actor: Actor): { creditorId: string } {
    assertCreditorAccess(actor, id);
    return { creditorId: id };
  }

  @Get('rule')
  rule(): never {
    throw new SampleRuleViolated('account_closed', 'closed as paid');
  }

  @Get('conflict')
  conflict(): never {
    throw new WrongExpectedVersion('expected 3, actual 4');
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection string postgres://secret@db leaked');
  }
}

@Module({
  imports: [PlatformModule.forService({ name: 'sample', configSchema: SampleConfig })],
  controllers: [SampleController],
})
export class SampleAppModule {}
