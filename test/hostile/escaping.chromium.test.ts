/**
 * HTML or script in any scenario string is shown as text in the HTML and the PDF, never run;
 * the print page loads nothing from the network or the disk. A local HTTP server counts
 * every request that reaches it: there must be none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { BrowserPool } from '../../src/render/pdf/browser.ts';
import { printPdf } from '../../src/render/pdf/print.ts';
import { pdfText, quietBatch, removeTempDirs, scenarioYaml, tempDir, write } from '../batch/helpers.ts';

const squash = (text: string) => text.replace(/\s+/g, '');
const hits: string[] = [];
const server = http.createServer((req, res) => {
  hits.push(req.url ?? '');
  res.end('x');
});
const pool = new BrowserPool();
let base: string;
let dir: string;
let html: string;
let pdf: string;
let result: Awaited<ReturnType<typeof quietBatch>>;
const rawRequests: string[] = [];
let rawPdfText: string;

const NAME = '<script>alert("name")</script>';
const WORKLOAD = '<script>alert(1)</script>';
const ARCH = '<img src=x onerror=alert(2)>';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = tempDir('escaping');
  const description = `<img src="file:///etc/passwd"><img src="${base}/description.png"><link rel="stylesheet" href="${base}/x.css"><iframe src="${base}/frame"></iframe>`;
  const architecture = [
    '    architecture:',
    `      name: ${JSON.stringify(ARCH)}`,
    '      paramsB: 7',
    '      layers: 32',
    '      hiddenSize: 4096',
    '      attentionHeads: 32',
    '      ffnSize: 11008',
    '      vocabSize: 32000',
  ].join('\n');
  write(path.join(dir, 'in', 'hostile.yaml'), scenarioYaml({ name: NAME, description, workload: WORKLOAD, model: architecture }));
  try {
    result = await quietBatch([path.join(dir, 'in')], {
      outDir: path.join(dir, 'out'),
      formats: ['html', 'pdf'],
      browser: pool,
      index: false,
    });
    // The same lock-down must hold even for HTML that was not escaped at all.
    const raw =
      `<html><body><p>static text</p><img src="file:///etc/passwd"><img src="${base}/raw.png"><link rel="stylesheet" href="${base}/raw.css">` +
      `<script>document.body.textContent = 'SCRIPT RAN'</script><script src="${base}/raw.js"></script></body></html>`;
    const rawPdf = path.join(dir, 'raw.pdf');
    fs.writeFileSync(rawPdf, await printPdf(await pool.get(), raw, { onRequest: (url) => rawRequests.push(url) }));
    rawPdfText = pdfText(rawPdf);
  } finally {
    await pool.close();
    server.close();
  }
  html = fs.readFileSync(path.join(dir, 'out', 'hostile.html'), 'utf8');
  pdf = pdfText(path.join(dir, 'out', 'hostile.pdf'));
});

afterAll(removeTempDirs);

describe('scenario text with HTML or script', () => {
  it('renders', () => {
    expect(result.exitCode).toBe(0);
  });

  it('has no executable script, image, frame or stylesheet link in the HTML', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/\sonerror\s*=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows every string literally in the PDF', () => {
    const text = squash(pdf);
    expect(text).toContain(squash(NAME));
    expect(text).toContain(squash(WORKLOAD));
    expect(text).toContain(squash(ARCH));
    expect(text).toContain(squash('<img src="file:///etc/passwd">'));
  });

  it('loaded nothing: no request reached the server', () => {
    expect(hits).toEqual([]);
  });

  it('refuses every request of a page even when its HTML is not escaped, and runs no script', () => {
    // (file:// from this page is refused by Chromium itself before any request is made.)
    expect(rawRequests).toEqual(expect.arrayContaining([`${base}/raw.png`, `${base}/raw.css`]));
    // With JavaScript off, a script is not even fetched.
    expect(rawRequests).not.toContain(`${base}/raw.js`);
    expect(hits).toEqual([]);
    expect(rawPdfText).toContain('static text');
    expect(rawPdfText).not.toContain('SCRIPT RAN');
  });
});
