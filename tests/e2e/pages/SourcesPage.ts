import { expect, type Locator, type Page } from '@playwright/test';

/** The sources of the workspace, "check connection", and the form per source type. */
export class SourcesPage {
  constructor(readonly page: Page) {}

  row(id: string): Locator {
    return this.page.locator(`tr[data-source="${id}"]`);
  }

  async check(id: string): Promise<Locator> {
    await this.row(id).getByRole('button', { name: /Verbindung von .* prüfen|Check the connection of/ }).click();
    const cell = this.row(id).locator('td').nth(4);
    await expect(cell).not.toHaveText(/wird geprüft|checking/);
    return cell;
  }

  async openAdd(): Promise<Locator> {
    await this.page.getByRole('button', { name: /Quelle hinzufügen|Add source/ }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Add a source through its form: `fields` by label, in order. */
  async add(type: string, fields: ReadonlyArray<readonly [RegExp, string]>, password?: string): Promise<void> {
    const dialog = await this.openAdd();
    await dialog.getByLabel(/^(Art|Type)$/).selectOption(type);
    for (const [label, value] of fields) await dialog.getByLabel(label).fill(value);
    if (password) await dialog.getByLabel(/^(Passwort|Password)$/).fill(password);
    await dialog.getByRole('button', { name: /Speichern|Save/ }).click();
    await expect(dialog).toBeHidden();
  }
}
