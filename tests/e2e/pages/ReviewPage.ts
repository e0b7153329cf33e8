import { expect, type Locator, type Page } from '@playwright/test';

/** The review tab: the findings list, filters, keyboard, and the detail of the current finding. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.getByRole('listbox', { name: /Treffer|Findings/ });
  }

  get options(): Locator {
    return this.list.getByRole('option');
  }

  get active(): Locator {
    return this.list.locator('[role="option"][aria-selected="true"]');
  }

  get detail(): Locator {
    return this.page.getByTestId('finding-detail');
  }

  get record(): Locator {
    return this.page.getByTestId('record');
  }

  /** The current decision as the detail shows it: open, include, exclude or redact. */
  async decision(): Promise<string | null> {
    return this.page.getByTestId('decision-now').getAttribute('data-state');
  }

  async expectActive(title: string | RegExp): Promise<void> {
    await expect(this.active).toContainText(title);
    await expect(this.detail.getByRole('heading', { level: 2 })).toHaveText(title);
  }

  /** Single-key shortcuts act on the page, as the officer types them with the list focused. */
  async key(key: string): Promise<void> {
    await this.list.focus();
    await this.page.keyboard.press(key);
  }

  async select(title: string): Promise<void> {
    await this.options.filter({ hasText: title }).first().click();
    await this.expectActive(title);
  }

  async filter(name: RegExp, value: string): Promise<void> {
    await this.page.getByRole('search').getByLabel(name).selectOption(value);
  }

  /** Select a piece of the record's text, as the officer does with the mouse. */
  async selectText(text: string): Promise<void> {
    const found = await this.record.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    }, text);
    expect(found, `"${text}" in the record`).toBe(true);
  }

  async excludeCurrent(reason: string): Promise<void> {
    await this.key('x');
    const dialog = this.page.getByRole('dialog', { name: /ausschließen|Exclude/ });
    await dialog.getByLabel(/^Grund$|^Reason$/).fill(reason);
    await dialog.getByLabel(/^Grund$|^Reason$/).press('Enter');
    await expect(dialog).toBeHidden();
  }

  /** Take back the redaction of `text` from the detail pane's list of redactions. */
  async removeRedaction(text: string): Promise<void> {
    await this.detail.getByRole('button', { name: new RegExp(`(Schwärzung von „|redaction of “)${text}`) }).click();
  }

  async redactSelection(reason?: string): Promise<void> {
    await this.page.keyboard.press('r');
    const dialog = this.page.getByRole('dialog', { name: /schwärzen|Redact text/ });
    await expect(dialog).toBeVisible();
    if (reason) await dialog.getByLabel(/^Grund$|^Reason$/).fill(reason);
    await dialog.getByRole('button', { name: /^(Schwärzen|Redact)$/ }).click();
    await expect(dialog).toBeHidden();
  }
}
