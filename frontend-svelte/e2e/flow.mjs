// End-to-end: the whole flow in Debian's chromium against a running Atelier in local mode (LOCAL provider).
// BASE_URL (default http://localhost:8080), CHROMIUM (default: `which chromium`), SHOTS (screenshot folder).
import { session, shots } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const { page, step, run } = await session();
await run(async () => {
  await step('enhance "a cat" shows every provider variant', async () => {
    await page.goto(`${base}/#/create`);
    await page.getByLabel('Your idea').fill('a cat');
    await page.getByRole('button', { name: 'Enhance' }).click();
    const variants = page.getByTestId('variants');
    await variants.waitFor({ timeout: 15000 });
    for (const provider of ['OPENAI', 'GOOGLE', 'STABILITY', 'SDWEBUI', 'LOCAL']) {
      await variants.getByText(provider, { exact: false }).first().waitFor({ timeout: 5000 });
    }
    await page.getByTestId('decision').waitFor();
    await page.screenshot({ path: `${shots}/create.png`, fullPage: true });
  });

  await step('generate shows progress and then the image', async () => {
    await page.getByLabel('Size').selectOption('512x512');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByTestId('progress').first().waitFor({ timeout: 10000 });
    const image = page.getByTestId('image-card').locator('img').first();
    await image.waitFor({ timeout: 30000 });
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle(), { timeout: 10000 });
    await page.screenshot({ path: `${shots}/generated.png`, fullPage: true });
  });

  const collection = `Favourites ${Date.now()}`;
  await step('create a collection', async () => {
    await page.goto(`${base}/#/collections`);
    await page.getByLabel('New collection name').fill(collection);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('button', { name: collection }).waitFor({ timeout: 10000 });
  });

  await step('the gallery shows the image and files it into the collection', async () => {
    await page.goto(`${base}/#/gallery`);
    const card = page.getByTestId('image-card').first();
    await card.waitFor({ timeout: 10000 });
    await card.getByLabel('Add to collection').selectOption({ label: collection });
    await page.waitForTimeout(500); // the mutation is fire-and-forget in the UI; the next page reads the result
    await page.screenshot({ path: `${shots}/gallery.png`, fullPage: true });
  });

  await step('the collection shows the image', async () => {
    await page.goto(`${base}/#/collections`);
    await page.getByRole('button', { name: collection }).click();
    await page.getByTestId('image-card').first().waitFor({ timeout: 10000 });
    await page.screenshot({ path: `${shots}/collections.png`, fullPage: true });
  });

  await step('providers and usage', async () => {
    await page.goto(`${base}/#/providers`);
    await page.getByText('LOCAL', { exact: true }).first().waitFor({ timeout: 10000 });
    await page.getByTestId('usage').waitFor();
    await page.screenshot({ path: `${shots}/providers.png`, fullPage: true });
  });
}, `e2e passed; screenshots in ${shots}`);
