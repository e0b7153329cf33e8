import { isNoNumber, numberOrEmpty, parseCallDate, parseDurationSeconds } from './callValues.js';
import { namedColumns, type CallDirection, type CallLayout, type NumberCell } from './parsedCall.js';

/**
 * Asterisk cdr_csv columns (cdr/cdr_csv.c build_csv_record, fixtures/calls/README.md). The first 16
 * are always written; loguniqueid, loguserfield and newcdrcolumns append optional ones.
 */
const BASE = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
] as const;
const NEW_CDR_COLUMNS = ['peeraccount', 'linkedid', 'sequence'] as const;

/** Every column name an Asterisk row can have, for recordings patterns. */
export const ASTERISK_COLUMNS: ReadonlyArray<string> = [...BASE, 'uniqueid', 'userfield', ...NEW_CDR_COLUMNS];

// "1709540102.26", or "host-1709540102.26" when systemname is set in asterisk.conf.
const UNIQUEID = /^(?:[\w.-]+-)?\d{9,}\.\d+$/;
const INTEGER = /^\d+$/;

/**
 * The optional columns a row of this width carries. A file can mix widths (cdr.conf changed during
 * its lifetime), so every row is read by its own width; the uniqueid's shape tells it from a userfield.
 */
function extraColumns(cells: ReadonlyArray<string>): ReadonlyArray<string> | undefined {
  const at = (i: number): string => cells[i] ?? '';
  const newColumnsFit = (from: number) => INTEGER.test(at(from + 2));
  switch (cells.length) {
    case 16:
      return [];
    case 17:
      return UNIQUEID.test(at(16)) ? ['uniqueid'] : ['userfield'];
    case 18:
      return ['uniqueid', 'userfield'];
    case 19:
      return newColumnsFit(16) ? NEW_CDR_COLUMNS : undefined;
    case 20:
      if (!newColumnsFit(17)) return undefined;
      return UNIQUEID.test(at(16)) ? ['uniqueid', ...NEW_CDR_COLUMNS] : ['userfield', ...NEW_CDR_COLUMNS];
    case 21:
      return newColumnsFit(18) ? ['uniqueid', 'userfield', ...NEW_CDR_COLUMNS] : undefined;
    default:
      return undefined;
  }
}

// FreePBX context names: calls from the trunks arrive in from-trunk/from-pstn/from-did…, calls
// placed by extensions start in from-internal. Other dialplans name contexts freely: direction unknown.
const INCOMING_CONTEXT = /^(from-(trunk|pstn|did|external|sip-external)|ext-did)|incoming|inbound/i;
const OUTGOING_CONTEXT = /^from-internal|outgoing|outbound/i;
// A number the PBX dials out: at least six digits, or a "+"/"00" prefix. Extensions are shorter.
const EXTERNAL_NUMBER = /^(\+|00)?\d{6,}$/;

// `"Anna Müller" <08001>`, `Anna <08001>` or just `08001`.
const CLID = /^\s*(?:"((?:[^"]|"")*)"|([^<"]*?))\s*<([^<>]*)>\s*$/;

/** The name and number of an Asterisk caller id. */
export function parseClid(clid: string): { name: string; number: string } {
  const m = CLID.exec(clid);
  if (!m) return { name: '', number: clid.trim() };
  return { name: (m[1] ?? m[2] ?? '').replace(/""/g, '"').trim(), number: (m[3] ?? '').trim() };
}

/** The party a Dial() reaches, from lastdata "PJSIP/+4970227896848@trunk,60,tT" or "SIP/trunk/004930…". */
function dialTargets(lastapp: string, lastdata: string): string[] {
  if (!/^dial$/i.test(lastapp.trim())) return [];
  const targets = lastdata.split(',')[0] ?? '';
  return targets
    .split('&')
    .map((target) => (target.split('/').pop() ?? '').split('@')[0]?.trim() ?? '')
    .filter((n) => n && !isNoNumber(n));
}

/** A dialled number's digits without an international prefix: "+49…", "0049…" and "49…" are one target. */
function digitsOf(number: string): string {
  return number.replace(/[^0-9]/g, '').replace(/^00/, '');
}

/** The layout of Asterisk's Master.csv: no header, columns by position. */
export function asteriskLayout(): CallLayout {
  return {
    columnNames: ASTERISK_COLUMNS,
    internationalWithoutPlus: true,
    parse(cells) {
      const problems: string[] = [];
      let extras = extraColumns(cells);
      if (extras === undefined) {
        problems.push(
          cells.length < BASE.length
            ? `row has ${cells.length} fields; an Asterisk CDR row has at least ${BASE.length}`
            : `row has ${cells.length} fields, which fits no Asterisk CDR layout (16 to 21 fields); fields after the 16th are kept unnamed`,
        );
        extras = [];
      }
      const names = [...BASE, ...extras];
      const columns = namedColumns(names, cells);
      const get = (name: string): string => columns.find((c) => c.name === name)?.value ?? '';

      const startText = get('start');
      const start = parseCallDate(startText);
      if (cells.length >= BASE.length && start === null) problems.push(`start "${startText}" is not a date`);
      const billsecText = get('billsec').trim();
      const durationSeconds = billsecText && INTEGER.test(billsecText) ? Number(billsecText) : parseDurationSeconds(billsecText, 'minutes-seconds');
      if (cells.length >= BASE.length && durationSeconds === null) problems.push(`billsec "${billsecText}" is not a number of seconds`);

      const src = get('src').trim();
      const dst = get('dst').trim();
      const clid = parseClid(get('clid'));
      const numbers: NumberCell[] = [];
      const addNumber = (field: string, value: string) => {
        if (!isNoNumber(value)) numbers.push({ field, value, internationalWithoutPlus: true });
      };
      addNumber('src', src);
      addNumber('dst', dst);
      if (clid.number !== src) addNumber('clid', clid.number);
      for (const target of dialTargets(get('lastapp'), get('lastdata'))) if (digitsOf(target) !== digitsOf(dst)) addNumber('lastdata', target);

      const texts: Array<{ field: string; value: string }> = [];
      // accountcode/peeraccount are often a customer number; clid carries the caller's name.
      for (const name of ['accountcode', 'clid', 'userfield', 'peeraccount']) {
        const value = get(name);
        if (value.trim()) texts.push({ field: name, value });
      }
      for (const column of columns.slice(names.length)) if (column.value.trim()) texts.push({ field: column.name, value: column.value });

      return {
        direction: directionOf(get('dcontext'), get('disposition'), dst),
        start,
        durationSeconds,
        from: numberOrEmpty(src),
        to: numberOrEmpty(dst),
        name: clid.name,
        numbers,
        texts,
        columns,
        problems,
      };
    },
  };
}

function directionOf(dcontext: string, disposition: string, dst: string): CallDirection {
  if (INCOMING_CONTEXT.test(dcontext)) return disposition.trim().toUpperCase() === 'ANSWERED' ? 'incoming' : 'missed';
  if (OUTGOING_CONTEXT.test(dcontext)) return EXTERNAL_NUMBER.test(dst.replace(/[\s-]/g, '')) ? 'outgoing' : 'internal';
  return 'unknown';
}
