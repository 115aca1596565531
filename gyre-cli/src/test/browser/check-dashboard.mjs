// Loads the gyre run dashboard in a real headless Chromium, waits for live numbers, and prints what
// the page shows as one JSON line on stdout (DashboardIT asserts on it). Exits 1 with a message on
// stderr when the page never shows what is awaited. Never downloads a browser: it drives the
// Chromium at --chromium (default /usr/bin/chromium).
//
// node check-dashboard.mjs --url URL --stages a,b [--reason R --count N] [--screenshot FILE]
//     [--chromium PATH] [--timeout-ms MS]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const stages = (args.stages || '').split(',').filter(Boolean);
const timeout = Number(args['timeout-ms'] || 60000);
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

// What the page shows, read from the DOM as a person would see it.
function read() {
  const text = selector => document.querySelector(selector).textContent.trim();
  const rows = id => [...document.querySelectorAll(`#${id} tbody tr`)]
    .map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent.trim()));
  const inked = canvas => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) n += data[i] > 0 ? 1 : 0;
    return n;
  };
  return {
    pipeline: text('#pipeline'),
    connection: text('#connection-text'),
    uptime: text('#uptime'),
    stages: [...document.querySelectorAll('#stages [data-stage]')].map(card => ({
      name: card.querySelector('h3').textContent.trim(),
      fields: Object.fromEntries([...card.querySelectorAll('[data-field]')].map(f => [f.dataset.field, f.textContent.trim()])),
      sparklinePixels: inked(card.querySelector('canvas')),
    })),
    deadLetters: rows('dead-letters'),
    models: rows('models'),
    layout: { scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight,
      innerWidth: window.innerWidth, innerHeight: window.innerHeight },
  };
}

const count = text => Number(String(text).replace(/,/g, ''));
const profile = mkdtempSync(join(tmpdir(), 'gyre-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: args.chromium || '/usr/bin/chromium', headless: true, args: flags,
  viewport: { width: 1366, height: 768 },
});
let step = 'loading the page';
const page = context.pages()[0] || await context.newPage();
try {
  await page.goto(args.url, { timeout });
  step = `waiting for the stages ${stages.join(', ')} with events in`;
  await page.waitForFunction(([names]) => {
    const cards = [...document.querySelectorAll('#stages [data-stage]')].map(c => c.dataset.stage);
    const first = document.querySelector('#stages [data-stage] [data-field="in"]');
    return names.every(n => cards.includes(n)) && first && Number(first.textContent.replace(/,/g, '')) > 0;
  }, [stages], { timeout, polling: 200 });
  const first = await page.evaluate(read);
  step = 'waiting for the first stage\'s count to grow';
  await page.waitForTimeout(2000);
  await page.waitForFunction(before => Number(document.querySelector('#stages [data-stage] [data-field="in"]')
    .textContent.replace(/,/g, '')) > before, count(first.stages[0].fields.in), { timeout, polling: 200 });
  const second = await page.evaluate(read);
  if (args.reason) {
    step = `waiting for ${args.count} dead letters with reason ${args.reason}`;
    await page.waitForFunction(([reason, n]) => [...document.querySelectorAll('#dead-letters tbody tr')].some(tr => {
      const cells = [...tr.querySelectorAll('td')].map(td => td.textContent.trim());
      return cells[1] === reason && Number(cells[2].replace(/,/g, '')) === n;
    }), [args.reason, Number(args.count)], { timeout, polling: 200 });
  }
  const last = await page.evaluate(read);
  if (args.screenshot) await page.screenshot({ path: args.screenshot });
  console.log(JSON.stringify({ first, second, last }));
} catch (e) {
  const shown = await page.evaluate(read).catch(() => 'the page could not be read');
  console.error(`dashboard check failed while ${step}: ${e.message.split('\n')[0]}\npage shows: ${JSON.stringify(shown)}`);
  if (args.screenshot) await page.screenshot({ path: args.screenshot }).catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
