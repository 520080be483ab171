/**
 * Browser entry of the fake Office.js for the end-to-end test: served in place of Microsoft's
 * CDN script, it installs `Office` and `Excel` over an empty in-memory workbook and exposes the
 * workbook (`__fakeWorkbook`) and the counters (`__fakeStats`) to the test. The ExcelApi version
 * played comes from `window.__fakeOfficeConfig.minor` (default 8), the platform `Office.onReady`
 * reports from its `platform` (default `OfficeOnline`).
 */
import '../../src/compat/polyfills.ts';
import { MemoryWorkbook } from '../../src/office/memory-workbook.ts';
import { createFakeOffice } from './fake-office.ts';

const target = window as unknown as Record<string, unknown>;
const config = (target.__fakeOfficeConfig ?? {}) as { minor?: number; platform?: string };
const workbook = new MemoryWorkbook(['Sheet1']);
const fake = createFakeOffice(workbook, { minor: config.minor ?? 8, ...(config.platform ? { platform: config.platform } : {}) });
target.Office = fake.Office;
target.Excel = fake.Excel;
target.__fakeWorkbook = workbook;
target.__fakeStats = fake.stats;
