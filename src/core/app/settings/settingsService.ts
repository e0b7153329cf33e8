import { readFileSync } from 'node:fs';
import { SettingsSchema, type AuskunftHandlers, type Settings } from '../../../shared/api.js';
import { writeFileAtomic } from '../../export/atomicWrite.js';
import type { AppContext } from '../context.js';

const DEFAULTS: Settings = { retentionMonths: null };

/** App settings: a small JSON file beside the case store. It holds no personal data. */
export function settingsService(ctx: AppContext, onChange: (settings: Settings) => Promise<void>): AuskunftHandlers['settings'] {
  return {
    get: async () => readSettings(ctx.settingsFile),
    async set(settings) {
      await writeFileAtomic(ctx.settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
      await onChange(settings);
      return settings;
    },
  };
}

export function readSettings(file: string): Settings {
  try {
    return SettingsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return DEFAULTS;
  }
}
