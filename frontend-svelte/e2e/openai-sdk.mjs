// The OpenAI-compatible endpoint driven by the official openai npm SDK (6.30.1: the newest line that runs on
// Node 20; 7.x needs Node 22), the way coding agents and chat front ends call it: base64 and URL answers, the
// x-atelier-* headers, and errors the SDK turns into its own typed exceptions. BASE_URL (default
// http://localhost:8080), local mode, the offline LOCAL provider.
import OpenAI, { toFile } from 'openai';
import { maskPng } from './png.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
// local mode needs no key; the SDK insists on one and sends it as a bearer token, which local mode ignores
const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'not-needed-in-local-mode', maxRetries: 0 });

let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.error(`FAIL ${name}: ${e?.stack ?? e}`);
  }
}
function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}
/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG signature');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}
async function refused(promise, status, type) {
  try {
    await promise;
  } catch (e) {
    assert(e instanceof OpenAI.APIError, `an APIError, got ${e}`);
    assert(e.status === status, `status ${status}, got ${e.status}: ${e.message}`);
    assert(e.error?.type === type, `error.type ${type}, got ${JSON.stringify(e.error)}`);
    assert(typeof e.error?.message === 'string' && !/Exception|at dev\./.test(e.error.message), `a message in words: ${e.error?.message}`);
    return e;
  }
  throw new Error(`expected a ${status} refusal`);
}

await check('images.generate answers b64_json with a PNG of the requested size', async () => {
  const { data, response } = await client.images
    .generate({ model: 'local', prompt: 'a red fox in fresh snow', size: '256x256', n: 2, response_format: 'b64_json' })
    .withResponse();
  assert(data.data.length === 2, `two images, got ${data.data.length}`);
  for (const image of data.data) {
    const [w, h] = pngSize(Buffer.from(image.b64_json, 'base64'));
    assert(w === 256 && h === 256, `256x256, got ${w}x${h}`);
  }
  assert(typeof data.created === 'number', 'created is a number');
  assert(response.headers.get('x-atelier-provider') === 'LOCAL', `provider header: ${response.headers.get('x-atelier-provider')}`);
  assert(/^[0-9a-f-]{36}$/.test(response.headers.get('x-atelier-job-id') ?? ''), 'a job id header');
});

await check('images.generate with stream: true yields image_generation.completed events', async () => {
  const stream = await client.images.generate({ model: 'local', prompt: 'a kite over the dunes', size: '320x192',
    stream: true, partial_images: 1 });
  const events = [];
  for await (const event of stream) {
    events.push(event);
  }
  assert(events.length === 1, `one event, got ${events.length}: ${events.map((e) => e.type)}`);
  const [done] = events;
  assert(done.type === 'image_generation.completed', `the completed event, got ${done.type}`);
  const [w, h] = pngSize(Buffer.from(done.b64_json, 'base64'));
  assert(w === 320 && h === 192, `320x192, got ${w}x${h}`);
  assert(typeof done.usage?.total_tokens === 'number', `usage, got ${JSON.stringify(done.usage)}`);
});

await check('images.generate answers a url the caller can fetch', async () => {
  const answer = await client.images.generate({ model: 'local', prompt: 'a lighthouse in a storm', size: '320x192', response_format: 'url' });
  const url = answer.data[0].url;
  assert(url.startsWith(`${base}/images/`), `a URL under the service: ${url}`);
  const image = await fetch(url);
  assert(image.status === 200, `fetching the image: ${image.status}`);
  assert(image.headers.get('content-type') === 'image/png', image.headers.get('content-type'));
  const [w, h] = pngSize(Buffer.from(await image.arrayBuffer()));
  assert(w === 320 && h === 192, `320x192, got ${w}x${h}`);
});

await check('a size the service cannot make is a 400 invalid_request_error the SDK raises as BadRequestError', async () => {
  const e = await refused(client.images.generate({ model: 'local', prompt: 'a cat', size: '10x10' }), 400, 'invalid_request_error');
  assert(e instanceof OpenAI.BadRequestError, 'BadRequestError');
  assert(/size/.test(e.error.message), e.error.message);
});

await check('n out of range and an empty prompt are 400s', async () => {
  await refused(client.images.generate({ model: 'local', prompt: 'a cat', n: 0 }), 400, 'invalid_request_error');
  await refused(client.images.generate({ model: 'local', prompt: '   ' }), 400, 'invalid_request_error');
  await refused(client.images.generate({ model: 'local', prompt: 'a cat', response_format: 'png' }), 400, 'invalid_request_error');
});

await check('a provider that is not configured is a 503 server_error, not a hang or a 500', async () => {
  // the offline defaults configure no OpenAI key: asking for an OpenAI model cannot be served
  const e = await refused(client.images.generate({ model: 'gpt-image-1', prompt: 'a cat', size: '1024x1024' }), 503, 'server_error');
  assert(e instanceof OpenAI.InternalServerError, 'InternalServerError');
});

await check('models.list shows what the service can serve, and every id it lists generates', async () => {
  const ids = [];
  for await (const model of client.models.list()) {
    ids.push(model.id);
  }
  assert(ids.includes('auto') && ids.includes('local'), `auto and local listed: ${ids}`);
  for (const id of ids) {
    const answer = await client.images.generate({ model: id, prompt: 'a heron at dawn', size: '64x64', response_format: 'b64_json' });
    assert(answer.data.length === 1, `${id} made an image`);
  }
});

async function jobOf(jobId) {
  const answer = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($id: ID!) { job(id: $id) { status provider images { kind sourceImageId width height } } }',
      variables: { id: jobId } }) });
  return (await answer.json()).data.job;
}

const source = Buffer.from((await client.images.generate({ model: 'local', prompt: 'a harbour at dawn', size: '320x192',
  response_format: 'b64_json' })).data[0].b64_json, 'base64');

await check('images.edit with one image answers an edited PNG of the source size, recorded as an EDITED image', async () => {
  const { data, response } = await client.images
    .edit({ model: 'local', image: await toFile(source, 'harbour.png', { type: 'image/png' }), prompt: 'make it red',
      response_format: 'b64_json' })
    .withResponse();
  assert(data.data.length === 1, `one image, got ${data.data.length}`);
  const [w, h] = pngSize(Buffer.from(data.data[0].b64_json, 'base64'));
  assert(w === 320 && h === 192, `the source's size, got ${w}x${h}`);
  assert(response.headers.get('x-atelier-provider') === 'LOCAL', `provider header: ${response.headers.get('x-atelier-provider')}`);
  const job = await jobOf(response.headers.get('x-atelier-job-id'));
  assert(job.status === 'SUCCEEDED', `the job: ${JSON.stringify(job)}`);
  assert(job.images[0].kind === 'EDITED' && job.images[0].sourceImageId, `lineage: ${JSON.stringify(job.images)}`);
});

await check('images.edit with an image array (image[]) and a mask repaints only the transparent area', async () => {
  const mask = maskPng(320, 192, { x: 0, y: 0, w: 160, h: 192 });
  const answer = await client.images.edit({ model: 'local',
    image: [await toFile(source, 'harbour.png', { type: 'image/png' })],
    mask: await toFile(mask, 'mask.png', { type: 'image/png' }), prompt: 'paint the left half blue', size: '320x192',
    response_format: 'b64_json' });
  const edited = Buffer.from(answer.data[0].b64_json, 'base64');
  assert(!edited.equals(source), 'the image changed');
  const [w, h] = pngSize(edited);
  assert(w === 320 && h === 192, `320x192, got ${w}x${h}`);
});

await check('images.edit with stream: true yields image_edit.completed events', async () => {
  const stream = await client.images.edit({ model: 'local', image: await toFile(source, 'harbour.png', { type: 'image/png' }),
    prompt: 'make it night', stream: true });
  const events = [];
  for await (const event of stream) {
    events.push(event);
  }
  assert(events.length === 1 && events[0].type === 'image_edit.completed', `the completed event, got ${events.map((e) => e.type)}`);
  assert(pngSize(Buffer.from(events[0].b64_json, 'base64'))[0] === 320, 'the source width');
});

await check('images.edit of a renamed non-image is a 400 invalid_request_error, and of a mask of another size too', async () => {
  await refused(client.images.edit({ model: 'local', image: await toFile(Buffer.from('#!/bin/sh\necho hi\n'.repeat(4)),
    'cat.png', { type: 'image/png' }), prompt: 'make it red' }), 400, 'invalid_request_error');
  const e = await refused(client.images.edit({ model: 'local', image: await toFile(source, 'harbour.png', { type: 'image/png' }),
    mask: await toFile(maskPng(64, 64, { x: 0, y: 0, w: 8, h: 8 }), 'mask.png', { type: 'image/png' }), prompt: 'make it red' }),
  400, 'invalid_request_error');
  assert(/mask/.test(e.error.message), e.error.message);
});

if (failed) {
  console.error(`${failed} OpenAI SDK check(s) failed`);
  process.exit(1);
}
console.log('openai SDK: every check passes');
