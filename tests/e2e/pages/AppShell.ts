import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../fixtures/bridgeProcess.js';

/** Where screenshots of every screen go: a test artifact, kept across runs of one suite. */
export const SCREENS_DIR = join(ROOT, 'test-results', 'screens');

/** The frame around every screen: navigation, language, workspace. */
export class AppShell {
  constructor(readonly page: Page) {}

  nav(name: RegExp | string): Locator {
    return this.page.getByRole('navigation', { name: /Hauptnavigation|Main navigation/ }).getByRole('link', { name });
  }

  async setLanguage(lang: 'de' | 'en'): Promise<void> {
    await this.page.getByRole('combobox', { name: /Sprache|Language/ }).selectOption(lang);
  }

  /** Save a screenshot of the screen as it is now, for the docs and for reviewers of a test run. */
  async screenshot(name: string, path?: string): Promise<void> {
    mkdirSync(SCREENS_DIR, { recursive: true });
    const file = path ?? join(SCREENS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: false });
  }

  async expectNoAlert(): Promise<void> {
    await expect(this.page.locator('.banner-error')).toHaveCount(0);
  }
}
