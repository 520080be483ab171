/**
 * `xl/workbook.xml`: sheet names, order, visibility and relationship ids; the 1904 date system;
 * defined names.
 */
import type { SheetState } from '@cchc-kpi/core';
import type { XmlHandlers } from './xml.ts';
import { attrByLocalName } from './xml.ts';

/** One `<sheet>` entry, in workbook (tab) order. */
export interface WorkbookSheet {
  name: string;
  state: SheetState;
  /** `r:id`: the relationship (in the workbook's rels) that points at the sheet's part. */
  relId: string;
  /** `sheetId` attribute (stable id, not the position); 0 when absent. */
  sheetId: number;
}

/** A `<definedName>` as written; `localSheetId` indexes the workbook's sheet list. */
export interface WorkbookDefinedName {
  name: string;
  ref: string;
  localSheetId?: number;
}

/** What `workbook.xml` says. */
export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  definedNames: WorkbookDefinedName[];
  /** `workbookPr/@date1904` is `1` or `true`. */
  date1904: boolean;
}

function parseState(value: string | undefined): SheetState {
  if (value === 'hidden') return 'hidden';
  if (value === 'veryHidden') return 'veryHidden';
  return 'visible';
}

/** True for the XML Schema boolean `true`/`1` (case-insensitive, spaces trimmed). */
export function xmlBoolean(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  return v === '1' || v === 'true';
}

/** XML handlers filling `out` from `workbook.xml` (local names, so `x:` prefixes and Strict work). */
export function workbookHandlers(out: WorkbookInfo): XmlHandlers {
  let current: WorkbookDefinedName | null = null;
  return {
    open(name, attrs) {
      switch (name) {
        case 'workbookPr':
          out.date1904 = xmlBoolean(attrs['date1904']);
          return;
        case 'sheet': {
          const id = Number.parseInt(attrs['sheetId'] ?? '', 10);
          out.sheets.push({
            name: attrs['name'] ?? '',
            state: parseState(attrs['state']),
            relId: attrByLocalName(attrs, 'id') ?? '',
            sheetId: Number.isFinite(id) ? id : 0,
          });
          return;
        }
        case 'definedName': {
          current = { name: attrs['name'] ?? '', ref: '' };
          const local = attrs['localSheetId'];
          if (local !== undefined && /^\s*\d+\s*$/.test(local)) current.localSheetId = Number(local);
          return;
        }
        case 'sheets':
        case 'definedNames':
        case 'workbook':
          return;
        default:
          // bookViews, calcPr, extLst, fileRecoveryPr, …: nothing we need inside.
          return true;
      }
    },
    close(name) {
      if (name === 'definedName' && current !== null) {
        out.definedNames.push(current);
        current = null;
      }
    },
    text(text) {
      if (current !== null) current.ref += text;
    },
  };
}
