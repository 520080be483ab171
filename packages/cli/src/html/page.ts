import {
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  REPORTING_BODIES,
  SEVERITY_WORDS,
  STATUS_WORDS,
  bandsText,
  basisText,
  cutoffText,
  deadlineBasisSuffix,
  deadlineText,
  isConvention,
  scoringBasisNote,
  targetText,
  formatNumber,
  formatPercent,
  issuingBodyLines,
  orderUnits,
  periodName,
  placeAndDate,
  reportHeading,
  unitDisplayName,
  type Comparison,
  type Consolidation,
  type Plan,
  type ReportHeading,
  type Severity,
  type UnitSort,
} from '@cchc-kpi/core';
import { activitiesSpec, formatScore, heatmapSpec, indicatorRows, indicatorsSpec, scoresSpec } from './charts.ts';
import { escapeText, renderSvg } from './svg.ts';

/**
 * `cchc consolidate --html FILE`: one self-contained HTML page (UTF-8, Vietnamese, NFC) with the
 * period's results at a glance — four charts rendered to inline SVG by Vega-Lite when the page is
 * written, and the tables behind them. No script, no style sheet, font or image is fetched: a
 * Content-Security-Policy of `default-src 'none'` (inline styles only) makes the browser refuse
 * any request, so the file can be mailed, archived and printed as it is.
 */

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Order of units in charts and tables (default official registry order). */
  sort?: UnitSort;
  /** ISO date of the place-and-date line; default the period's deadline. */
  reportDate?: string;
  heading?: Partial<ReportHeading>;
  /** Change against an earlier consolidation (`--compare`). */
  comparison?: Comparison;
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:14px;color:#111;margin:0 auto;max-width:1000px;padding:24px 28px;background:#fff;line-height:1.45}
header.doc{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;font-size:15px}
header.doc div{text-align:center}
header.doc .rule{display:block;margin:3px auto 0;border-top:1px solid #111;width:40%}
header.doc .motto .rule{width:78%}
header.doc .date{font-style:italic;margin-top:8px}
h1{font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;text-align:center;font-size:19px;margin:22px 0 2px}
p.sub{text-align:center;margin:0 0 18px;font-weight:bold}
h2{font-size:17px;border-bottom:2px solid #1b4f8a;color:#1b4f8a;padding-bottom:3px;margin:26px 0 10px;break-after:avoid}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:10px 0 4px}
.kpi{border:1px solid #cfd8e3;border-radius:6px;padding:8px 10px;background:#f6f9fc}
.kpi b{display:block;font-size:22px;color:#1b4f8a}
.kpi span{font-size:12px;color:#444}
figure{margin:8px 0 6px;break-inside:avoid}
figure svg{max-width:100%;height:auto}
figcaption{font-size:12px;color:#444;margin-top:2px}
table{border-collapse:collapse;width:100%;font-size:12.5px;margin:6px 0 10px;break-inside:auto}
th,td{border:1px solid #b8c2cc;padding:3px 6px;vertical-align:top}
th{background:#ddebf7;font-weight:bold;text-align:center}
td.n{text-align:right;white-space:nowrap}
td.c{text-align:center}
tr{break-inside:avoid}
.ok{background:#c6efce}.warn{background:#ffe699}.bad{background:#ffc7ce}.na{background:#eee}
.up{color:#1b7837;font-weight:bold}.down{color:#b2182b;font-weight:bold}
p.note{font-size:12px;color:#444;margin:2px 0}
ul.basis{font-size:12.5px;padding-left:18px}
footer{margin-top:28px;font-size:11.5px;color:#555;border-top:1px solid #ccc;padding-top:6px}
@page{size:A4;margin:12mm}
@media print{body{padding:0;max-width:none}h2{margin-top:16px}}
`;

/** Escapes text and normalises it to NFC. */
function t(text: string | number): string {
  return escapeText(String(text).normalize('NFC'));
}

/** `+1,5` / `−2` / `0` with Vietnamese decimals. */
function signed(x: number, decimals = 2): string {
  const s = formatNumber(Math.abs(x), 'vi', decimals);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

/** A change cell: coloured up/down. */
function changeCell(x: number | null, text: (x: number) => string): string {
  if (x === null) return '<td class="c">—</td>';
  return `<td class="n ${x > 0 ? 'up' : x < 0 ? 'down' : ''}">${t(text(x))}</td>`;
}

/** A percentage-point change: `+2,5 điểm %`. */
function pointChange(x: number): string {
  return `${signed(x * 100, 2)} điểm %`;
}

/** The caption's sentence naming the targets that are conventions: ` Chỉ tiêu quy ước (…): CT2a, CT5a, CT5b.` */
function conventionTargets(plan: Plan): string {
  const codes = plan.indicators.filter((i) => isConvention(i.target.basis)).map((i) => i.code);
  return codes.length === 0 ? '' : t(` Chỉ tiêu quy ước (kế hoạch không nêu số cụ thể; vạch đen là mức quy ước): ${codes.join(', ')}.`);
}

/**
 * Renders the HTML report of a consolidation.
 * @returns the page as a string (NFC); same inputs → same text.
 */
export async function renderHtmlReport(result: Consolidation, plan: Plan, options: HtmlReportOptions = {}): Promise<string> {
  const period = result.period;
  const heading = reportHeading(plan, options.heading);
  const reportDate = options.reportDate ?? period.deadline;
  const units = orderUnits(result.units, options.sort);
  const cmp = options.comparison;
  const label = periodName(period);
  const totals = result.totals;

  const charts = {
    scores: await renderSvg(scoresSpec(plan, units), 'chart-scores', `Điểm của các đơn vị, ${label}`),
    indicators: await renderSvg(indicatorsSpec(plan, result, cmp), 'chart-indicators', `Tỷ lệ của thành phố theo chỉ tiêu so với chỉ tiêu kế hoạch, ${label}`),
    heatmap: await renderSvg(heatmapSpec(plan, units), 'chart-heatmap', `Kết quả từng đơn vị theo từng chỉ tiêu, ${label}`),
    activities: await renderSvg(activitiesSpec(result), 'chart-activities', `Số hoạt động tuyên truyền theo nội dung và hình thức, ${label}`),
  };

  const out: string[] = [];
  const push = (s: string): void => {
    out.push(s);
  };
  push('<!DOCTYPE html>');
  push('<html lang="vi">');
  push('<head>');
  push('<meta charset="utf-8">');
  push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  push('<meta name="generator" content="cchc-kpi">');
  push(`<title>${t(`Tổng hợp kết quả tuyên truyền CCHC – ${label}`)}</title>`);
  push(`<style>${STYLE}</style>`);
  push('</head>');
  push('<body>');

  // ---- heading (Decree 30/2020/NĐ-CP layout) --------------------------------------------------
  push('<header class="doc">');
  push(
    `<div>${heading.parentBody ? `${t(heading.parentBody.toLocaleUpperCase('vi'))}<br>` : ''}<b>${issuingBodyLines(heading).map(t).join('<br>')}</b><span class="rule"></span></div>`,
  );
  push(
    `<div class="motto"><b>${NATIONAL_NAME}</b><br><b>${NATIONAL_MOTTO}</b><span class="rule"></span><div class="date">${t(placeAndDate(heading.place, reportDate))}</div></div>`,
  );
  push('</header>');
  push(`<h1>${t(`KẾT QUẢ THỰC HIỆN ${plan.title.vi.toLocaleUpperCase('vi')}`)}</h1>`);
  push(`<p class="sub">${t(`Kỳ báo cáo: ${label} (${period.code}) – ${cutoffText(period, { inSentence: true })}, ${deadlineText(period)}${deadlineBasisSuffix(plan).vi}`)}</p>`);

  // ---- key figures --------------------------------------------------------------------------
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const metCity = indicatorRows(plan, result, cmp).filter((r) => r.status === STATUS_WORDS.met).length;
  push('<div class="kpis">');
  push(`<div class="kpi"><b>${t(`${totals.received}/${totals.expected}`)}</b><span>đơn vị đã gửi báo cáo (${t(formatPercent(totals.completeness, 'vi', 1))})</span></div>`);
  push(`<div class="kpi"><b>${t(`${totals.onTime}/${totals.expected}`)}</b><span>đơn vị gửi đúng hạn (${t(formatPercent(totals.timeliness, 'vi', 1))})</span></div>`);
  push(`<div class="kpi"><b>${t(`${metCity}/${plan.indicators.length}`)}</b><span>chỉ tiêu đạt ở cấp thành phố</span></div>`);
  push(`<div class="kpi"><b>${t(errors)}</b><span>lỗi số liệu phát hiện (không tính vào tổng hợp)</span></div>`);
  push('</div>');
  if (cmp) {
    push(
      `<p>So với kỳ ${t(cmp.previous.period)}${cmp.samePeriodLastYear ? ' (cùng kỳ năm trước)' : ''}: tỷ lệ đơn vị đã gửi báo cáo ${t(cmp.completeness.change === null ? '—' : pointChange(cmp.completeness.change))}, tỷ lệ gửi đúng hạn ${t(cmp.timeliness.change === null ? '—' : pointChange(cmp.timeliness.change))}.</p>`,
    );
  }

  // ---- 1. scores ----------------------------------------------------------------------------
  const profile = plan.profiles.find((p) => p.id === plan.primaryProfile);
  push(`<h2 id="scores">1. Điểm và xếp loại các đơn vị</h2>`);
  push(`<figure>${charts.scores}<figcaption>${t(`${profile?.name.vi ?? 'Điểm'}; nền màu là các mức xếp loại (${profile ? bandsText(profile) : ''}).`)}</figcaption></figure>`);
  push('<table><thead><tr><th>STT</th><th>Đơn vị</th><th>Mã</th><th>Gửi báo cáo</th><th>Điểm</th><th>Xếp loại</th><th>Thứ hạng</th>');
  if (cmp) push(`<th>Điểm kỳ ${t(cmp.previous.period)}</th><th>Thay đổi điểm</th><th>Thay đổi hạng</th>`);
  push('</tr></thead><tbody>');
  const unitChange = new Map((cmp?.units ?? []).map((u) => [u.code, u]));
  units.forEach((u, i) => {
    const sent = !u.submitted ? '<td class="c bad">Chưa gửi</td>' : u.onTime === true ? '<td class="c ok">Đúng hạn</td>' : u.onTime === false ? '<td class="c warn">Sau hạn</td>' : '<td class="c na">Chưa rõ ngày</td>';
    push(
      `<tr><td class="c">${i + 1}</td><td>${t(unitDisplayName(u))}</td><td class="c">${t(u.code)}</td>${sent}<td class="n">${u.score === null ? '—' : t(formatScore(u.score))}</td><td class="c">${t(u.band?.vi ?? '—')}</td><td class="c">${u.rank ?? '—'}</td>`,
    );
    if (cmp) {
      const c = unitChange.get(u.code);
      push(`<td class="n">${c?.previous?.score == null ? '—' : t(formatScore(c.previous.score))}</td>`);
      push(changeCell(c?.change.score ?? null, (x) => signed(x)));
      push(changeCell(c?.change.rank ?? null, (x) => signed(x, 0)));
    }
    push('</tr>');
  });
  push('</tbody></table>');
  for (const p of plan.profiles) push(`<p class="note">${t(scoringBasisNote(p, plan))}</p>`);

  // ---- 2. indicators ------------------------------------------------------------------------
  push('<h2 id="indicators">2. Kết quả các chỉ tiêu của thành phố so với kế hoạch</h2>');
  push(
    `<figure>${charts.indicators}<figcaption>Tỷ lệ của thành phố = tổng tử số ÷ tổng mẫu số của các đơn vị được tính (không lấy trung bình các tỷ lệ). Chỉ tiêu đếm số lượng (như CT5a): tỷ lệ đơn vị đạt mức tối thiểu. Chỉ tiêu so sánh (như CT2a): kỳ này ÷ cùng kỳ năm trước, đạt khi lớn hơn 100%.${conventionTargets(plan)}${cmp ? ` Hình thoi: kỳ ${t(cmp.previous.period)}.` : ''}</figcaption></figure>`,
  );
  push('<table><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>Kế hoạch</th><th>Σ tử số / số lượng</th><th>Σ mẫu số</th><th>Tỷ lệ</th><th>Đơn vị đạt</th>');
  if (cmp) push(`<th>Tỷ lệ kỳ ${t(cmp.previous.period)}</th><th>Thay đổi</th>`);
  push('</tr></thead><tbody>');
  for (const indicator of plan.indicators) {
    const tt = totals.indicators[indicator.code];
    const main = indicator.measure === 'count' ? tt?.value : tt?.numerator;
    push(
      `<tr><td class="c"><b>${t(indicator.code)}</b></td><td>${t(indicator.text.vi)}</td><td class="c">${t(targetText(indicator).vi)}</td><td class="n">${main == null ? '—' : t(formatNumber(main, 'vi'))}</td><td class="n">${tt?.denominator == null ? '—' : t(formatNumber(tt.denominator, 'vi'))}</td><td class="n">${tt?.ratio == null ? '—' : t(formatPercent(tt.ratio, 'vi'))}</td><td class="c">${tt ? `${tt.unitsMet}/${tt.unitsCounted}` : '—'}</td>`,
    );
    if (cmp) {
      const c = cmp.indicators.find((x) => x.code === indicator.code);
      push(`<td class="n">${c?.previous?.ratio == null ? '—' : t(formatPercent(c.previous.ratio, 'vi'))}</td>`);
      push(changeCell(c?.change.ratio ?? null, pointChange));
    }
    push('</tr>');
  }
  push('</tbody></table>');

  // ---- 3. heat map --------------------------------------------------------------------------
  push('<h2 id="heatmap">3. Kết quả từng đơn vị theo từng chỉ tiêu</h2>');
  push(
    `<figure>${charts.heatmap}<figcaption>Mỗi ô: tỷ lệ (hoặc giá trị) đơn vị báo cáo; màu theo mức hoàn thành chỉ tiêu. “–”: không áp dụng; “Thiếu”: để trống (không tính là 0); “Lỗi”: số liệu không hợp lệ, không tính vào tổng hợp.</figcaption></figure>`,
  );

  // ---- 4. activities ------------------------------------------------------------------------
  push('<h2 id="activities">4. Hoạt động tuyên truyền theo nội dung và hình thức</h2>');
  push(`<figure>${charts.activities}<figcaption>Số hoạt động hợp lệ của các đơn vị; một hoạt động có hai nội dung được đếm ở cả hai dòng.</figcaption></figure>`);
  const themeText = new Map(plan.themes.map((x) => [x.code, x.text.vi]));
  const formText = new Map(plan.forms.map((x) => [x.code, x.text.vi]));
  push('<table><thead><tr><th>Mã</th><th>Nội dung tuyên truyền</th><th>Mã</th><th>Hình thức tuyên truyền</th></tr></thead><tbody>');
  const rowsN = Math.max(result.activities.themes.length, result.activities.forms.length);
  for (let i = 0; i < rowsN; i++) {
    const th = result.activities.themes[i];
    const fo = result.activities.forms[i];
    push(
      `<tr><td class="c">${th ? t(th) : ''}</td><td>${th ? t(themeText.get(th) ?? th) : ''}</td><td class="c">${fo ? t(fo) : ''}</td><td>${fo ? t(formText.get(fo) ?? fo) : ''}</td></tr>`,
    );
  }
  push('</tbody></table>');

  // ---- 5. findings per unit -----------------------------------------------------------------
  push('<h2 id="findings">5. Kết quả kiểm tra số liệu theo đơn vị</h2>');
  push('<table><thead><tr><th>Đơn vị</th><th>Lỗi</th><th>Cảnh báo</th><th>Lưu ý</th><th>Lỗi, cảnh báo đầu tiên</th></tr></thead><tbody>');
  for (const u of units) {
    const own = result.findings.filter((f) => f.unit === u.code);
    const n = (s: Severity) => own.filter((f) => f.severity === s).length;
    const first = own[0];
    const where = first ? [first.sheet, first.cell].filter(Boolean).join('!') : '';
    push(
      `<tr><td>${t(unitDisplayName(u))}</td><td class="c${n('error') ? ' bad' : ''}">${n('error')}</td><td class="c${n('warning') ? ' warn' : ''}">${n('warning')}</td><td class="c">${n('notice')}</td><td>${first ? `${t(SEVERITY_WORDS[first.severity])}${where ? ` (${t(where)})` : ''}: ${t(first.message.vi)}` : '—'}</td></tr>`,
    );
  }
  push('</tbody></table>');

  // ---- 6. bases ---------------------------------------------------------------------------------
  push('<h2 id="basis">6. Căn cứ của chỉ tiêu, trọng số, thang điểm và hạn gửi báo cáo</h2>');
  push('<table><thead><tr><th>Mã</th><th>Chỉ tiêu kế hoạch</th><th>Căn cứ</th><th>Trọng số</th><th>Căn cứ trọng số</th></tr></thead><tbody>');
  for (const indicator of plan.indicators) {
    push(
      `<tr><td class="c"><b>${t(indicator.code)}</b></td><td class="c">${t(targetText(indicator).vi)}</td><td>${t(basisText(indicator.target.basis).vi)}</td><td class="n">${t(formatNumber(indicator.weight, 'vi'))}</td><td>${t(basisText(indicator.weightBasis).vi)}</td></tr>`,
    );
  }
  push('</tbody></table>');
  push('<ul class="basis">');
  for (const p of plan.profiles) {
    push(`<li>${t(`${p.name.vi}: ${p.components.map((c) => `${c.label.vi} ${formatNumber(c.points, 'vi')} điểm – ${basisText(c.basis).vi}`).join(' ')} Xếp loại: ${bandsText(p)}.`)}</li>`);
  }
  push(`<li>${t(`Hạn gửi báo cáo: ${plan.deadline.daysAfterCutoff} ngày sau ngày chốt số liệu – ${basisText(plan.deadline.basis).vi}`)}</li>`);
  push('</ul>');

  push(
    `<footer>${t(`Tổng hợp từ báo cáo của ${REPORTING_BODIES} theo Kế hoạch số ${result.plan.document}; kỳ ${period.code}. Tạo bằng cchc-kpi (biểu đồ Vega-Lite). Tệp Excel tổng hợp kèm theo có đầy đủ công thức và danh sách lỗi, cảnh báo.`)}</footer>`,
  );
  push('</body>');
  push('</html>');
  return `${out.join('\n')}\n`.normalize('NFC');
}
