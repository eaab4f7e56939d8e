// Sign-in with OIDC (authorization code + PKCE) against e2e/fake-idp.mjs, then the signed-in flow: enhance,
// generate with live progress over the authenticated WebSocket, and the image fetched with the token.
import { session, shots } from './browser.mjs';

const base = process.env.BASE_URL;
const { page, step, run } = await session();
await run(async () => {
  await step('signed in through the identity provider (code + PKCE)', async () => {
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
  });
  await step('signed-in generation: progress over the socket, image fetched with the token', async () => {
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
    await page.screenshot({ path: `${shots}/oidc-signed-in.png`, fullPage: true });
  });
}, 'OIDC flow passed');
