// Screenshot of part of a page in headless Chromium (playwright-core of the test package):
//   node docs/screenshot.mjs PAGE.html OUT.png [CSS selector to start at] [height]
// Used by docs/make-images.sh for the README pictures.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const require = createRequire(resolve(import.meta.dirname, '../../test/package.json'));
const { chromium } = require('playwright-core');
const [file, out, selector, height = '1180'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: Number(height) }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
  const top = selector ? await page.$eval(selector, (el) => Math.max(0, el.getBoundingClientRect().top + window.scrollY - 12)) : 0;
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: top, width: 1000, height: Number(height) } });
} finally {
  await browser.close();
}
