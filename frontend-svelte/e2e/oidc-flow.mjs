// Sign-in with OIDC (authorization code + PKCE) against e2e/fake-idp.mjs, then the signed-in flow: enhance,
// generate with live progress over the authenticated WebSocket, and the image fetched with the token.
import { chromium } from 'playwright-core';
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL;
const shots = process.env.SHOTS ?? '../target/e2e';
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? execSync('which chromium').toString().trim(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') { consoleErrors.push(m.text()); } });
  const answer = await page.goto(`${base}/#/create`);
  if (!(answer.headers()['content-security-policy'] ?? '').includes("frame-ancestors 'none'")) {
    throw new Error('the UI is served without its Content-Security-Policy');
  }
  if (answer.headers()['cache-control'] !== 'no-cache') {
    throw new Error(`the page is cached past a deployment: Cache-Control ${answer.headers()['cache-control']}`);
  }
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Your idea').waitFor({ timeout: 15000 });
  await page.getByText('E2E User').waitFor();
  console.log('ok   signed in through the identity provider (code + PKCE)');
  await page.getByLabel('Your idea').fill('a cat');
  await page.getByRole('button', { name: 'Enhance' }).click();
  await page.getByTestId('variants').waitFor({ timeout: 15000 });
  await page.getByLabel('Size').selectOption('512x512');
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByTestId('progress').first().waitFor({ timeout: 10000 });
  const image = page.getByTestId('image-card').locator('img').first();
  await image.waitFor({ timeout: 30000 });
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:'),
    await image.elementHandle(), { timeout: 10000 });
  console.log('ok   signed-in generation: progress over the socket, image fetched with the token');
  if (consoleErrors.length) {
    throw new Error(`console errors (the Content-Security-Policy must let the UI run): ${consoleErrors.join(' | ')}`);
  }
  await page.screenshot({ path: `${shots}/oidc-signed-in.png`, fullPage: true });
} catch (e) {
  failed = true;
  console.error(`OIDC flow failed: ${e.message}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
