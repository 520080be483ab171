import { basename } from 'node:path';
import { reportIdentity, type CheckedReport, type Finding, type Period, type ReportIdentity, type ReportStatus } from '@cchc-kpi/core';
import { readReport, type ReadReportOptions } from '@cchc-kpi/xlsx';
import type { RunContext } from './context.ts';
import { prepareWorkbookBytes } from './io/convert.ts';
import { readInputFile } from './io/read-file.ts';

/** One input file after reading and validation. */
export interface FileOutcome {
  /** File name as shown to the officer (base name). */
  file: string;
  path: string;
  /**
   * `received` (a report that counts: `checked`), `empty` (our form sent back untouched: not a
   * received report), `unreadable` (not found, too large, encrypted, damaged, not a spreadsheet,
   * no table: the findings say why) or `skipped` (a consolidated or feedback workbook cchc wrote).
   */
  status: ReportStatus;
  /** The validated report, for `received` only. */
  checked?: CheckedReport;
  /** Every finding for this file: conversion, reading, validation, the file-name check. */
  findings: Finding[];
  /** The unit and period the file is about: the form's (an untouched form's too), else its name's (`reportIdentity`). */
  identity?: ReportIdentity;
}

/**
 * Reads and validates one report file. The file-system edge — only a regular file, at most
 * `--max-file-size` bytes; .xls/.ods converted through LibreOffice with `--convert` — then the one
 * pipeline (`readReport` of `@cchc-kpi/xlsx`: grid, readers in order with the `--mappings`
 * loaded into the context, `--unit`/`--period` overrides, validation against the plan, the
 * registry and `period`, the file-name check, the empty-form rule). Never throws for bad input;
 * the findings explain.
 */
export async function processFile(path: string, context: RunContext, period?: Period): Promise<FileOutcome> {
  const file = basename(path);
  const unread = (findings: Finding[]): FileOutcome => ({ file, path, status: 'unreadable', findings, identity: reportIdentity(file, context.units) });
  const input = await readInputFile(path, context.limits?.maxFileBytes);
  if ('finding' in input) return unread([input.finding]);
  // .xls/.ods: converted through LibreOffice with --convert, else a finding saying how to convert.
  const prepared = await prepareWorkbookBytes(input.bytes, file, context.read?.convert === true);
  if (!prepared.ok) return unread(prepared.findings);
  const { outcome } = readReport(prepared.bytes, readOptions(context, file, period, prepared.findings));
  const form = outcome.status === 'received' || outcome.status === 'empty' ? outcome.checked : undefined;
  const identity = reportIdentity(file, context.units, form);
  return outcome.status === 'received'
    ? { file, path, status: outcome.status, checked: outcome.checked, findings: outcome.findings, identity }
    : { file, path, status: outcome.status, findings: outcome.findings, identity };
}

/** `readReport`'s options from the run context: plan, registry, limits, overrides, saved mappings. */
export function readOptions(context: RunContext, file: string, period?: Period, before: readonly Finding[] = []): ReadReportOptions {
  const read = context.read ?? {};
  return {
    plan: context.plan,
    units: context.units,
    file,
    ...(context.limits ? { limits: context.limits } : {}),
    ...(period ? { period } : {}),
    ...(read.unit !== undefined ? { unitCode: read.unit } : {}),
    ...(read.period !== undefined ? { periodCode: read.period } : {}),
    ...(context.mappings ? { mappings: context.mappings } : {}),
    ...(before.length > 0 ? { before } : {}),
  };
}
