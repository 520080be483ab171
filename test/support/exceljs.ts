/**
 * exceljs for the cross-package tests, which build their fixture workbooks with it. The test
 * package does not depend on exceljs itself; it is loaded from the examples package, which does
 * (the same exceljs 4.4.0 the project writes workbooks with). Only the few members the tests use
 * are typed here.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { repoRoot } from './cli.ts';

/** A cell as the tests set it: value (number, string, Date, `{ formula, result }`), font, number format. */
export interface XCell {
  value: unknown;
  font: { name?: string; bold?: boolean; size?: number };
  numFmt: string;
}

/** A worksheet: cells by A1, merges, visibility. */
export interface XSheet {
  getCell(ref: string): XCell;
  mergeCells(range: string): void;
  state: 'visible' | 'hidden' | 'veryHidden';
}

/** A workbook: sheets, the 1904 date system flag, and .xlsx output. */
export interface XWorkbook {
  addWorksheet(name: string): XSheet;
  properties: { date1904?: boolean };
  xlsx: { writeBuffer(): Promise<ArrayBuffer> };
}

/** The exceljs module. */
export const ExcelJS = createRequire(resolve(repoRoot, 'examples/package.json'))('exceljs') as { Workbook: new () => XWorkbook };
