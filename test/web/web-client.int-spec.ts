import { eventually, REPO_ROOT } from '@prepmate/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectConsoleErrors, launchChromium, seriousViolations } from './chromium';
import { WholeSystem } from './whole-system';

const SHOTS = join(REPO_ROOT, '.local/screenshots');
const EXPORT = join(REPO_ROOT, 'test/fixtures/codeforces/user-status-rishgod.json');

interface TopicStat {
  topic: string;
  topicName: string;
  estimatedMastery: number;
  totalAttempts: number;
}

/**
 * The web client in a real browser against `npm start`'s whole system: sign up, upload the
 * Codeforces export, the topics chart shows the API's mastery numbers, a custom roadmap
 * (first refused at its field, then created) shows its PCI, sign out. Every main screen is
 * screenshotted, checked by axe-core, and none logs a console error.
 */
describe('web client', () => {
  const system = new WholeSystem();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  const email = `web-${Date.now()}@example.com`;
  const password = 'correct horse battery';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await system.start();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    consoleErrors = collectConsoleErrors(page);
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await system.stop();
  });

  async function screen(name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }

  async function go(label: string, heading: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  it('takes a learner from sign-up to a roadmap PCI and signs out', async () => {
    // The gateway serves the client at / (SPA fallback included) with its cache headers.
    const index = await fetch(`${system.url}/topics`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = /\/assets\/[^"]+\.js/.exec(await index.text())![0];
    const script = await fetch(`${system.url}${asset}`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // the first load's budget: 250 kB gzipped (the script is nearly all of it)
    const gzipped = gzipSync(Buffer.from(await script.arrayBuffer())).length;
    process.stdout.write(`[web-test] first-load script: ${gzipped} bytes gzipped\n`);
    expect(gzipped).toBeLessThanOrEqual(250_000);
    expect((await fetch(`${system.url}/api/v1/nope`)).status).toBe(404);

    // sign up
    await page.goto(system.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screen('sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Web Learner');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Hello, Web Learner' }).waitFor();
    await page.getByText('No attempts yet').waitFor();
    await screen('dashboard-empty');

    // upload the Codeforces export and see the per-record result
    await go('Accounts & import', 'Accounts & import');
    await page.getByLabel('Format').selectOption('codeforces');
    await page.getByLabel('Export file (.json)').setInputFiles(EXPORT);
    await page.getByRole('button', { name: 'Upload' }).click();
    const report = page.getByRole('status').filter({ hasText: 'records' });
    await report.waitFor();
    expect(await report.textContent()).toMatch(/89 records/);
    await screen('accounts-import');

    // the topics chart shows the mastery numbers the API returns, once the pipeline settled
    const { accessToken } = await system.api<{ accessToken: string }>(
      'POST',
      '/auth/login',
      undefined,
      { email, password },
    );
    const readStats = async () =>
      (
        await system.api<{ items: TopicStat[] }>(
          'GET',
          '/telemetry/topic-stats?limit=100',
          accessToken,
        )
      ).items;
    let previous = -1;
    const stats = await eventually(
      async () => {
        const items = await readStats();
        const total = items.reduce((sum, t) => sum + t.totalAttempts, 0);
        const settled = total > 0 && total === previous;
        previous = total;
        return settled ? items : null;
      },
      (items) => items !== null,
      { what: 'topic stats to settle', timeoutMs: 60_000, intervalMs: 1500 },
    );
    // a reload restores the session silently from the stored refresh token
    await page.goto(`${system.url}/topics`);
    await page.getByRole('heading', { level: 1, name: 'Topics' }).waitFor();
    await page.locator('[data-bar]').first().waitFor();
    const bars = await page
      .locator('[data-bar]')
      .evaluateAll((nodes) =>
        nodes.map((n) => [n.getAttribute('data-bar'), Number(n.getAttribute('data-value'))]),
      );
    expect(Object.fromEntries(bars)).toEqual(
      Object.fromEntries(stats!.map((t) => [t.topic, t.estimatedMastery])),
    );
    await screen('topics');
    await page.getByRole('button', { name: 'Attempts' }).click();
    await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toMatch(
      /Attempts/,
    );
    await page.getByRole('link', { name: stats![0].topicName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: stats![0].topicName }).waitFor();
    await page.getByRole('heading', { name: 'Revision cards due' }).waitFor();
    await screen('topic-detail');
    await go('Performance', 'Performance');
    await page.getByRole('button', { name: 'All time' }).click();
    await page.locator('figure.chart').waitFor();
    await screen('performance');

    // a custom roadmap: the server's error at its field, then created with its PCI
    await go('Roadmaps', 'Roadmaps');
    const topic = stats![0].topic;
    await page.getByLabel('Name', { exact: true }).fill('My interview plan');
    await page.getByLabel('Topic 1', { exact: true }).selectOption(topic);
    await page.getByLabel('Weight').fill('2');
    await page.getByRole('button', { name: 'Create roadmap' }).click();
    const weightError = page.locator('.field-error').filter({ hasText: 'weight' });
    await weightError.waitFor();
    expect(await page.getByLabel('Weight').getAttribute('aria-invalid')).toBe('true');
    await screen('roadmap-form-error');
    await page.getByLabel('Weight').fill('1');
    await page.getByRole('button', { name: 'Create roadmap' }).click();
    await page.getByRole('heading', { level: 1, name: 'My interview plan' }).waitFor();
    const roadmapId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const pci = await system.api<{ pciScore: number }>(
      'GET',
      `/roadmaps/${encodeURIComponent(roadmapId)}/pci`,
      accessToken,
    );
    await expect(page.getByTestId('pci').locator('strong').textContent()).resolves.toBe(
      pci.pciScore.toFixed(2),
    );
    await screen('roadmap');

    await go('Problems', 'Problems');
    await page.locator('ul.problems li').first().waitFor();
    await screen('problems');

    // 375 px wide: nothing overflows sideways, the nav is still reachable by keyboard
    await page.setViewportSize({ width: 375, height: 800 });
    await go('Dashboard', 'Hello, Web Learner');
    await page.getByRole('heading', { name: 'Roadmaps you follow' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>("document.activeElement?.closest('nav') !== null")).toBe(
      true,
    );
    await screen('dashboard-375');

    // sign out: back to the sign-in screen, and the stored refresh token is gone
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(
      await page.evaluate<string | null>("localStorage.getItem('prepmate.refreshToken')"),
    ).toBeNull();

    // the one deliberate 400 (the roadmap's weight) is the only console error
    expect(consoleErrors.filter((e) => !/status of 400.*\/roadmaps\/custom/.test(e))).toEqual([]);
  }, 300_000);
});
