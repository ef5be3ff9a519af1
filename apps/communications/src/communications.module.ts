import { Module } from '@nestjs/common';
import { PlatformModule } from '@cartera/platform';
import { CommunicationsBackground } from './communications.background';
import { CommunicationsConfig } from './communications.config';
import { communicationsProviders } from './communications.infrastructure';
import { ContactPolicyController } from './contact-policy/contact-policy.controller';
import { MessagesController } from './messages/messages.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

/** Wiring only: the platform, the message store, the holds consumer, the contact history and HTTP. */
@Module({
  imports: [PlatformModule.forService({ name: 'communications', configSchema: CommunicationsConfig })],
  controllers: [ContactPolicyController, MessagesController, WebhooksController],
  providers: [...communicationsProviders, CommunicationsBackground],
})
export class CommunicationsModule {}
