// Browser test: edit an image on the offline defaults. Upload a PNG on the Edit page, paint a mask over its left
// half with the brush, check the providers (LOCAL is chosen and priced), edit, and see the result beside its source:
// repainted where the mask was painted, untouched elsewhere, and recorded as an EDITED image of that source.
import { session, shots } from './browser.mjs';
import { png } from './png.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const { page, step, run } = await session({ width: 1280, height: 1000 });
const expect = (what, ok, detail) => { if (!ok) { throw new Error(`${what}: ${detail}`); } };

await run(async () => {
  mkdirSync(shots, { recursive: true });
  const file = `${shots}/edit-source.png`;
  writeFileSync(file, png(256, 160, () => [0x30, 0x60, 0x90, 255]));
  let sourceId = '';

  await step('upload an image on the Edit page', async () => {
    await page.goto(`${base}/#/edit`);
    await page.getByLabel('Upload an image to edit').setInputFiles(file);
    await page.waitForURL(/#\/edit\/[0-9a-f-]{36}$/, { timeout: 15000 });
    sourceId = page.url().split('/').pop();
    await page.getByTestId('edit-source').locator('img').waitFor({ timeout: 10000 });
  });

  await step('paint a mask over the left half', async () => {
    const canvas = page.getByTestId('mask-canvas');
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + 4, box.y + 6);
    await page.mouse.down();
    for (let y = 6; y < box.height - 4; y += 12) {
      await page.mouse.move(box.x + 4, box.y + y);
      await page.mouse.move(box.x + box.width * 0.4, box.y + y, { steps: 4 });
    }
    await page.mouse.up();
    await page.getByText('masked edit').waitFor({ timeout: 5000 });
  });

  await step('check the providers: LOCAL makes it, priced', async () => {
    await page.getByLabel('What to change').fill('make it red');
    await page.getByRole('button', { name: 'Check providers' }).click();
    const local = page.getByTestId('edit-providers').locator('tr[data-provider="LOCAL"]');
    await local.waitFor({ timeout: 10000 });
    const text = await local.textContent();
    expect('LOCAL chosen with a price', /chosen/.test(text) && /\$0\.000/.test(text), text);
  });

  await step('edit and see the result beside its source', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const result = page.getByTestId('edit-result').locator('img');
    await result.waitFor({ timeout: 30000 });
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid="edit-result"] img');
      return img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 10000 });
    const [left, right, size] = await page.evaluate(() => {
      const img = document.querySelector('[data-testid="edit-result"] img');
      const canvas = Object.assign(document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight });
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const at = (x, y) => Array.from(ctx.getImageData(x, y, 1, 1).data);
      return [at(20, 80), at(img.naturalWidth - 10, 80), [img.naturalWidth, img.naturalHeight]];
    });
    expect('the source size', size[0] === 256 && size[1] === 160, JSON.stringify(size));
    expect('repainted where the mask was painted', left[0] > 0x60 && left[0] > left[2], JSON.stringify(left));
    expect('untouched elsewhere', right[0] === 0x30 && right[1] === 0x60 && right[2] === 0x90, JSON.stringify(right));
    await page.screenshot({ path: `${shots}/edit.png`, fullPage: true });
  });

  await step('the result is an EDITED image of its source, listed under it', async () => {
    const answer = await page.evaluate(async (id) => (await (await fetch('/graphql', { method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: ID!) { image(id: $id) { kind edits { kind sourceImageId provider } } }', variables: { id } }) })).json()), sourceId);
    const image = answer.data.image;
    expect('the source is an upload', image.kind === 'UPLOADED', JSON.stringify(image));
    expect('its edit', image.edits.length === 1 && image.edits[0].kind === 'EDITED' && image.edits[0].sourceImageId === sourceId
      && image.edits[0].provider === 'LOCAL', JSON.stringify(image.edits));
  });
}, 'edit flow: upload, mask, edit on LOCAL, result beside its source');
