import { type Locator, type Page } from '@playwright/test';

export type CaseTabName = 'overview' | 'search' | 'review' | 'export';
const TAB_NAMES: Record<CaseTabName, RegExp> = {
  overview: /Übersicht|Overview/,
  search: /^(Suche|Search)$/,
  review: /Prüfung|Review/,
  export: /Export/,
};

/** The header of one case (deadline, status, extension) and its tabs. */
export class CasePage {
  constructor(readonly page: Page) {}

  get title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The status select: it offers the current status and the moves the engine allows from it. */
  get status(): Locator {
    return this.page.locator('.case-actions').getByRole('combobox', { name: /^Status/ });
  }

  async tab(name: CaseTabName): Promise<void> {
    await this.page.getByRole('navigation', { name: /Bereiche des Falls|Parts of the case/ }).getByRole('link', { name: TAB_NAMES[name] }).click();
  }
}
