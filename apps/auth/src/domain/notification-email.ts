import type { NotificationKind } from '@prepmate/contracts';

/** One notification as an email shows it, with the link that turns its kind's email off. */
export interface EmailEntry {
  kind: NotificationKind;
  title: string;
  body: string;
  unsubscribeUrl: string;
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
  /** The `List-Unsubscribe` header: one URL per kind the email carries (RFC 2369). */
  listUnsubscribe: string;
}

const KIND_LABELS: Record<NotificationKind, string> = {
  revisions_due: 'revision reminders',
  goal_reached: 'goals reached',
  goal_at_risk: 'goals at risk',
  streak_at_risk: 'streak reminders',
  task_completed: 'verified tasks',
  task_failed: 'failed tasks',
  chat_unlocked: 'unlocked chats',
  sync_failing: 'failing syncs',
};

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function unsubscribeLine(entry: EmailEntry): string {
  return `Stop emails about ${KIND_LABELS[entry.kind]}: ${entry.unsubscribeUrl}`;
}

function distinctKinds(entries: readonly EmailEntry[]): EmailEntry[] {
  const seen = new Set<NotificationKind>();
  return entries.filter((entry) => !seen.has(entry.kind) && seen.add(entry.kind));
}

/** The email of one notification sent at once: its title is the subject. */
export function immediateEmail(entry: EmailEntry, appUrl: string): ComposedEmail {
  return {
    subject: entry.title,
    text: `${entry.title}\n\n${entry.body}\n\nOpen PrepMate: ${appUrl}\n\n-- \n${unsubscribeLine(entry)}\n`,
    html:
      `<h2>${escapeHtml(entry.title)}</h2><p>${escapeHtml(entry.body)}</p>` +
      `<p><a href="${escapeHtml(appUrl)}">Open PrepMate</a></p><hr>` +
      `<p><small><a href="${escapeHtml(entry.unsubscribeUrl)}">Stop emails about ${KIND_LABELS[entry.kind]}</a></small></p>`,
    listUnsubscribe: `<${entry.unsubscribeUrl}>`,
  };
}

/** The morning digest: every notification waiting for it, oldest first, one link per kind. */
export function digestEmail(entries: readonly EmailEntry[], appUrl: string): ComposedEmail {
  const kinds = distinctKinds(entries);
  const count = entries.length;
  const subject = `Your PrepMate digest: ${count} ${count === 1 ? 'update' : 'updates'}`;
  const text =
    `${subject}\n\n` +
    entries.map((entry) => `* ${entry.title}\n  ${entry.body}`).join('\n\n') +
    `\n\nOpen PrepMate: ${appUrl}\n\n-- \n` +
    kinds.map(unsubscribeLine).join('\n') +
    '\n';
  const html =
    `<h2>${escapeHtml(subject)}</h2><ul>` +
    entries
      .map(
        (entry) =>
          `<li><strong>${escapeHtml(entry.title)}</strong><br>${escapeHtml(entry.body)}</li>`,
      )
      .join('') +
    `</ul><p><a href="${escapeHtml(appUrl)}">Open PrepMate</a></p><hr><p><small>` +
    kinds
      .map(
        (entry) =>
          `<a href="${escapeHtml(entry.unsubscribeUrl)}">Stop emails about ${KIND_LABELS[entry.kind]}</a>`,
      )
      .join(' · ') +
    '</small></p>';
  return {
    subject,
    text,
    html,
    listUnsubscribe: kinds.map((entry) => `<${entry.unsubscribeUrl}>`).join(', '),
  };
}
