import { expect, type Page } from '@playwright/test';

/** The export tab: counts, options, progress, and where the package went. */
export class ExportPage {
  constructor(readonly page: Page) {}

  count(decision: 'include' | 'redact' | 'exclude' | 'open') {
    return this.page.getByTestId(`count-${decision}`);
  }

  /** Write the package and return its folder. */
  async create(options: { password?: string; acceptUndecided?: boolean } = {}): Promise<string> {
    if (options.password) {
      await this.page.getByLabel(/Passwort für ein verschlüsseltes ZIP|Password for an encrypted ZIP/).fill(options.password);
      await this.page.getByLabel(/Passwort wiederholen|Repeat the password/).fill(options.password);
    }
    if (options.acceptUndecided) await this.page.getByRole('checkbox', { name: /offenen Treffer|undecided findings/ }).check();
    await this.page.getByRole('button', { name: /Paket erstellen|Create package/ }).click();
    await expect(this.page.getByText(/Paket erstellt\.|Package created\./)).toBeVisible({ timeout: 60_000 });
    return (await this.page.getByTestId('export-path').textContent())!;
  }
}
