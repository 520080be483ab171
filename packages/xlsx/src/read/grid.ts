/**
 * The lean OOXML reader: `.xlsx`/`.xlsm` bytes → `Grid` (core's neutral cell model), reading only
 * the parts a report needs. Works the same in Node and in browsers (no Node APIs).
 */
import type { DefinedName, Finding, Grid, Result, Sheet } from '@cchc-kpi/core';
import { fail, ok } from '@cchc-kpi/core';
import type { ReadLimits } from '../limits.ts';
import { resolveLimits } from '../limits.ts';
import type { FindingContext } from './findings.ts';
import * as F from './findings.ts';
import type { PartOutcome } from './package.ts';
import type { XmlHandlers } from './xml.ts';
import { PackageReader } from './package.ts';
import type { Relationship } from './relationships.ts';
import {
  contentTypesHandlers,
  foreignMainKind,
  isRelType,
  isWorkbookContentType,
  relationshipsHandlers,
  relsPartFor,
  resolveTarget,
} from './relationships.ts';
import { sharedStringsHandlers } from './shared-strings.ts';
import { sheetHandlers } from './sheet.ts';
import { sniff } from './sniff.ts';
import type { Styles } from './styles.ts';
import { stylesHandlers } from './styles.ts';
import type { WorkbookDefinedName, WorkbookInfo } from './workbook.ts';
export type { WorkbookDefinedName } from './workbook.ts';
import { workbookHandlers } from './workbook.ts';
import type { ZipEntry } from './zip.ts';
import { readZipDirectory } from './zip.ts';

/** Options of {@link readGrid}. */
export interface ReadGridOptions {
  /** File name put on every finding (as the caller knows it; never derived from the content). */
  file?: string;
  /** Limits overriding {@link DEFAULT_LIMITS} one by one. */
  limits?: Partial<ReadLimits>;
  /**
   * Which sheets to read, given the sheet name, its 0-based position in the workbook's tab
   * order (chart sheets included in the count) and the workbook's defined names as written
   * (`localSheetId` is a tab-order position). Sheets not selected are never inflated. Default: all.
   */
  sheets?: (name: string, index: number, definedNames: readonly WorkbookDefinedName[]) => boolean;
}

/**
 * Reads an OOXML workbook (`.xlsx`, `.xlsm`, `.xltx`; Transitional or Strict) into a `Grid`.
 *
 * Shapes: `Grid.sheets` holds the selected worksheets in tab order (chart/dialog/macro sheets are
 * left out); cells are keyed by A1 address, blank cells (no value, no formula) are omitted;
 * dates stay serial numbers except `t="d"` cells (value and `isoDate` = the ISO text);
 * `DefinedName.localSheet` is an index into `Grid.sheets` (names local to an unread sheet are
 * dropped); `date1904` is the workbook's date system.
 *
 * Errors are findings, never exceptions: `ok: false` when the file cannot be read at all (empty,
 * too large, PDF/HTML/.xls/encrypted, damaged zip, zip bomb, DOCTYPE/ENTITY in a part, no workbook,
 * no readable sheet), each with an error finding naming the file; `ok: true` may still carry
 * findings (a sheet cut at the cell limit: error; XML recovered from, missing shared strings,
 * unreadable styles: warnings). Every finding has `file` when `options.file` is given.
 *
 * @param bytes the file's bytes (a Node `Buffer` works too: it is a `Uint8Array`).
 * @throws RangeError only for invalid `options.limits` (a programmer error).
 */
export function readGrid(bytes: Uint8Array, options: ReadGridOptions = {}): Result<Grid> {
  const limits = resolveLimits(options.limits);
  const ctx: FindingContext = options.file === undefined ? {} : { file: options.file };
  try {
    return readPackage(bytes, options, limits, ctx);
  } catch (error) {
    // A bug, not bad input: still a finding, so one odd file never brings down a whole batch.
    return fail([F.internalError(ctx, error instanceof Error ? `${error.name}: ${error.message}` : String(error))]);
  }
}

function asWarning(finding: Finding): Finding {
  return { ...finding, severity: 'warning' };
}

function readPackage(bytes: Uint8Array, options: ReadGridOptions, limits: ReadLimits, ctx: FindingContext): Result<Grid> {
  // 1. What is it?
  if (bytes.length > limits.maxFileBytes) return fail([F.fileTooLarge(ctx, bytes.length, limits.maxFileBytes)]);
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'empty') return fail([F.fileEmpty(ctx)]);
  if (sniffed.kind === 'ole') return fail([F.encryptedOrLegacy(ctx, sniffed.ole)]);
  if (sniffed.kind === 'foreign') return fail([F.notXlsx(ctx, sniffed.foreign)]);

  // 2. The zip directory, with the entry count checked before it is walked.
  const dir = readZipDirectory(bytes, limits.maxZipEntries);
  if (!dir.ok) {
    if (dir.problem === 'too-many-entries') return fail([F.zipTooManyEntries(ctx, dir.count, limits.maxZipEntries)]);
    if (dir.problem === 'corrupt') return fail([F.zipCorrupt(ctx, dir.detail)]);
    return fail([sniffed.localHeaderFirst ? F.zipTruncated(ctx) : F.notXlsx(ctx, 'unknown')]);
  }
  const pkg = new PackageReader(bytes, dir.entries, limits, ctx);
  const findings: Finding[] = [];

  /** Parses a part, recording a warning when saxes had to recover from malformed XML. */
  const parsePart = (entry: ZipEntry, handlers: Parameters<PackageReader['parse']>[1], sheet?: string): PartOutcome => {
    const outcome = pkg.parse(entry, handlers);
    if (outcome.status === 'ok' && outcome.firstXmlError !== undefined) {
      findings.push(F.xmlMalformed(ctx, entry.name, outcome.firstXmlError, 'warning', sheet));
    }
    return outcome;
  };

  /**
   * {@link parsePart} for the parts every report of a template shares byte for byte: a part
   * identical to one parsed cleanly before is not parsed again (`PackageReader.parseShared`);
   * its value is shared and never changed here.
   */
  const parseSharedPart = <T>(entry: ZipEntry, kind: string, make: () => { handlers: XmlHandlers; value: T }): { outcome: PartOutcome; value: T } => {
    const read = pkg.parseShared(entry, kind, make);
    if (read.outcome.status === 'ok' && read.outcome.firstXmlError !== undefined) {
      findings.push(F.xmlMalformed(ctx, entry.name, read.outcome.firstXmlError, 'warning'));
    }
    return read;
  };

  // 3. Where is the workbook? _rels/.rels → officeDocument; else [Content_Types].xml; else xl/workbook.xml.
  let rootRels: readonly Relationship[] = [];
  const rootRelsEntry = pkg.find('_rels/.rels');
  if (rootRelsEntry !== undefined) {
    const read = parseSharedPart(rootRelsEntry, 'rels', () => {
      const value: Relationship[] = [];
      return { handlers: relationshipsHandlers(value), value };
    });
    const outcome = read.outcome;
    if (outcome.status === 'fatal') return fail([...findings, outcome.finding]);
    if (outcome.status === 'broken') findings.push(asWarning(outcome.finding));
    rootRels = read.value;
  }
  /** `[Content_Types].xml` overrides (part → type), read once when needed; null when the part is fatally broken. */
  let contentTypes: Map<string, string> | undefined;
  let contentTypesFailure: Finding | undefined;
  const readContentTypes = (): Map<string, string> | null => {
    if (contentTypes !== undefined) return contentTypes;
    contentTypes = new Map<string, string>();
    const typesEntry = pkg.find('[Content_Types].xml');
    if (typesEntry !== undefined) {
      const outcome = parsePart(typesEntry, contentTypesHandlers(contentTypes));
      if (outcome.status === 'fatal') contentTypesFailure = outcome.finding;
    }
    return contentTypesFailure === undefined ? contentTypes : null;
  };
  let workbookEntry: ZipEntry | undefined;
  for (const rel of rootRels) {
    if (rel.external || !isRelType(rel.type, 'officeDocument')) continue;
    const main = pkg.find(resolveTarget('', rel.target));
    if (main === undefined) continue;
    // The main document's kind from its content type, as Office decides it: a real Word document
    // renamed .xlsx points to word/document.xml here, which is no workbook.
    const type = readContentTypes()?.get(main.name.toLowerCase());
    const foreign = type !== undefined ? foreignMainKind(type) : /^word\//i.test(main.name) ? 'docx' : /^ppt\//i.test(main.name) ? 'pptx' : null;
    if (foreign !== null) return fail([...findings, F.notXlsx(ctx, foreign)]);
    workbookEntry = main;
    break;
  }
  if (workbookEntry === undefined) {
    const types = readContentTypes();
    if (types === null && contentTypesFailure !== undefined) return fail([...findings, contentTypesFailure]);
    if (types !== null) {
      for (const [part, type] of types) {
        if (!isWorkbookContentType(type)) continue;
        workbookEntry = pkg.find(part);
        if (workbookEntry !== undefined) break;
      }
    }
  }
  workbookEntry ??= pkg.find('xl/workbook.xml');
  if (workbookEntry === undefined) {
    const kind = pkg.find('xl/workbook.bin') !== undefined
      ? 'xlsb'
      : pkg.find('word/document.xml') !== undefined
        ? 'docx'
        : pkg.find('ppt/presentation.xml') !== undefined
          ? 'pptx'
          : pkg.find('content.xml') !== undefined && pkg.find('mimetype') !== undefined
            ? 'ods'
            : null;
    if (kind !== null) return fail([...findings, F.notXlsx(ctx, kind)]);
    // A zip of report files renamed to .xlsx: name the workbooks inside so the officer can unzip it.
    const inner = pkg.names().filter((name) => /\.(xlsx|xlsm|xls)$/i.test(name));
    return fail([...findings, F.noWorkbook(ctx, pkg.size === 0, inner)]);
  }
  if (workbookEntry.name.toLowerCase().endsWith('.bin')) return fail([...findings, F.notXlsx(ctx, 'xlsb')]);
  const workbookPart = workbookEntry.name;

  // 4. The workbook itself and its relationships.
  const wbRead = parseSharedPart(workbookEntry, 'workbook', () => {
    const value: WorkbookInfo = { sheets: [], definedNames: [], date1904: false };
    return { handlers: workbookHandlers(value), value };
  });
  const wbOutcome = wbRead.outcome;
  if (wbOutcome.status === 'fatal' || wbOutcome.status === 'broken') return fail([...findings, wbOutcome.finding]);
  const info: WorkbookInfo = wbRead.value;
  let wbRels: readonly Relationship[] = [];
  const wbRelsEntry = pkg.find(relsPartFor(workbookPart));
  if (wbRelsEntry !== undefined) {
    const read = parseSharedPart(wbRelsEntry, 'rels', () => {
      const value: Relationship[] = [];
      return { handlers: relationshipsHandlers(value), value };
    });
    const outcome = read.outcome;
    if (outcome.status === 'fatal') return fail([...findings, outcome.finding]);
    if (outcome.status === 'broken') findings.push(asWarning(outcome.finding));
    wbRels = read.value;
  }
  const relById = new Map(wbRels.map((r) => [r.id, r]));
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  /** A relationship target from the workbook; falls back to a package-root reading (a common writer bug). */
  const findTarget = (target: string): ZipEntry | undefined =>
    pkg.find(resolveTarget(workbookPart, target)) ?? pkg.find(resolveTarget('', target));
  const partOfType = (kind: string, fallback: string): ZipEntry | undefined => {
    for (const rel of wbRels) {
      if (rel.external || !isRelType(rel.type, kind)) continue;
      const entry = findTarget(rel.target);
      if (entry !== undefined) return entry;
    }
    return pkg.find(folder + fallback);
  };

  // 5. Which sheets, in which parts.
  const NOT_WORKSHEETS = ['chartsheet', 'dialogsheet', 'xlMacrosheet', 'xlIntlMacrosheet'];
  const selected: { index: number; entry: ZipEntry }[] = [];
  let worksheetCount = 0;
  info.sheets.forEach((sheet, index) => {
    const rel = relById.get(sheet.relId);
    if (rel !== undefined && NOT_WORKSHEETS.some((kind) => isRelType(rel.type, kind))) return;
    worksheetCount++;
    if (options.sheets !== undefined && !options.sheets(sheet.name, index, info.definedNames)) return;
    let entry: ZipEntry | undefined;
    if (rel !== undefined && !rel.external) entry = findTarget(rel.target);
    else if (rel === undefined) entry = pkg.find(`${folder}worksheets/sheet${sheet.sheetId || index + 1}.xml`);
    if (entry === undefined) {
      findings.push(F.sheetPartMissing(ctx, sheet.name, rel === undefined ? `no relationship "${sheet.relId}"` : `no part "${rel.target}"`));
      return;
    }
    selected.push({ index, entry });
  });

  const sstEntry = partOfType('sharedStrings', 'sharedStrings.xml');
  const stylesEntry = partOfType('styles', 'styles.xml');

  // 6. Every limit checked on declared sizes before the big parts are inflated.
  const planned = [sstEntry, stylesEntry, ...selected.map((s) => s.entry)].filter((e): e is ZipEntry => e !== undefined);
  const tooBig = pkg.precheck(planned);
  if (tooBig !== null) return fail([...findings, tooBig]);

  // 7. Shared strings and styles.
  const sharedStrings: string[] = [];
  if (sstEntry !== undefined && selected.length > 0) {
    const outcome = parsePart(sstEntry, sharedStringsHandlers(sharedStrings));
    if (outcome.status === 'fatal' || outcome.status === 'broken') return fail([...findings, outcome.finding]);
  }
  let cellXfs: Styles['cellXfs'] = [];
  if (stylesEntry !== undefined && selected.length > 0) {
    const read = parseSharedPart(stylesEntry, 'styles', () => {
      const value: Styles = { cellXfs: [] };
      return { handlers: stylesHandlers(value), value };
    });
    const outcome = read.outcome;
    if (outcome.status === 'fatal') return fail([...findings, outcome.finding]);
    if (outcome.status === 'broken') findings.push(asWarning(outcome.finding));
    else cellXfs = read.value.cellXfs;
  }

  // 8. The selected worksheets.
  const sheets: Sheet[] = [];
  const gridIndexOf = new Map<number, number>();
  for (const { index, entry } of selected) {
    const meta = info.sheets[index];
    if (meta === undefined) continue;
    const parser = sheetHandlers({
      ctx,
      sheetName: meta.name,
      sharedStrings,
      cellXfs,
      maxCells: limits.maxCellsPerSheet,
    });
    const outcome = parsePart(entry, parser.handlers, meta.name);
    if (outcome.status === 'fatal') return fail([...findings, outcome.finding]);
    if (outcome.status === 'broken') {
      findings.push({ ...outcome.finding, sheet: meta.name });
      continue;
    }
    findings.push(...parser.finish());
    gridIndexOf.set(index, sheets.length);
    sheets.push({ name: meta.name, state: meta.state, ...parser.data });
  }

  if (sheets.length === 0 && (worksheetCount === 0 || selected.length > 0 || findings.some((f) => f.code === F.READ_CODES.sheetPartMissing))) {
    return fail([...findings, F.noSheets(ctx)]);
  }

  // 9. Defined names, with local scope re-pointed at Grid.sheets.
  const definedNames: DefinedName[] = [];
  for (const dn of info.definedNames) {
    if (dn.localSheetId === undefined) {
      definedNames.push({ name: dn.name, ref: dn.ref });
      continue;
    }
    const local = gridIndexOf.get(dn.localSheetId);
    if (local !== undefined) definedNames.push({ name: dn.name, ref: dn.ref, localSheet: local });
  }

  return ok({ sheets, definedNames, date1904: info.date1904 }, findings);
}
