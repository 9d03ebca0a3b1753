import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { AuthConfig } from '../auth.config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/**
 * Sends notification emails through the configured SMTP server (nodemailer). Without
 * SMTP_HOST it is disabled: nothing is queued for email and the log says so at start.
 */
@Injectable()
export class Mailer implements OnModuleInit, OnModuleDestroy {
  private readonly log: Logger;
  private transport?: Transporter;

  constructor(
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'mailer' });
    // In the constructor, so `enabled` is known to every provider's onModuleInit.
    this.transport = this.createTransport();
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  onModuleInit(): void {
    const { SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER } = this.config;
    if (!this.transport)
      this.log.warn('SMTP_HOST is not set: notification emails are disabled (in-app only)');
    else
      this.log.info(
        { host: SMTP_HOST, port: SMTP_PORT, secure: SMTP_SECURE, authenticated: !!SMTP_USER },
        'notification emails go through SMTP',
      );
  }

  private createTransport(): Transporter | undefined {
    const { SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD } = this.config;
    if (!SMTP_HOST) return undefined;
    return createTransport({
      host: SMTP_HOST,
      port: SMTP_PORT,
      secure: SMTP_SECURE,
      auth: SMTP_USER ? { user: SMTP_USER, pass: SMTP_PASSWORD } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /** Resolves once the server accepted the message; throws when it refused or was unreachable. */
  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transport) throw new Error('email is disabled (no SMTP_HOST)');
    const info = (await this.transport.sendMail({ from: this.config.SMTP_FROM, ...email })) as {
      messageId?: string;
    };
    this.log.info({ messageId: info.messageId, subject: email.subject }, 'email sent');
  }
}
