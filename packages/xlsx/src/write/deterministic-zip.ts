/**
 * The deterministic re-zip of an OOXML package lives in core (`@cchc-kpi/core`, zip/), shared by
 * the workbook writers here and the Word writer (`@cchc-kpi/docx`).
 */
export { normalizeZip, zipTimestamp, DEFAULT_ZIP_DATE } from '@cchc-kpi/core';
