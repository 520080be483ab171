/**
 * Fast generation of many filled report forms for the benchmark. One agency form is written with
 * the real template writer and filled with exceljs exactly as an officer's Excel would be (about
 * a hundred activity rows); every further report is that package with its unit code, name,
 * figures, dates and activity counts rewritten in the XML parts, and the package zipped again:
 * the unchanged parts keep their compressed bytes, the four rewritten ones are deflated with
 * Node's zlib (level 6, as Excel's "normal"). About a millisecond per file instead of the ~50 ms
 * an exceljs fill takes, with files of the same shape, size and parts as filled templates.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { hatinh2021, parsePeriod, type Period } from '@cchc-kpi/core';
import { writeTemplate } from '@cchc-kpi/xlsx/write';
import { fillTemplate, type ActivityFill, type ReportFill } from '@cchc-kpi/examples/fill-template';
import { fflate } from './deps.ts';

/** Bump when the generated files change, so cached sets are rebuilt. */
export const GENERATOR_VERSION = 5;
/** The period every generated report is for. */
export const BENCH_PERIOD = '2021-H1';
/** Activity rows per report. */
export const ACTIVITY_ROWS = 100;

const CODE_TOKEN = 'QQCODEQQ';
const NAME_TOKEN = 'QQNAMEQQ';

const IDEAS: Omit<ActivityFill, 'date'>[] = [
  { theme: 'ND3.6', form: 'HT1.2', title: 'Phát thanh chuyên mục CCHC trên hệ thống truyền thanh', quantity: 12 },
  { theme: 'ND7', theme2: 'ND3.6', form: 'HT5', title: 'Hướng dẫn người dân nộp hồ sơ trực tuyến mức độ 3, 4', quantity: 4, participants: 85 },
  { theme: 'ND1', form: 'HT3', title: 'Hội nghị quán triệt Kế hoạch CCHC năm 2021', quantity: 1, participants: 60 },
  { theme: 'ND3.3', form: 'HT2.1', title: 'Cấp phát tờ rơi về cơ chế một cửa, một cửa liên thông', quantity: 500 },
  { theme: 'ND3.2', form: 'HT1.3', title: 'Đăng tin bài về đơn giản hóa TTHC trên Trang TTĐT', quantity: 6 },
  { theme: 'ND4', form: 'HT9', title: 'Lồng ghép CCHC trong Ngày Pháp luật hàng tháng', quantity: 6, participants: 40 },
  { theme: 'ND6', form: 'HT7', title: 'Đối thoại với Nhân dân về thủ tục hành chính', quantity: 1, participants: 120 },
  { theme: 'ND3.7', form: 'HT6', title: 'Tuyên truyền chuyển đổi số trên Zalo, Facebook', quantity: 10 },
  { theme: 'ND3.4', form: 'HT2.2', title: 'Trình chiếu nội dung chỉ số SIPAS trên bảng LED', quantity: 3 },
  { theme: 'ND5', form: 'HT4', title: 'Hội thi tìm hiểu CCHC trong cơ quan', quantity: 1, participants: 150 },
  { theme: 'ND2', form: 'HT8', title: 'Cung cấp thông tin cho báo chí về kết quả CCHC', quantity: 1 },
  { theme: 'ND3.5', form: 'HT3', title: 'Tập huấn kỹ năng giao tiếp cho công chức Bộ phận một cửa', quantity: 1, participants: 25 },
];

/** The synthetic agency at position `i` (0-based): code, name and registry order. */
export function benchUnit(i: number): { code: string; name: string; order: number } {
  return { code: `CQ${String(i + 1).padStart(5, '0')}`, name: `Cơ quan thử nghiệm số ${i + 1}`, order: 1000 + i };
}

/** The registry extension (`--units`) naming the first `n` synthetic agencies, as CSV text. */
export function unitsCsv(n: number): string {
  const lines = ['code,name,kind,order'];
  for (let i = 0; i < n; i++) {
    const u = benchUnit(i);
    lines.push(`${u.code},${u.name},agency,${u.order}`);
  }
  return `${lines.join('\n')}\n`;
}

function baseFill(period: Period): ReportFill {
  const start = Date.parse(`${period.cutoffStart}T00:00:00Z`);
  const activities: ActivityFill[] = Array.from({ length: ACTIVITY_ROWS }, (_, k) => ({
    ...IDEAS[k % IDEAS.length]!,
    date: new Date(start + ((k * 37) % 170) * 86_400_000),
    evidence: `Văn bản số ${100 + k}/UBND ngày 15/01/2021`,
  }));
  return {
    submittedOn: new Date(Date.UTC(2021, 5, 15)),
    indicators: {
      // the indicators that apply to a city department (CT2a is the culture centre's, CT4a the
      // public administration centre's, with the wards' and communes')
      CT1: { numerator: 1, denominator: 1, evidence: 'https://cchc.hatinh.gov.vn' },
      CT3a: { numerator: 400, denominator: 420, evidence: 'trich-xuat-mot-cua-2021-H1.xlsx' },
      CT3b: { numerator: 1, denominator: 1 },
      CT5a: { value: 3 },
      CT5b: { value: 'Có', evidence: 'Báo cáo số 30/BC-UBND ngày 10/6/2021' },
    },
    activities,
  };
}

/** A small deterministic hash for varying figures per unit, row and column. */
function mix(a: number, b: number, c: number): number {
  let h = (a * 73856093) ^ (b * 19349663) ^ (c * 83492791);
  h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
  return (h ^ (h >>> 15)) >>> 0;
}

interface BasePackage {
  parts: Record<string, Uint8Array>;
  sharedStrings: string;
  report: string;
  activities: string;
  core: string;
  names: { sharedStrings: string; report: string; activities: string; core: string };
}

async function basePackage(period: Period): Promise<BasePackage> {
  const template = await writeTemplate(hatinh2021, { code: CODE_TOKEN, name: NAME_TOKEN, kind: 'agency', order: 1000 }, period);
  const filled = await fillTemplate(template.bytes, baseFill(period));
  const parts = fflate.unzipSync(filled);
  const names = {
    sharedStrings: 'xl/sharedStrings.xml',
    report: 'xl/worksheets/sheet1.xml',
    activities: 'xl/worksheets/sheet2.xml',
    core: 'docProps/core.xml',
  };
  const text = (name: string): string => {
    const bytes = parts[name];
    if (!bytes) throw new Error(`The filled form has no part ${name}`);
    return fflate.strFromU8(bytes);
  };
  return { parts, sharedStrings: text(names.sharedStrings), report: text(names.report), activities: text(names.activities), core: text(names.core), names };
}

/** Rewrites the numbers of one report: indicator figures, the form's date and the activities' dates and counts. */
function vary(base: BasePackage, i: number): Record<string, Buffer> {
  const unit = benchUnit(i);
  const swap = (xml: string): string => xml.replaceAll(CODE_TOKEN, unit.code).replaceAll(NAME_TOKEN, unit.name);
  // Indicator rows 12–20, columns F (numerator or value) and G (denominator).
  const report = base.report.replace(/<c r="([FG])(1[2-9]|20)"( s="\d+")?><v>(\d+)<\/v><\/c>/g, (_m, col: string, row: string, s: string | undefined, v: string) => {
    const r = Number(row);
    const n = Number(v);
    let value = n;
    if (n > 1 && col === 'G') value = n + (mix(i, r, 0) % 97);
    else if (n > 1 && col === 'F') {
      // Numerators follow their denominators; one unit in forty types one larger (an error finding).
      const denominator = n + (mix(i, r, 0) % 97);
      value = i % 40 === 7 ? denominator + 3 : denominator - (mix(i, r, 1) % 5);
      if (r === 19) value = 1 + (mix(i, r, 2) % 9); // CT5a, a count
    }
    return `<c r="${col}${row}"${s ?? ''}><v>${value}</v></c>`;
  });
  // Date on the form (C9): 14–22 June 2021, so some units are late (deadline 20 June).
  const dated = report.replace(/(<c r="C9"[^>]*><v>)(\d+)(<\/v>)/, (_m, a: string, _v: string, b: string) => `${a}${44361 + (mix(i, 9, 3) % 9)}${b}`);
  // Activities: dates (column B) spread over the window, quantity (G) and participants (H) varied.
  const activities = base.activities.replace(/<c r="([BGH])(\d+)"( s="\d+")?><v>(\d+)<\/v><\/c>/g, (m, col: string, row: string, s: string | undefined, v: string) => {
    const r = Number(row);
    if (r < 4) return m;
    const n = Number(v);
    const value = col === 'B' ? 44180 + (mix(i, r, 4) % 175) : Math.max(1, Math.round(n * (0.5 + (mix(i, r, col === 'G' ? 5 : 6) % 100) / 100)));
    return `<c r="${col}${row}"${s ?? ''}><v>${value}</v></c>`;
  });
  return {
    [base.names.sharedStrings]: Buffer.from(swap(base.sharedStrings), 'utf8'),
    [base.names.report]: Buffer.from(dated, 'utf8'),
    [base.names.activities]: Buffer.from(activities, 'utf8'),
    [base.names.core]: Buffer.from(swap(base.core), 'utf8'),
  };
}

/** One zip entry ready to be written: its name and DEFLATE data with their checksum and sizes. */
interface ZipPart {
  name: Buffer;
  crc: number;
  size: number;
  data: Uint8Array;
}

function deflatePart(name: string, content: Uint8Array): ZipPart {
  return { name: Buffer.from(name, 'utf8'), crc: crc32(content), size: content.length, data: deflateRawSync(content, { level: 6 }) };
}

/**
 * A zip archive of `parts`, in order (DEFLATE, no data descriptors, all entries dated
 * `dosDate`/`dosTime`): local headers and data, then the central directory.
 */
function writeZip(parts: readonly ZipPart[], dosDate: number, dosTime: number): Buffer {
  let size = 22;
  for (const p of parts) size += 30 + 46 + 2 * p.name.length + p.data.length;
  const out = Buffer.alloc(size);
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(0, at + 6);
    out.writeUInt16LE(8, at + 8);
    out.writeUInt16LE(dosTime, at + 10);
    out.writeUInt16LE(dosDate, at + 12);
    out.writeUInt32LE(p.crc >>> 0, at + 14);
    out.writeUInt32LE(p.data.length, at + 18);
    out.writeUInt32LE(p.size, at + 22);
    out.writeUInt16LE(p.name.length, at + 26);
    out.writeUInt16LE(0, at + 28);
    p.name.copy(out, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const directory = at;
  parts.forEach((p, i) => {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(20, at + 6);
    out.writeUInt16LE(0, at + 8);
    out.writeUInt16LE(8, at + 10);
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    out.writeUInt32LE(p.crc >>> 0, at + 16);
    out.writeUInt32LE(p.data.length, at + 20);
    out.writeUInt32LE(p.size, at + 24);
    out.writeUInt16LE(p.name.length, at + 28);
    // extra, comment, disk, internal and external attributes: 0 (Buffer.alloc zero-fills)
    out.writeUInt32LE(offsets[i] as number, at + 42);
    p.name.copy(out, at + 46);
    at += 46 + p.name.length;
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(parts.length, at + 8);
  out.writeUInt16LE(parts.length, at + 10);
  out.writeUInt32LE(at - directory, at + 12);
  out.writeUInt32LE(directory, at + 16);
  return out;
}

/** What {@link ensureReports} produced. */
export interface ReportSet {
  /** Folder holding the `n` reports (and nothing else). */
  reportsDir: string;
  /** The `--units` CSV naming the `n` agencies. */
  unitsFile: string;
  /** Seconds spent generating (0 when a complete cached set was reused). */
  seconds: number;
}

/**
 * Makes sure `root/reports-<n>` holds `n` filled reports of synthetic agencies for 2021-H1 and
 * `root/units-<n>.csv` their registry lines; reuses a complete set from an earlier run (a marker
 * file records the generator version). Reports are deterministic: the same `n` gives the same bytes.
 */
export async function ensureReports(root: string, n: number, log: (line: string) => void = () => undefined): Promise<ReportSet> {
  const reportsDir = join(root, `reports-${n}`);
  const unitsFile = join(root, `units-${n}.csv`);
  const marker = join(root, `.complete-${n}`);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(GENERATOR_VERSION) && existsSync(unitsFile)) return { reportsDir, unitsFile, seconds: 0 };
  const started = performance.now();
  rmSync(marker, { force: true });
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  const period = parsePeriod(BENCH_PERIOD, { deadlineDaysAfterCutoff: hatinh2021.deadline.daysAfterCutoff });
  if (!period.ok) throw new Error(`Bad period ${BENCH_PERIOD}`);
  const base = await basePackage(period.value);
  // Parts every report shares are compressed once; the rewritten ones per report, in place.
  const rewritten = new Set(Object.values(base.names));
  const shared = new Map(Object.entries(base.parts).filter(([name]) => !rewritten.has(name)).map(([name, bytes]) => [name, deflatePart(name, bytes)]));
  const order = Object.keys(base.parts);
  const dosDate = ((2021 - 1980) << 9) | (6 << 5) | 15; // 15 June 2021
  for (let i = 0; i < n; i++) {
    const own = vary(base, i);
    const parts = order.map((name) => shared.get(name) ?? deflatePart(name, own[name] as Buffer));
    writeFileSync(join(reportsDir, `${benchUnit(i).code}-${BENCH_PERIOD}.xlsx`), writeZip(parts, dosDate, 0));
    if ((i + 1) % 2000 === 0) log(`  generated ${i + 1}/${n}`);
  }
  writeFileSync(unitsFile, unitsCsv(n));
  writeFileSync(marker, String(GENERATOR_VERSION));
  return { reportsDir, unitsFile, seconds: (performance.now() - started) / 1000 };
}
