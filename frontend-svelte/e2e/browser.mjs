// The browser session every UI flow runs in: Debian's chromium (CHROMIUM, default `which chromium`) driven by
// playwright-core, screenshots in SHOTS. Page errors and console errors (a Content-Security-Policy report among
// them) fail the flow; each step logs "ok", or records its failure with a screenshot and stops the flow.
import { chromium } from 'playwright-core';
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export const shots = process.env.SHOTS ?? '../target/e2e';

export async function session(viewport = { width: 1280, height: 900 }) {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? execSync('which chromium').toString().trim(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const failures = [];
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') { failures.push(`console error: ${m.text()} (${m.location().url})`); } });
  const step = async (name, fn) => {
    try { await fn(); console.log(`ok   ${name}`); } catch (e) {
      failures.push(`${name}: ${e.message}`);
      await page.screenshot({ path: `${shots}/failed-${name.replace(/\W+/g, '-')}.png`, fullPage: true });
      throw e;
    }
  };
  /** Runs the steps, closes the browser and exits non-zero when anything failed. */
  const run = async (steps, passed) => {
    try { await steps(); } catch { /* reported below */ } finally { await browser.close(); }
    if (failures.length) {
      console.error(failures.join('\n'));
      process.exit(1);
    }
    console.log(passed);
  };
  return { page, step, run };
}
