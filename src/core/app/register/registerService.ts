import { dirname, resolve } from 'node:path';
import type { AuskunftHandlers } from '../../../shared/api.js';
import { readYamlFile } from '../../config/yamlFile.js';
import { NoWorkspaceError, type AppContext } from '../context.js';
import { registerView } from './registerView.js';

/** The register view. It reads the file itself, so a register the loader rejects can still be shown with its errors. */
export function registerService(ctx: AppContext): AuskunftHandlers['register'] {
  return {
    async get({ lang }) {
      if (!ctx.workspacePath) throw new NoWorkspaceError();
      const workspace = readYamlFile(ctx.workspacePath).data as { register?: unknown } | null;
      const file = typeof workspace?.register === 'string' ? resolve(dirname(ctx.workspacePath), workspace.register) : ctx.workspacePath;
      return registerView(file, lang);
    },
  };
}
