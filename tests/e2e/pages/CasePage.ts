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

  /** The status steps: every status, the current one pressed. */
  get status(): Locator {
    return this.page.getByRole('group', { name: /^Status/ });
  }

  /** The step button of one status, by its visible label. */
  statusButton(label: string | RegExp): Locator {
    return this.status.getByRole('button', { name: label });
  }

  /** The pressed step: the case's current status. */
  get currentStatus(): Locator {
    return this.status.locator('button[aria-pressed="true"]');
  }

  async tab(name: CaseTabName): Promise<void> {
    await this.page.getByRole('navigation', { name: /Bereiche des Falls|Parts of the case/ }).getByRole('link', { name: TAB_NAMES[name] }).click();
  }
}
