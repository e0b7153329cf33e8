import { expect, type Locator, type Page } from '@playwright/test';

/** The search tab: start, cancel, and one progress entry per source. */
export class SearchPage {
  constructor(readonly page: Page) {}

  source(id: string): Locator {
    return this.page.locator(`li.source[data-source="${id}"]`);
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: /Suche starten|Erneut suchen|Start search|Search again/ }).click();
  }

  async waitUntilDone(timeout = 30_000): Promise<void> {
    await expect(this.page.getByText(/Suche abgeschlossen\.|Search finished\./)).toBeVisible({ timeout });
  }
}
