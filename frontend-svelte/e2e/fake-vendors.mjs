// Vendor fakes for the browser failover flow, in the vendors' documented shapes (PROVIDERS.md sections 1 and 3):
// OpenAI Images answers every generation with a 500 server_error; Stability's v2beta generate endpoints answer with
// PNG bytes and its finish-reason/seed headers. Both answer their free health probes. GET /_requests lists the
// prompt (and negative prompt) each vendor received, so the test compares what was sent with what the UI shows.
import { createServer } from 'node:http';
import { deflateSync } from 'node:zlib';

const port = Number(process.env.VENDORS_PORT ?? 18107);
const received = [];

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) { c = CRC[(c ^ b) & 0xff] ^ (c >>> 8); }
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** An RGB PNG of the given size with a diagonal gradient. */
function png(width, height) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = (x * 255) / width;
      raw[row + 2 + x * 3] = (y * 255) / height;
      raw[row + 3 + x * 3] = 160;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const IMAGE = png(512, 512);

/** The text fields of a multipart/form-data body. */
function formFields(body, contentType) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  if (!boundary) { return {}; }
  const fields = {};
  for (const part of body.toString('utf8').split(`--${boundary[1] ?? boundary[2]}`)) {
    const split = part.indexOf('\r\n\r\n');
    const name = /name="([^"]+)"/.exec(part.slice(0, split));
    if (split > 0 && name) { fields[name[1]] = part.slice(split + 4).replace(/\r\n$/, ''); }
  }
  return fields;
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

createServer((req, res) => {
  const parts = [];
  req.on('data', (part) => parts.push(part));
  req.on('end', () => {
    const body = Buffer.concat(parts);
    const path = new URL(req.url, `http://localhost:${port}`).pathname;
    if (path === '/_requests') { return json(res, 200, received); }
    if (path === '/openai/v1/models') {
      return json(res, 200, { object: 'list', data: [{ id: 'gpt-image-2.6-sunburst', object: 'model', created: 1764547200, owned_by: 'openai', shutdown_date: null }] });
    }
    if (path === '/openai/v1/images/generations' && req.method === 'POST') {
      const sent = JSON.parse(body.toString('utf8') || '{}');
      received.push({ vendor: 'OPENAI', prompt: sent.prompt ?? null, negativePrompt: null });
      return json(res, 500, { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } },
        { 'x-request-id': `req_${received.length}` });
    }
    if (path === '/stability/v1/user/balance') { return json(res, 200, { credits: 100 }); }
    if (/^\/stability\/v2beta\/stable-image\/generate\/(core|ultra|sd3)$/.test(path) && req.method === 'POST') {
      const fields = formFields(body, req.headers['content-type']);
      received.push({ vendor: 'STABILITY', prompt: fields.prompt ?? null, negativePrompt: fields.negative_prompt ?? null });
      res.writeHead(200, { 'Content-Type': 'image/png', 'finish-reason': 'SUCCESS', seed: '424242' });
      return res.end(IMAGE);
    }
    json(res, 404, { error: { message: `no route ${req.method} ${path}` } });
  });
}).listen(port, '127.0.0.1', () => console.log(`vendor fakes on ${port}`));
