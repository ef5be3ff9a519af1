import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ContactChannel } from '@cartera/communications-domain';
import type { Subscription } from '@cartera/eventstore';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { Bus, Consumer } from '@cartera/messaging';
import { ReadinessRegistry } from '@cartera/platform';
import type { Channel } from './channels/channel.port';
import { SmtpEmailChannel } from './channels/smtp-email.channel';
import { COMMS_BUS, COMMS_CHANNELS, COMMS_STORE, COMMS_TABLES } from './communications.infrastructure';
import type { CommunicationsTables } from './communications.schema';
import { startHoldsConsumer } from './holds/holds.consumer';
import { startContactHistory } from './messages/contact-history.table';

/** What runs beside HTTP: the contact-history projection and the consumer of case-management holds. */
@Injectable()
export class CommunicationsBackground implements OnApplicationBootstrap, OnModuleDestroy {
  private projection: Subscription | undefined;
  private holds: Consumer | undefined;

  constructor(
    @Inject(COMMS_STORE) private readonly store: PostgresEventStore,
    @Inject(COMMS_BUS) private readonly bus: Bus,
    @Inject(COMMS_TABLES) private readonly t: CommunicationsTables,
    @Inject(COMMS_CHANNELS) private readonly channels: Map<ContactChannel, Channel>,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.projection = startContactHistory(this.store, this.t);
    this.holds = startHoldsConsumer(this.bus, this.t);
    await this.holds.started;
    this.readiness.add('communications', async () => ({
      projection: this.projection?.position() ?? null,
      holds: (await this.holds?.health())?.status ?? 'stopped',
    }));
  }

  /** Resolves when the contact history has every event committed so far. */
  async historyCaughtUp(timeoutMs = 15_000): Promise<void> {
    await this.projection?.caughtUp(timeoutMs);
  }

  /** Resolves once every case-management message published so far is applied to the holds table. */
  async holdsCaughtUp(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = ((await this.holds?.health())?.lag ?? []).reduce((n, p) => n + p.lag, 0);
      if (lag === 0) return;
      if (Date.now() > deadline) throw new Error(`holds still ${lag} messages behind`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.readiness.remove('communications');
    await Promise.allSettled([this.projection?.stop(), this.holds?.stop()]);
    for (const channel of this.channels.values()) if (channel instanceof SmtpEmailChannel) channel.close();
    await this.bus.close().catch(() => undefined);
    await this.store.close().catch(() => undefined);
  }
}
