import { expect, type Locator, type Page } from '@playwright/test';

export interface NewCaseInput {
  readonly receivedOn: string;
  readonly name?: string;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly customerIds?: readonly string[];
  readonly method?: RegExp;
  readonly note?: string;
}

/** The case list and the "new case" dialog. */
export class CasesPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /Fälle|Cases/ });
  }

  get table(): Locator {
    return this.page.getByRole('table');
  }

  row(caseId: string): Locator {
    return this.table.getByRole('row').filter({ hasText: caseId });
  }

  async openNewCase(): Promise<Locator> {
    await this.page.getByRole('button', { name: /Neuer Fall|New case/ }).click();
    const dialog = this.page.getByRole('dialog', { name: /Neuer Fall|New case/ });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Fill and submit the dialog; returns the new case's reference from the case page it opens. */
  async createCase(input: NewCaseInput): Promise<string> {
    const dialog = await this.openNewCase();
    await dialog.getByLabel(/Eingang des Antrags|Request received on/).fill(input.receivedOn);
    if (input.name) await dialog.getByLabel(/^Name$/).fill(input.name);
    if (input.emails) await dialog.getByLabel(/E-Mail-Adressen|Email addresses/).fill(input.emails.join('\n'));
    if (input.phones) await dialog.getByLabel(/Telefonnummern|Phone numbers/).fill(input.phones.join('\n'));
    if (input.customerIds) await dialog.getByLabel(/Kundennummern|Customer numbers/).fill(input.customerIds.join('\n'));
    await dialog.getByRole('radio', { name: input.method ?? /Bekannter Kontaktweg|Known contact channel/ }).check();
    if (input.note) await dialog.getByLabel(/Notiz zur Prüfung|Note on the verification|Begründete Zweifel|Reasonable doubts/).fill(input.note);
    await dialog.getByRole('button', { name: /Fall anlegen|Create case/ }).click();
    // Creating checks the identifiers and writes the audited case; on two busy cores that can pass 10 s.
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(this.page).toHaveURL(/#\/case\/AUS-/);
    return decodeURIComponent(/#\/case\/([^/]+)/.exec(this.page.url())![1]!);
  }
}
