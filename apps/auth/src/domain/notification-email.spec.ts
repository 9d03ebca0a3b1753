import { digestEmail, immediateEmail } from './notification-email';

const link = (kind: string) =>
  `https://prep.example/api/v1/notifications/unsubscribe?token=${kind}`;

describe('notification emails', () => {
  it('one notification: its title as subject, its body, and its kind’s unsubscribe link', () => {
    const email = immediateEmail(
      {
        kind: 'streak_at_risk',
        title: 'Your 3 days streak ends tonight',
        body: 'Nothing counted today yet.',
        unsubscribeUrl: link('s'),
      },
      'https://prep.example',
    );
    expect(email.subject).toBe('Your 3 days streak ends tonight');
    expect(email.text).toContain('Nothing counted today yet.');
    expect(email.text).toContain(`Stop emails about streak reminders: ${link('s')}`);
    expect(email.listUnsubscribe).toBe(`<${link('s')}>`);
  });

  it('the digest lists every notification and one link per kind, escaped in HTML', () => {
    const email = digestEmail(
      [
        {
          kind: 'goal_reached',
          title: 'Weekly goal reached',
          body: 'a',
          unsubscribeUrl: link('g'),
        },
        { kind: 'task_failed', title: 'Task <not> verified', body: 'b', unsubscribeUrl: link('t') },
        {
          kind: 'goal_reached',
          title: 'Weekly goal reached',
          body: 'c',
          unsubscribeUrl: link('g'),
        },
      ],
      'https://prep.example',
    );
    expect(email.subject).toBe('Your PrepMate digest: 3 updates');
    expect(email.text.match(/^\* /gm)).toHaveLength(3);
    expect(email.listUnsubscribe).toBe(`<${link('g')}>, <${link('t')}>`);
    expect(email.html).toContain('Task &lt;not&gt; verified');
    expect(email.html.match(/Stop emails about/g)).toHaveLength(2);
  });
});
