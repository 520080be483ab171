/**
 * Entry of the Word bundle: a classic script (IIFE, ES2017) that sets `window.CchcWord`
 * (`WORD_GLOBAL`) to the Word writer of `@cchc-kpi/docx`. Built by scripts/word-plugin.ts with
 * docx's ES2018 regular expressions rewritten (scripts/regexp-es2017.ts), and loaded by the pane
 * (load.ts) only when the officer asks for the document, so the pane's own bundle and start-up
 * do not carry `docx`. The polyfills come first, as in every entry: docx's module code uses
 * built-ins EdgeHTML 18 lacks.
 */
import '../compat/polyfills.ts';
import '../compat/word-polyfills.ts';
import { writeConsolidatedReport } from '@cchc-kpi/docx';
import type { WordExport } from './api.ts';

export const consolidatedReport: WordExport['consolidatedReport'] = (result, plan, options) => writeConsolidatedReport(result, plan, options);
