import type { Provider } from '@nestjs/common';
import type { ContactChannel } from '@cartera/communications-domain';
import { PG_POOL, PLATFORM_CONFIG, createServiceBus } from '@cartera/platform';
import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { Bus } from '@cartera/messaging';
import type { Pool } from 'pg';
import type { Channel } from './channels/channel.port';
import { SmtpEmailChannel } from './channels/smtp-email.channel';
import { TwilioSmsChannel } from './channels/twilio-sms.channel';
import type { CommunicationsConfig } from './communications.config';
import { communicationsTables, type CommunicationsTables } from './communications.schema';
import { PolicyInputs } from './contact-policy/policy-inputs';
import { MessagesCommands } from './messages/messages.commands';
import { migrate } from './migrations/migrations';
import { WebhooksService } from './webhooks/webhooks.service';

export const COMMS_STORE = Symbol('COMMS_STORE');
export const COMMS_BUS = Symbol('COMMS_BUS');
export const COMMS_TABLES = Symbol('COMMS_TABLES');
export const COMMS_CHANNELS = Symbol('COMMS_CHANNELS');
export const CLOCK = Symbol('CLOCK');

const storeFactory = (config: CommunicationsConfig): Promise<PostgresEventStore> => {
  if (config.EVENTSTORE !== 'postgres')
    throw new Error(`EVENTSTORE=${config.EVENTSTORE} is not available for communications yet (use postgres)`);
  return createPostgresEventStore({
    connectionString: config.DATABASE_URL,
    schema: config.DB_SCHEMA,
    poolMax: 8,
    notifyDebounceMs: 20,
  });
};

const busFactory = (config: CommunicationsConfig, pool: Pool): Promise<Bus> =>
  createServiceBus(config, pool, { clientId: 'communications', source: 'cartera/communications' });

/** One adapter per channel the configuration enables. */
const channelsFactory = (config: CommunicationsConfig): Map<ContactChannel, Channel> => {
  const channels = new Map<ContactChannel, Channel>();
  channels.set(
    'email',
    new SmtpEmailChannel({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      from: config.SMTP_FROM,
      messageIdDomain: 'cartera.local',
      webhookSigningKey: config.EMAIL_WEBHOOK_KEY,
    }),
  );
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN)
    channels.set(
      'sms',
      new TwilioSmsChannel({
        baseUrl: config.TWILIO_BASE_URL,
        accountSid: config.TWILIO_ACCOUNT_SID,
        authToken: config.TWILIO_AUTH_TOKEN,
        from: config.TWILIO_FROM,
        ...(config.TWILIO_STATUS_CALLBACK_URL
          ? { statusCallbackUrl: config.TWILIO_STATUS_CALLBACK_URL }
          : {}),
      }),
    );
  return channels;
};

export const communicationsProviders: Provider[] = [
  { provide: CLOCK, useValue: () => new Date() },
  {
    provide: COMMS_TABLES,
    inject: [PLATFORM_CONFIG, PG_POOL],
    useFactory: async (config: CommunicationsConfig, pool: Pool): Promise<CommunicationsTables> => {
      const t = communicationsTables(config.DB_SCHEMA);
      await migrate(pool, t);
      return t;
    },
  },
  // COMMS_TABLES first: the read models exist before the store's subscribers run.
  { provide: COMMS_STORE, inject: [PLATFORM_CONFIG, COMMS_TABLES], useFactory: storeFactory },
  { provide: COMMS_BUS, inject: [PLATFORM_CONFIG, PG_POOL], useFactory: busFactory },
  { provide: COMMS_CHANNELS, inject: [PLATFORM_CONFIG], useFactory: channelsFactory },
  {
    provide: PolicyInputs,
    inject: [PG_POOL, COMMS_TABLES],
    useFactory: (pool: Pool, t: CommunicationsTables) => new PolicyInputs(pool, t),
  },
  {
    provide: MessagesCommands,
    inject: [COMMS_STORE, PolicyInputs, COMMS_CHANNELS, CLOCK],
    useFactory: (
      store: PostgresEventStore,
      inputs: PolicyInputs,
      channels: Map<ContactChannel, Channel>,
      clock: () => Date,
    ) => new MessagesCommands(store, inputs, channels, clock),
  },
  {
    provide: WebhooksService,
    inject: [COMMS_STORE, PG_POOL, COMMS_TABLES, PolicyInputs, CLOCK],
    useFactory: (
      store: PostgresEventStore,
      pool: Pool,
      t: CommunicationsTables,
      inputs: PolicyInputs,
      clock: () => Date,
    ) => new WebhooksService(store, pool, t, inputs, clock),
  },
];
