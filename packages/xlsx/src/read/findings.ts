/**
 * Every finding the OOXML reader can produce, in one place: stable codes and bilingual messages
 * (Vietnamese for officers, with how to fix; English for developers, naming the limit key).
 * All are built with core's `makeFinding`, which keeps the Vietnamese in NFC.
 */
import { makeFinding } from '@cchc-kpi/core';
import type { Finding } from '@cchc-kpi/core';

/** Codes of reader findings (stable; the CLI's JSON output and tests rely on them). */
export const READ_CODES = {
  fileEmpty: 'file-empty',
  fileTooLarge: 'file-too-large',
  encryptedOrLegacy: 'encrypted-or-legacy',
  fileEncrypted: 'file-encrypted',
  notXlsx: 'not-xlsx',
  zipTruncated: 'zip-truncated',
  zipCorrupt: 'zip-corrupt',
  zipTooManyEntries: 'zip-too-many-entries',
  zipUnsupported: 'zip-unsupported',
  zipBombRatio: 'zip-compression-ratio',
  zipSizeMismatch: 'zip-size-mismatch',
  uncompressedTooLarge: 'uncompressed-too-large',
  noWorkbook: 'no-workbook',
  noSheets: 'no-sheets',
  xmlDoctype: 'xml-doctype',
  xmlMalformed: 'xml-malformed',
  cellsLimit: 'cells-limit-exceeded',
  sheetPartMissing: 'sheet-part-missing',
  sharedStringMissing: 'shared-string-missing',
  cellRefInvalid: 'cell-ref-invalid',
  cellBadNumber: 'cell-bad-number',
  internalError: 'read-internal-error',
} as const;

/** Context every reader finding carries. */
export interface FindingContext {
  file?: string;
}

function fileVi(ctx: FindingContext): string {
  return ctx.file === undefined ? 'Tệp' : `Tệp "${ctx.file}"`;
}
function fileEn(ctx: FindingContext): string {
  return ctx.file === undefined ? 'The file' : `File "${ctx.file}"`;
}
function ofFileVi(ctx: FindingContext): string {
  return ctx.file === undefined ? 'của tệp' : `của tệp "${ctx.file}"`;
}
function ofFileEn(ctx: FindingContext): string {
  return ctx.file === undefined ? 'of the file' : `of file "${ctx.file}"`;
}

/** Byte count for people: `12,5 MiB` (vi) / `12.5 MiB` (en). */
export function formatBytes(n: number, lang: 'vi' | 'en'): string {
  const units = ['byte', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) (v /= 1024), u++;
  const text = u === 0 ? String(v) : v.toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text} ${units[u]}`;
}

const SAVE_AS_XLSX_VI = 'mở tệp trong Excel và lưu lại dưới dạng "Sổ làm việc Excel (*.xlsx)" (Tệp › Lưu thành)';
const SAVE_AS_XLSX_EN = 'open it in Excel and save it as "Excel Workbook (*.xlsx)" (File › Save As)';
const RESAVE_VI = 'Hãy mở tệp trong Excel rồi lưu lại, hoặc đề nghị đơn vị gửi lại tệp.';
const RESAVE_EN = 'Open and re-save it in Excel, or ask the unit to send it again.';

/** Error `file-empty`: the input has no bytes. */
export function fileEmpty(ctx: FindingContext): Finding {
  return makeFinding(
    'error',
    READ_CODES.fileEmpty,
    {
      vi: `${fileVi(ctx)} rỗng (0 byte), không có dữ liệu để đọc. Hãy đề nghị đơn vị gửi lại tệp báo cáo.`,
      en: `${fileEn(ctx)} is empty (0 bytes); there is nothing to read. Ask the unit to send the report again.`,
    },
    ctx,
  );
}

/** Error `file-too-large`: `size` bytes exceed `limit` (ReadLimits.maxFileBytes). */
export function fileTooLarge(ctx: FindingContext, size: number, limit: number): Finding {
  return makeFinding(
    'error',
    READ_CODES.fileTooLarge,
    {
      vi: `${fileVi(ctx)} có dung lượng ${formatBytes(size, 'vi')}, vượt giới hạn ${formatBytes(limit, 'vi')} nên không được đọc. Hãy xóa các trang tính, hình ảnh không cần thiết rồi lưu lại, hoặc tách thành nhiều tệp.`,
      en: `${fileEn(ctx)} is ${formatBytes(size, 'en')}, over the ${formatBytes(limit, 'en')} limit (maxFileBytes); not read. Remove unneeded sheets and pictures and save again, or split the file.`,
    },
    ctx,
  );
}

/** What an OLE/CFB container holds, guessed from its stream names. */
export type OleKind = 'encrypted' | 'legacy' | 'unknown';

/** Error `encrypted-or-legacy`: an OLE/CFB container (password-protected .xlsx or .xls/.et), with how to fix. */
export function encryptedOrLegacy(ctx: FindingContext, kind: OleKind): Finding {
  const message =
    kind === 'encrypted'
      ? {
          vi: `${fileVi(ctx)} là tệp Excel được bảo vệ bằng mật khẩu (đã mã hóa) nên không đọc được. Cách khắc phục: mở tệp trong Excel, vào Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu rồi lưu lại.`,
          en: `${fileEn(ctx)} is a password-protected (encrypted) Excel workbook and cannot be read. To fix: open it in Excel, go to File › Info › Protect Workbook › Encrypt with Password, clear the password and save.`,
        }
      : kind === 'legacy'
        ? {
            vi: `${fileVi(ctx)} là tệp Excel đời cũ (.xls, Excel 97–2003, hoặc .et của WPS), không phải .xlsx. Cách khắc phục: ${SAVE_AS_XLSX_VI}.`,
            en: `${fileEn(ctx)} is an old-format Excel workbook (.xls, Excel 97–2003, or WPS .et), not .xlsx. To fix: ${SAVE_AS_XLSX_EN}.`,
          }
        : {
            vi: `${fileVi(ctx)} là tệp .xlsx được bảo vệ bằng mật khẩu hoặc tệp Excel đời cũ (.xls). Cách khắc phục: gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc), hoặc ${SAVE_AS_XLSX_VI}.`,
            en: `${fileEn(ctx)} is a password-protected .xlsx or an old .xls workbook. To fix: remove the password (File › Info › Protect Workbook), or ${SAVE_AS_XLSX_EN}.`,
          };
  return makeFinding('error', READ_CODES.encryptedOrLegacy, message, ctx);
}

/**
 * Error `file-encrypted`: an .ods or .xls with a password to open (see read/encryption.ts), in
 * both languages with how to remove the password in the program that made it. (An encrypted
 * .xlsx is `encrypted-or-legacy`, kind `encrypted`.)
 */
export function encryptedFile(ctx: FindingContext, kind: 'odf' | 'biff'): Finding {
  const message =
    kind === 'odf'
      ? {
          vi: `${fileVi(ctx)} là bảng tính OpenDocument (.ods) được đặt mật khẩu để mở (đã mã hóa) nên không đọc được. Cách gỡ mật khẩu: mở tệp bằng LibreOffice (nhập mật khẩu), chọn Tệp › Lưu thành…, chọn kiểu "Excel 2007-365 (.xlsx)", bỏ chọn "Lưu với mật khẩu" rồi lưu; hoặc đề nghị đơn vị gửi lại tệp không đặt mật khẩu.`,
          en: `${fileEn(ctx)} is an OpenDocument spreadsheet (.ods) with a password to open (encrypted) and cannot be read. To remove the password: open it in LibreOffice (enter the password), choose File › Save As…, pick "Excel 2007-365 (.xlsx)", untick "Save with password" and save; or ask the unit to send it again without a password.`,
        }
      : {
          vi: `${fileVi(ctx)} là tệp Excel đời cũ (.xls) được đặt mật khẩu để mở (đã mã hóa) nên không đọc được. Cách gỡ mật khẩu: mở tệp trong Excel (nhập mật khẩu), vào Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu rồi lưu thành "Sổ làm việc Excel (*.xlsx)" (trong LibreOffice: Tệp › Lưu thành…, bỏ chọn "Lưu với mật khẩu"); hoặc đề nghị đơn vị gửi lại tệp không đặt mật khẩu.`,
          en: `${fileEn(ctx)} is an old-format Excel workbook (.xls) with a password to open (encrypted) and cannot be read. To remove the password: open it in Excel (enter the password), go to File › Info › Protect Workbook › Encrypt with Password, clear the password and save it as "Excel Workbook (*.xlsx)" (in LibreOffice: File › Save As…, untick "Save with password"); or ask the unit to send it again without a password.`,
        };
  return makeFinding('error', READ_CODES.fileEncrypted, message, ctx);
}

/** What a non-xlsx input looks like. */
export type ForeignKind = 'pdf' | 'html' | 'ods' | 'docx' | 'pptx' | 'doc' | 'ppt' | 'xlsb' | 'unknown';

/** Error `not-xlsx`: some other format (PDF, HTML, ODS, Word .docx/.doc, PowerPoint .pptx/.ppt, .xlsb, unknown), with what to send instead. */
export function notXlsx(ctx: FindingContext, kind: ForeignKind): Finding {
  const messages: Record<ForeignKind, { vi: string; en: string }> = {
    pdf: {
      vi: `${fileVi(ctx)} là tệp PDF, không phải bảng tính Excel. Hãy đề nghị đơn vị gửi tệp Excel (.xlsx) của báo cáo.`,
      en: `${fileEn(ctx)} is a PDF, not an Excel workbook. Ask the unit for the report's Excel (.xlsx) file.`,
    },
    html: {
      vi: `${fileVi(ctx)} là trang HTML/XML được đặt đuôi Excel (thường do phần mềm xuất ra), không phải tệp .xlsx. Cách khắc phục: ${SAVE_AS_XLSX_VI}.`,
      en: `${fileEn(ctx)} is an HTML/XML page with an Excel extension (often exported by software), not an .xlsx. To fix: ${SAVE_AS_XLSX_EN}.`,
    },
    ods: {
      vi: `${fileVi(ctx)} là bảng tính OpenDocument (.ods), không phải .xlsx. Cách khắc phục: mở tệp trong LibreOffice hoặc Excel và lưu lại dưới dạng .xlsx.`,
      en: `${fileEn(ctx)} is an OpenDocument spreadsheet (.ods), not an .xlsx. To fix: open it in LibreOffice or Excel and save it as .xlsx.`,
    },
    docx: {
      vi: `${fileVi(ctx)} là văn bản Word, không phải bảng tính Excel. Hãy đề nghị đơn vị gửi tệp Excel (.xlsx) của báo cáo.`,
      en: `${fileEn(ctx)} is a Word document, not an Excel workbook. Ask the unit for the report's Excel (.xlsx) file.`,
    },
    pptx: {
      vi: `${fileVi(ctx)} là bản trình chiếu PowerPoint, không phải bảng tính Excel. Hãy đề nghị đơn vị gửi tệp Excel (.xlsx) của báo cáo.`,
      en: `${fileEn(ctx)} is a PowerPoint presentation, not an Excel workbook. Ask the unit for the report's Excel (.xlsx) file.`,
    },
    doc: {
      vi: `${fileVi(ctx)} là văn bản Word (.doc, Word 97–2003), không phải bảng tính Excel. Hãy đề nghị đơn vị gửi tệp Excel (.xlsx) của báo cáo.`,
      en: `${fileEn(ctx)} is a Word 97–2003 document (.doc), not an Excel workbook. Ask the unit for the report's Excel (.xlsx) file.`,
    },
    ppt: {
      vi: `${fileVi(ctx)} là bản trình chiếu PowerPoint (.ppt, PowerPoint 97–2003), không phải bảng tính Excel. Hãy đề nghị đơn vị gửi tệp Excel (.xlsx) của báo cáo.`,
      en: `${fileEn(ctx)} is a PowerPoint 97–2003 presentation (.ppt), not an Excel workbook. Ask the unit for the report's Excel (.xlsx) file.`,
    },
    xlsb: {
      vi: `${fileVi(ctx)} là sổ làm việc nhị phân Excel (.xlsb), chưa được hỗ trợ. Cách khắc phục: ${SAVE_AS_XLSX_VI}.`,
      en: `${fileEn(ctx)} is an Excel binary workbook (.xlsb), which is not supported. To fix: ${SAVE_AS_XLSX_EN}.`,
    },
    unknown: {
      vi: `${fileVi(ctx)} không phải tệp Excel .xlsx (không nhận dạng được định dạng). Hãy đề nghị đơn vị gửi tệp .xlsx của báo cáo.`,
      en: `${fileEn(ctx)} is not an Excel .xlsx file (format not recognised). Ask the unit for the report's .xlsx file.`,
    },
  };
  return makeFinding('error', READ_CODES.notXlsx, messages[kind], ctx);
}

/** Error `zip-truncated`: starts like a zip but its central directory is missing (cut download). */
export function zipTruncated(ctx: FindingContext): Finding {
  return makeFinding(
    'error',
    READ_CODES.zipTruncated,
    {
      vi: `${fileVi(ctx)} bị hỏng hoặc chưa được tải về đầy đủ (phần cuối của tệp nén .xlsx bị mất). Hãy tải lại tệp hoặc đề nghị đơn vị gửi lại.`,
      en: `${fileEn(ctx)} is damaged or incompletely downloaded (the end of the .xlsx zip is missing). Download it again or ask the unit to resend it.`,
    },
    ctx,
  );
}

/** Error `zip-corrupt`: the zip structure, or one `part` of it, cannot be unzipped (`detail` in English). */
export function zipCorrupt(ctx: FindingContext, detail: string, part?: string): Finding {
  const where = part === undefined ? '' : ` "${part}"`;
  return makeFinding(
    'error',
    READ_CODES.zipCorrupt,
    {
      vi: `${fileVi(ctx)} bị hỏng: không giải nén được${part === undefined ? ' cấu trúc tệp' : ` phần${where}`} (${detail}). ${RESAVE_VI}`,
      en: `${fileEn(ctx)} is damaged: could not unzip ${part === undefined ? 'its structure' : `part${where}`} (${detail}). ${RESAVE_EN}`,
    },
    ctx,
  );
}

/** Error `zip-too-many-entries`: `count` entries exceed `limit` (ReadLimits.maxZipEntries). */
export function zipTooManyEntries(ctx: FindingContext, count: number, limit: number): Finding {
  return makeFinding(
    'error',
    READ_CODES.zipTooManyEntries,
    {
      vi: `${fileVi(ctx)} chứa ${count} thành phần nén, vượt giới hạn ${limit}; tệp có dấu hiệu bất thường nên không được đọc. ${RESAVE_VI}`,
      en: `${fileEn(ctx)} holds ${count} zip entries, over the limit of ${limit} (maxZipEntries); not read. ${RESAVE_EN}`,
    },
    ctx,
  );
}

/** Error `zip-unsupported`: a part uses a compression method or zip-level encryption we do not read. */
export function zipUnsupported(ctx: FindingContext, part: string, detail: string): Finding {
  return makeFinding(
    'error',
    READ_CODES.zipUnsupported,
    {
      vi: `Phần "${part}" ${ofFileVi(ctx)} dùng kiểu nén hoặc mã hóa không được hỗ trợ (${detail}). ${RESAVE_VI}`,
      en: `Part "${part}" ${ofFileEn(ctx)} uses an unsupported compression or encryption (${detail}). ${RESAVE_EN}`,
    },
    ctx,
  );
}

/** Error `zip-compression-ratio`: a part declares `ratio`:1, over `limit`:1 (ReadLimits.maxCompressionRatio). */
export function zipBombRatio(ctx: FindingContext, part: string, ratio: number, limit: number): Finding {
  const r = Math.round(ratio);
  return makeFinding(
    'error',
    READ_CODES.zipBombRatio,
    {
      vi: `Phần "${part}" ${ofFileVi(ctx)} có tỉ lệ nén ${r}:1, vượt giới hạn ${limit}:1 (dấu hiệu "bom nén"); tệp không được đọc.`,
      en: `Part "${part}" ${ofFileEn(ctx)} has a compression ratio of ${r}:1, over the ${limit}:1 limit (maxCompressionRatio; a zip-bomb sign); not read.`,
    },
    ctx,
  );
}

/** Error `zip-size-mismatch`: a part inflates beyond the `declared` size (a lying directory). */
export function zipSizeMismatch(ctx: FindingContext, part: string, declared: number): Finding {
  return makeFinding(
    'error',
    READ_CODES.zipSizeMismatch,
    {
      vi: `Phần "${part}" ${ofFileVi(ctx)} giải nén ra nhiều hơn kích thước khai báo (${formatBytes(declared, 'vi')}); tệp có dấu hiệu bị làm giả ("bom nén") nên không được đọc.`,
      en: `Part "${part}" ${ofFileEn(ctx)} inflates beyond its declared size (${formatBytes(declared, 'en')}), a zip-bomb sign; not read.`,
    },
    ctx,
  );
}

/** Error `uncompressed-too-large`: the parts to read total `total` bytes, over `limit` (ReadLimits.maxTotalUncompressedBytes). */
export function uncompressedTooLarge(ctx: FindingContext, total: number, limit: number): Finding {
  return makeFinding(
    'error',
    READ_CODES.uncompressedTooLarge,
    {
      vi: `Các phần cần đọc ${ofFileVi(ctx)} khi giải nén có dung lượng ${formatBytes(total, 'vi')}, vượt giới hạn ${formatBytes(limit, 'vi')}; tệp không được đọc. Hãy xóa các trang tính không cần thiết hoặc tách thành nhiều tệp.`,
      en: `The parts to read ${ofFileEn(ctx)} inflate to ${formatBytes(total, 'en')}, over the ${formatBytes(limit, 'en')} limit (maxTotalUncompressedBytes); not read. Remove unneeded sheets or split the file.`,
    },
    ctx,
  );
}

/**
 * Error `no-workbook`: a zip with no workbook part (`emptyZip`: no entries at all). `inner` lists
 * workbook files stored inside the zip (a zipped report renamed to .xlsx); at most three are named.
 */
export function noWorkbook(ctx: FindingContext, emptyZip: boolean, inner: readonly string[] = []): Finding {
  if (!emptyZip && inner.length > 0) {
    const shown = inner.slice(0, 3).map((name) => `"${name}"`).join(', ');
    const more = inner.length > 3 ? ` (+${inner.length - 3})` : '';
    return makeFinding(
      'error',
      READ_CODES.noWorkbook,
      {
        vi: `${fileVi(ctx)} là tệp nén (.zip) chứa tệp Excel bên trong (${shown}${more}), không phải một tệp .xlsx. Hãy giải nén rồi kiểm tra từng tệp bên trong.`,
        en: `${fileEn(ctx)} is a .zip archive holding Excel files (${shown}${more}), not an .xlsx itself. Unzip it and check the files inside.`,
      },
      ctx,
    );
  }
  return makeFinding(
    'error',
    READ_CODES.noWorkbook,
    emptyZip
      ? {
          vi: `${fileVi(ctx)} là tệp nén rỗng, không chứa sổ làm việc Excel. Hãy đề nghị đơn vị gửi lại tệp .xlsx của báo cáo.`,
          en: `${fileEn(ctx)} is an empty zip with no Excel workbook in it. Ask the unit to send the report's .xlsx again.`,
        }
      : {
          vi: `${fileVi(ctx)} là tệp nén nhưng không chứa sổ làm việc Excel (không có xl/workbook.xml). Hãy đề nghị đơn vị gửi đúng tệp .xlsx của báo cáo.`,
          en: `${fileEn(ctx)} is a zip but holds no Excel workbook (no xl/workbook.xml). Ask the unit for the report's actual .xlsx file.`,
        },
    ctx,
  );
}

/** Error `no-sheets`: the workbook has no worksheet that could be read. */
export function noSheets(ctx: FindingContext): Finding {
  return makeFinding(
    'error',
    READ_CODES.noSheets,
    {
      vi: `${fileVi(ctx)} không có trang tính nào đọc được. ${RESAVE_VI}`,
      en: `${fileEn(ctx)} has no readable worksheet. ${RESAVE_EN}`,
    },
    ctx,
  );
}

/** Error `xml-doctype`: a part declares a DOCTYPE/ENTITY (entity-expansion attack); the file is refused. */
export function xmlDoctype(ctx: FindingContext, part: string): Finding {
  return makeFinding(
    'error',
    READ_CODES.xmlDoctype,
    {
      vi: `Phần "${part}" ${ofFileVi(ctx)} chứa khai báo DOCTYPE/ENTITY, điều không bao giờ có trong tệp Excel thật (dấu hiệu tấn công kiểu "XML bomb"); tệp không được đọc.`,
      en: `Part "${part}" ${ofFileEn(ctx)} declares a DOCTYPE/ENTITY, which real Excel files never do (an XML-bomb sign); not read.`,
    },
    ctx,
  );
}

/** `xml-malformed` (error or warning): a part is not well-formed XML; `detail` is the parser's message. */
export function xmlMalformed(
  ctx: FindingContext,
  part: string,
  detail: string,
  severity: 'error' | 'warning',
  sheet?: string,
): Finding {
  return makeFinding(
    severity,
    READ_CODES.xmlMalformed,
    {
      vi: `Phần "${part}" ${ofFileVi(ctx)} có lỗi cấu trúc XML (${detail}); dữ liệu có thể bị đọc thiếu. ${RESAVE_VI}`,
      en: `Part "${part}" ${ofFileEn(ctx)} is not well-formed XML (${detail}); data may be incomplete. ${RESAVE_EN}`,
    },
    sheet === undefined ? ctx : { ...ctx, sheet },
  );
}

/** Error `cells-limit-exceeded`: a sheet has more than `limit` non-blank cells (ReadLimits.maxCellsPerSheet); `cell` is the first one skipped. */
export function cellsLimit(ctx: FindingContext, sheet: string, limit: number, cell: string): Finding {
  return makeFinding(
    'error',
    READ_CODES.cellsLimit,
    {
      vi: `Trang tính "${sheet}" có hơn ${limit} ô có dữ liệu, vượt giới hạn; chỉ đọc ${limit} ô đầu tiên, từ ô ${cell} trở đi bị bỏ qua. Hãy xóa dữ liệu thừa hoặc tách thành nhiều tệp.`,
      en: `Sheet "${sheet}" has more than ${limit} non-blank cells (maxCellsPerSheet); only the first ${limit} were read, from cell ${cell} on the rest was skipped.`,
    },
    { ...ctx, sheet, cell },
  );
}

/** Warning `sheet-part-missing`: a sheet listed in the workbook has no readable part. */
export function sheetPartMissing(ctx: FindingContext, sheet: string, detail: string): Finding {
  return makeFinding(
    'warning',
    READ_CODES.sheetPartMissing,
    {
      vi: `Không tìm thấy dữ liệu của trang tính "${sheet}" trong tệp (${detail}); trang này bị bỏ qua.`,
      en: `The data of sheet "${sheet}" is missing from the file (${detail}); the sheet was skipped.`,
    },
    { ...ctx, sheet },
  );
}

function more(count: number, lang: 'vi' | 'en'): string {
  if (count <= 1) return '';
  return lang === 'vi' ? ` (cùng ${count - 1} ô khác)` : ` (and ${count - 1} more cells)`;
}

/** Warning `shared-string-missing`: `cell` (and `count` − 1 others) point past the shared-string table. */
export function sharedStringMissing(ctx: FindingContext, sheet: string, cell: string, index: string, count: number): Finding {
  return makeFinding(
    'warning',
    READ_CODES.sharedStringMissing,
    {
      vi: `Ô ${cell}${more(count, 'vi')} của trang "${sheet}" trỏ tới chuỗi dùng chung số ${index} không có trong tệp; ô được coi là trống.`,
      en: `Cell ${cell}${more(count, 'en')} of sheet "${sheet}" points to shared string ${index}, which the file lacks; read as blank.`,
    },
    { ...ctx, sheet, cell },
  );
}

/** Warning `cell-ref-invalid`: an `r=` attribute is not an A1 reference; `used` is the position inferred from order. */
export function cellRefInvalid(ctx: FindingContext, sheet: string, ref: string, used: string, count: number): Finding {
  return makeFinding(
    'warning',
    READ_CODES.cellRefInvalid,
    {
      vi: `Trang "${sheet}" có tham chiếu ô không hợp lệ "${ref}"${more(count, 'vi')}; vị trí được suy ra từ thứ tự ô (${used}).`,
      en: `Sheet "${sheet}" has an invalid cell reference "${ref}"${more(count, 'en')}; the position was inferred from cell order (${used}).`,
    },
    { ...ctx, sheet, cell: used },
  );
}

/** Warning `cell-bad-number`: a numeric cell holds non-numeric `text` (kept as text). */
export function cellBadNumber(ctx: FindingContext, sheet: string, cell: string, text: string, count: number): Finding {
  return makeFinding(
    'warning',
    READ_CODES.cellBadNumber,
    {
      vi: `Ô ${cell}${more(count, 'vi')} của trang "${sheet}" được lưu là số nhưng chứa "${text}"; giữ nguyên dạng chữ.`,
      en: `Cell ${cell}${more(count, 'en')} of sheet "${sheet}" is stored as a number but holds "${text}"; kept as text.`,
    },
    { ...ctx, sheet, cell },
  );
}

/** Error `read-internal-error`: an unexpected exception (a bug), turned into a finding so one file never stops a batch. */
export function internalError(ctx: FindingContext, detail: string): Finding {
  return makeFinding(
    'error',
    READ_CODES.internalError,
    {
      vi: `Lỗi nội bộ khi đọc ${ctx.file === undefined ? 'tệp' : `tệp "${ctx.file}"`} (${detail}). Vui lòng báo cho bộ phận kỹ thuật, kèm theo tệp này.`,
      en: `Internal error while reading ${ctx.file === undefined ? 'the file' : `file "${ctx.file}"`} (${detail}). Please report it with the file attached.`,
    },
    ctx,
  );
}
