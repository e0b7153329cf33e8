import { SourceError, type Connector, type SearchContext } from '../connector.js';
import { searchCsv } from '../common/table/searchCsv.js';
import { searchXlsx } from '../common/table/searchXlsx.js';
import { tableConfigSchema, type TableConfig } from '../common/table/tableConfig.js';
import { requireReadableFile, tableFormat, type TableFormat } from '../common/table/tableFile.js';
import { runCheck } from '../common/check.js';

/**
 * A CRM export or any list: CSV (encoding and delimiter detected) or XLSX. One finding per row that
 * concerns the subject; locator `{ line }` for CSV, `{ sheet, row }` for XLSX.
 */
export const tableConnector: Connector<TableConfig> = {
  type: 'table',
  configSchema: tableConfigSchema,

  check: (config, ctx) =>
    runCheck(async () => {
      const { format } = await openTable(config, ctx);
      return `table ${config.path} is readable (${format === 'xlsx' ? 'XLSX' : 'CSV'})`;
    }),

  async *search(config, subject, ctx) {
    const { absolute, format } = await openTable(config, ctx);
    yield* format === 'xlsx' ? searchXlsx(absolute, config, subject, ctx) : searchCsv(absolute, config, subject, ctx);
  },
};

/** The file and its format, after checking that the options fit the format (none is silently ignored). */
async function openTable(config: TableConfig, ctx: SearchContext): Promise<{ absolute: string; format: TableFormat }> {
  const absolute = await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'table');
  const format = await tableFormat(absolute, config.path);
  const misplaced = format === 'xlsx' ? (['encoding', 'delimiter'] as const).filter((k) => config[k] !== undefined) : config.sheet !== undefined ? ['sheet'] : [];
  if (misplaced.length) {
    throw new SourceError(`${config.path} is ${format === 'xlsx' ? 'an XLSX workbook' : 'a CSV file'}: ${misplaced.join(' and ')} does not apply to it`);
  }
  return { absolute, format };
}
