import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the local SMTP server accepted: the envelope and the parsed message. */
export interface ReceivedEmail {
  envelopeTo: string[];
  mail: ParsedMail;
}

export interface SmtpInbox {
  port: number;
  readonly received: ReceivedEmail[];
  /** Messages for this address (envelope recipient). */
  to(address: string): ReceivedEmail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps every message it
 * accepts, parsed: our nodemailer client talks the real protocol to it. Plain SMTP without
 * STARTTLS or authentication, as a relay on a private network would be.
 */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            mail,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    to: (address) => received.filter((email) => email.envelopeTo.includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
