import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Actor, Roles } from '@cartera/platform';
import type { Actor as Caller } from '@cartera/platform';
import type { Response } from 'express';
import { RequestMessageDto } from './message.dto';
import { MessagesCommands, type MessageOutcome } from './messages.commands';

/** HTTP → message request. 201 when the request was recorded now, 200 for a repeat. */
@ApiTags('messages')
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' })
@ApiForbiddenResponse({ description: 'The role does not allow this.' })
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesCommands) {}

  @Post()
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Render, decide under the contact policy and dispatch one message.' })
  async request(
    @Body() dto: RequestMessageDto,
    @Actor() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageOutcome> {
    const outcome = await this.messages.request(dto, { kind: 'user', id: caller.id }, caller.creditors);
    res.status(outcome.changed ? 201 : 200);
    return outcome;
  }
}
