// Browser test: the words a user edits reach the provider they were written for, through a failover.
// Runs against a service whose OpenAI answers 500 and whose Stability serves (fake-vendors.mjs at VENDORS_URL):
// enhance, edit the Stability variant, generate with budget HIGH (OpenAI first, Stability as its fallback), then
// the job view must show, per attempt, the text each provider was sent, and the fakes must have received exactly that.
import { session, shots } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const vendors = process.env.VENDORS_URL ?? 'http://127.0.0.1:18107';
const expect = (what, actual, expected) => {
  if (actual !== expected) { throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`); }
};
const { page, step, run } = await session({ width: 1280, height: 1000 });
await run(async () => {
  const edited = '(a lonely lighthouse:1.3), storm waves, dramatic sky, oil on canvas';
  let openaiVariant = '';

  await step('enhance and edit the Stability variant', async () => {
    await page.goto(`${base}/#/create`);
    await page.getByLabel('Your idea').fill(`a lighthouse in a storm ${Date.now()}`);
    await page.getByRole('button', { name: 'Enhance' }).click();
    await page.getByLabel('Prompt for STABILITY').waitFor({ timeout: 15000 });
    openaiVariant = await page.getByLabel('Prompt for OPENAI').inputValue();
    if (!openaiVariant || openaiVariant === edited) { throw new Error(`unexpected OpenAI variant ${openaiVariant}`); }
    await page.getByLabel('Prompt for STABILITY').fill(edited);
    await page.getByLabel('Budget').selectOption('HIGH');
  });

  await step('generate: OpenAI fails, Stability serves the edited text', async () => {
    await page.getByRole('button', { name: 'Generate' }).click();
    const stability = page.locator('[data-testid="attempt"][data-provider="STABILITY"]');
    await stability.waitFor({ timeout: 60000 });
    expect('Stability attempt text', (await stability.getByTestId('attempt-prompt').textContent()).trim(), edited);
    const openai = page.locator('[data-testid="attempt"][data-provider="OPENAI"]');
    expect('OpenAI attempts shown', await openai.count(), 1);
    expect('OpenAI attempt text', (await openai.getByTestId('attempt-prompt').textContent()).trim(), openaiVariant);
    if (!(await openai.textContent()).includes('failed')) { throw new Error('the OpenAI attempt is not shown as failed'); }
    const image = page.getByTestId('image-card').locator('img').first();
    await image.waitFor({ timeout: 10000 });
    await page.screenshot({ path: `${shots}/failover.png`, fullPage: true });
  });

  await step('each vendor received exactly its own text', async () => {
    const received = await (await fetch(`${vendors}/_requests`)).json();
    const openai = received.filter((r) => r.vendor === 'OPENAI');
    const stability = received.filter((r) => r.vendor === 'STABILITY');
    if (!openai.length) { throw new Error('OpenAI was never called'); }
    for (const r of openai) { expect('OpenAI received', r.prompt, openaiVariant); }
    expect('Stability calls', stability.length, 1);
    expect('Stability received', stability[0].prompt, edited);
  });
}, 'failover e2e passed');
