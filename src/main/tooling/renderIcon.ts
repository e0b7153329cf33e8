import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/*
 * Render assets/icons/icon.svg to the 1024×1024 icon.png electron-builder turns into .ico, .icns and
 * the Linux icons. Chromium does it here because ImageMagick is not part of the toolchain:
 *   node dist/main/tooling/renderIcon.js
 */
const ICONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'assets', 'icons');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(join(ICONS, 'icon.svg'), 'utf8')}</body></html>`);
  await page.locator('svg').screenshot({ path: join(ICONS, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
