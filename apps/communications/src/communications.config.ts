import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsUrl, Max, Min } from 'class-validator';
import { BaseConfig, Setting } from '@cartera/platform';

/** Configuration of the communications service (messages to debtors under the contact policy): the platform keys with its own defaults. */
export class CommunicationsConfig extends BaseConfig {
  override PORT = 3003;
  override DB_SCHEMA = 'communications';

  @Setting({ doc: 'SMTP server that sends email (a local relay in the embedded default).' })
  @IsNotEmpty()
  SMTP_HOST = '127.0.0.1';

  @Setting({ doc: 'Port of the SMTP server.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65_535)
  SMTP_PORT = 1025;

  @Setting({ doc: 'Sender of every email (From header).' })
  @IsNotEmpty()
  SMTP_FROM = 'Cartera <notices@cartera.local>';

  @Setting({
    doc: 'Key that signs the email provider’s delivery-event webhooks (Mailgun-style).',
    secret: true,
  })
  @IsNotEmpty()
  EMAIL_WEBHOOK_KEY = 'dev-only-email-webhook-key';

  @Setting({ doc: 'Base URL of the Twilio-style SMS API (https://api.twilio.com in production).' })
  @IsUrl({ require_tld: false })
  TWILIO_BASE_URL = 'https://api.twilio.com';

  @Setting({ doc: 'Twilio account SID; SMS is disabled when unset.' })
  @IsOptional()
  TWILIO_ACCOUNT_SID?: string;

  @Setting({ doc: 'Twilio auth token (API basic auth and webhook signatures).', secret: true })
  @IsOptional()
  TWILIO_AUTH_TOKEN?: string;

  @Setting({ doc: 'Sender number of SMS (E.164).' })
  @IsNotEmpty()
  TWILIO_FROM = '+15005550006';

  @Setting({
    doc: 'Public base URL of this service as providers call it (webhook signatures cover the full URL).',
  })
  @IsUrl({ require_tld: false })
  WEBHOOK_BASE_URL = 'http://localhost:3003';

  @Setting({ doc: 'Public URL Twilio posts delivery statuses to; unset: no status callback.' })
  @IsOptional()
  @IsUrl({ require_tld: false })
  TWILIO_STATUS_CALLBACK_URL?: string;
}
