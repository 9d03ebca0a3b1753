import { runCommand } from '@prepmate/testing';
import { existsSync, readFileSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's chromium, installed with apt when missing (as the test setup provisions the rest
 * of the infrastructure), driven by playwright-core (which downloads no browser itself).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    process.stdout.write(
      `[web-test] ${CHROMIUM} missing: apt-get install -y chromium (a few minutes)…\n`,
    );
    // A fresh machine has no package lists yet: read them first.
    await runCommand('apt-get', ['update'], { timeoutMs: 300_000 });
    const installed = await runCommand(
      'apt-get',
      ['install', '-y', '--no-install-recommends', 'chromium'],
      {
        timeoutMs: 600_000,
      },
    );
    if (installed.code !== 0 || !existsSync(CHROMIUM))
      throw new Error(`could not install chromium: ${installed.stderr || installed.stdout}`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // the container runs as root, where Chromium's sandbox cannot start
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** Every console error and uncaught exception of a page, to assert there were none. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`${message.text()} (${message.location().url || 'page'})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // a string: this file is compiled without the DOM library
  const violations = await page.evaluate<AxeViolation[]>('axe.run().then((r) => r.violations)');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
