import { Body, Controller, HttpCode, Inject, NotFoundException, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ContactChannel } from '@cartera/communications-domain';
import { PLATFORM_CONFIG, Public } from '@cartera/platform';
import type { Request } from 'express';
import type { Channel } from '../channels/channel.port';
import type { CommunicationsConfig } from '../communications.config';
import { COMMS_CHANNELS } from '../communications.infrastructure';
import { WebhooksService } from './webhooks.service';

/** Provider callbacks: no bearer token, the provider's signature authenticates them instead. */
@ApiExcludeController()
@Public()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    @Inject(COMMS_CHANNELS) private readonly channels: Map<ContactChannel, Channel>,
    @Inject(PLATFORM_CONFIG) private readonly config: CommunicationsConfig,
  ) {}

  private async receive(
    channelName: ContactChannel,
    req: Request,
    body: unknown,
    form: boolean,
  ): Promise<void> {
    const channel = this.channels.get(channelName);
    if (!channel) throw new NotFoundException(`no ${channelName} provider`);
    const raw = form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body);
    const url = `${this.config.WEBHOOK_BASE_URL}${req.originalUrl}`;
    await this.webhooks.receive(channel, { url, headers: req.headers as Record<string, string>, body: raw });
  }

  @Post('twilio/status')
  @HttpCode(204)
  twilioStatus(@Req() req: Request, @Body() body: unknown): Promise<void> {
    return this.receive('sms', req, body, true);
  }

  @Post('twilio/inbound')
  @HttpCode(204)
  twilioInbound(@Req() req: Request, @Body() body: unknown): Promise<void> {
    return this.receive('sms', req, body, true);
  }

  @Post('email')
  @HttpCode(204)
  email(@Req() req: Request, @Body() body: unknown): Promise<void> {
    return this.receive('email', req, body, false);
  }
}
