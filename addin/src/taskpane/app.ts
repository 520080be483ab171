/**
 * The task pane: three cards (template, check and score, consolidate), a findings list whose
 * items select their cell, and a status line. All workbook access goes through a `Host`.
 */
import {
  CONSOLIDATED_SHEETS,
  RESULTS_SHEET_NAME as RESULTS_SHEET,
  TEMPLATE_SHEETS,
  findingCountsText,
  findingCountsTextEn,
  periodLabel as periodMessage,
  unitDisplayName,
  type Finding,
} from '@cchc-kpi/core';
import { checkOpenReport, scoreOpenReport, type CheckOutcome, type ScoreOutcome } from '../actions/check.ts';
import { consolidateFiles, type ConsolidateOutcome, type PickedFile } from '../actions/consolidate.ts';
import { InputError, insertTemplate } from '../actions/insert.ts';
import type { AddinContext } from '../context.ts';
import { SheetsExistError, type Host, type WriteResult } from '../office/host.ts';
import { byId, h } from './dom.ts';
import { capabilityText, formatNumber, pick, severityLabel, skippedText, t, type Lang } from './i18n.ts';
import { WordReportPanel, type WordReportOptions } from './word-report.ts';

/** Options of {@link startPane}. */
export interface PaneOptions {
  host: Host;
  context: AddinContext;
  /** Starting language; default the stored choice, else Vietnamese. */
  lang?: Lang;
  /** Where the language choice is kept (default `localStorage` when available). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The Word report after a consolidation (its bundle, what saving can do); none without it. */
  wordReport?: WordReportOptions;
}

const LANG_KEY = 'cchc-kpi.lang';
const DEFAULT_PERIOD = 'H1';

/** The last result shown, re-rendered when the language changes. */
type Shown =
  | { kind: 'none' }
  | { kind: 'check'; outcome: CheckOutcome }
  | { kind: 'score'; outcome: ScoreOutcome }
  | { kind: 'consolidate'; outcome: ConsolidateOutcome };

/** The pane's state and behaviour. */
export class Pane {
  lang: Lang;
  private readonly root: HTMLElement;
  private readonly host: Host;
  private readonly context: AddinContext;
  private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  private shown: Shown = { kind: 'none' };
  private status: { text: () => string; error: boolean } = { text: () => '', error: false };
  private busy = false;
  private readonly wordReport: WordReportPanel | null;

  constructor(root: HTMLElement, options: PaneOptions) {
    this.root = root;
    this.host = options.host;
    this.context = options.context;
    this.storage = options.storage === undefined ? safeLocalStorage() : options.storage;
    const stored = this.storage?.getItem(LANG_KEY);
    this.lang = options.lang ?? (stored === 'en' || stored === 'vi' ? stored : 'vi');
    this.render();
    this.wordReport = options.wordReport
      ? new WordReportPanel(byId(root, 'word-report'), {
          ...options.wordReport,
          context: this.context,
          lang: () => this.lang,
          run: (working, action) => this.run(working, action),
          setStatus: (text) => this.setStatus(text),
        })
      : null;
    this.applyLanguage();
  }

  /** Builds the pane's markup once; texts are set by `applyLanguage`. */
  private render(): void {
    const { units, periods } = this.context;
    const defaultPeriod = periods.find((p) => p.code.endsWith(DEFAULT_PERIOD))?.code ?? periods[0]?.code;
    const periodOptions = (): HTMLOptionElement[] =>
      periods.map((p) => h('option', { value: p.code, selected: p.code === defaultPeriod }));
    const button = (id: string, onclick: () => void, extra = ''): HTMLButtonElement =>
      h('button', { id, type: 'button', className: `btn ${extra}`.trim(), onclick: () => onclick() });
    this.root.replaceChildren(
      h(
        'header',
        { className: 'pane-header' },
        h('div', {}, h('h1', { id: 'title' }), h('p', { id: 'subtitle', className: 'subtitle' })),
        h('button', { id: 'lang-switch', type: 'button', className: 'lang', onclick: () => this.switchLanguage() }),
      ),
      h(
        'section',
        { className: 'card', id: 'card-template' },
        h('h2', { id: 'template-heading' }),
        h('p', { id: 'template-hint', className: 'hint' }),
        h('label', { for: 'unit', id: 'unit-label' }),
        h('select', { id: 'unit' }, ...units.map((u) => h('option', { value: u.code }, `${unitDisplayName(u)} (${u.code})`))),
        h('label', { for: 'period', id: 'period-label' }),
        h('select', { id: 'period' }, ...periodOptions()),
        h('label', { className: 'check' }, h('input', { type: 'checkbox', id: 'replace' }), h('span', { id: 'replace-label' })),
        h('div', { className: 'actions' }, button('insert', () => void this.onInsert(), 'primary')),
      ),
      h(
        'section',
        { className: 'card', id: 'card-check' },
        h('h2', { id: 'check-heading' }),
        h('p', { id: 'check-hint', className: 'hint' }),
        h('div', { className: 'actions' }, button('check', () => void this.onCheck(), 'primary'), button('score', () => void this.onScore()), button('clear', () => void this.onClear(), 'quiet')),
        h('div', { id: 'summary', className: 'summary', 'aria-live': 'polite' }),
        h('ol', { id: 'findings', className: 'findings' }),
      ),
      h(
        'section',
        { className: 'card', id: 'card-consolidate' },
        h('h2', { id: 'consolidate-heading' }),
        h('p', { id: 'consolidate-hint', className: 'hint' }),
        h('span', { className: 'label', id: 'files-label' }),
        this.filePicker('files', { multiple: true, accept: '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
        h('span', { className: 'label', id: 'received-label' }),
        this.filePicker('received', { accept: '.csv,text/csv' }),
        h('label', { for: 'consolidate-period', id: 'consolidate-period-label' }),
        h('select', { id: 'consolidate-period' }, ...periodOptions()),
        h('div', { className: 'actions' }, button('consolidate', () => void this.onConsolidate(), 'primary')),
        h('div', { id: 'consolidate-summary', className: 'summary', 'aria-live': 'polite' }),
        h('div', { id: 'word-report', className: 'word-report', hidden: true }),
      ),
      h('p', { id: 'status', className: 'status', role: 'status', 'aria-live': 'polite' }),
      h('footer', { id: 'api-info', className: 'api-info' }),
    );
  }

  /**
   * A file input shown as a button and the names picked, so the pane's language is used instead
   * of the web view's ("Choose Files" / "No file chosen").
   */
  private filePicker(id: string, props: { multiple?: boolean; accept: string }): HTMLElement {
    const input = h('input', { type: 'file', id, className: 'file-input', multiple: props.multiple, accept: props.accept, onchange: () => this.renderPicked(id) });
    return h(
      'div',
      { className: 'file-picker' },
      input,
      h('label', { for: id, className: 'btn', id: `${id}-button` }),
      h('span', { className: 'picked', id: `${id}-picked` }),
    );
  }

  /** "3 tệp: a.xlsx, b.xlsx, …" beside a file picker. */
  private renderPicked(id: string): void {
    const files = [...(byId<HTMLInputElement>(this.root, id).files ?? [])];
    const names = files.map((f) => f.name);
    const shown = names.length > 3 ? [...names.slice(0, 3), '…'] : names;
    byId(this.root, `${id}-picked`).textContent =
      files.length === 0 ? t(this.lang, 'noFilePicked') : `${files.length} ${t(this.lang, 'filesPicked')}: ${shown.join(', ')}`;
  }

  /** Sets every fixed text and re-renders the last result in the current language. */
  applyLanguage(): void {
    const L = this.lang;
    document.documentElement.lang = L;
    const set = (id: string, key: Parameters<typeof t>[1]): void => {
      byId(this.root, id).textContent = t(L, key);
    };
    set('title', 'title');
    set('subtitle', 'subtitle');
    set('lang-switch', 'switchTo');
    byId(this.root, 'lang-switch').setAttribute('aria-label', t(L, 'switchLabel'));
    set('template-heading', 'templateHeading');
    set('template-hint', 'templateHint');
    set('unit-label', 'unit');
    set('period-label', 'period');
    set('replace-label', 'replace');
    set('insert', 'insert');
    set('check-heading', 'checkHeading');
    set('check-hint', 'checkHint');
    set('check', 'check');
    set('score', 'score');
    set('clear', 'clear');
    set('consolidate-heading', 'consolidateHeading');
    set('consolidate-hint', 'consolidateHint');
    set('files-label', 'files');
    set('received-label', 'received');
    set('consolidate-period-label', 'period');
    set('consolidate', 'consolidate');
    set('files-button', 'pickFiles');
    set('received-button', 'pickFile');
    this.renderPicked('files');
    this.renderPicked('received');
    for (const select of [byId<HTMLSelectElement>(this.root, 'period'), byId<HTMLSelectElement>(this.root, 'consolidate-period')]) {
      for (const option of select.options) {
        const period = this.context.periods.find((p) => p.code === option.value);
        if (period) option.textContent = `${pick(periodMessage(period), L)} (${period.code})`;
      }
    }
    byId(this.root, 'api-info').textContent = capabilityText(L, this.host.capabilities.apiVersion, this.host.capabilities.conditionalFormats);
    this.wordReport?.render();
    this.renderShown();
    this.renderStatus();
  }

  /** Toggles Vietnamese ↔ English and remembers the choice. */
  switchLanguage(): void {
    this.lang = this.lang === 'vi' ? 'en' : 'vi';
    this.storage?.setItem(LANG_KEY, this.lang);
    this.applyLanguage();
  }

  private setStatus(text: () => string, error = false): void {
    this.status = { text, error };
    this.renderStatus();
  }

  private renderStatus(): void {
    const el = byId(this.root, 'status');
    el.textContent = this.status.text();
    el.classList.toggle('error', this.status.error);
  }

  /** Runs an action with the buttons disabled; errors become a status line. */
  private async run(working: () => string, action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.root.classList.add('busy');
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('button.btn')) b.disabled = true;
    this.setStatus(working);
    try {
      await action();
    } catch (error) {
      this.setStatus(() => this.errorText(error), true);
    } finally {
      this.busy = false;
      this.root.classList.remove('busy');
      for (const b of this.root.querySelectorAll<HTMLButtonElement>('button.btn')) b.disabled = false;
    }
  }

  private errorText(error: unknown): string {
    const L = this.lang;
    if (error instanceof SheetsExistError) {
      const list = error.sheets.map((s) => `"${s}"`).join(', ');
      return L === 'vi'
        ? `Sổ đã có các trang ${list}. Đánh dấu "${t(L, 'replace')}" để ghi đè, hoặc mở một sổ mới.`
        : `The workbook already has sheets ${list}. Tick "${t(L, 'replace')}" to overwrite them, or open a new workbook.`;
    }
    if (error instanceof InputError) return L === 'vi' ? error.vi : error.message;
    const detail = error instanceof Error ? error.message : String(error);
    return L === 'vi' ? `Không thực hiện được: ${detail}` : `Failed: ${detail}`;
  }

  private written(result: WriteResult): string {
    return skippedText(this.lang, this.host.capabilities.apiVersion, result.skipped);
  }

  /** Inserts the template of the chosen unit and period. */
  async onInsert(): Promise<void> {
    const unitCode = byId<HTMLSelectElement>(this.root, 'unit').value;
    const periodCode = byId<HTMLSelectElement>(this.root, 'period').value;
    const replace = byId<HTMLInputElement>(this.root, 'replace').checked;
    await this.run(
      () => t(this.lang, 'inserting'),
      async () => {
        const result = await insertTemplate(this.host, this.context, unitCode, periodCode, { replace });
        const unit = this.context.units.find((u) => u.code === unitCode);
        const name = unit ? unitDisplayName(unit) : unitCode;
        this.setStatus(() => {
          const done =
            this.lang === 'vi'
              ? `Đã chèn biểu mẫu của ${name}, kỳ ${periodCode} (trang "${TEMPLATE_SHEETS.report}", "${TEMPLATE_SHEETS.activities}", "${TEMPLATE_SHEETS.guide}").`
              : `Inserted the template of ${name}, period ${periodCode} (sheets "${TEMPLATE_SHEETS.report}", "${TEMPLATE_SHEETS.activities}", "${TEMPLATE_SHEETS.guide}").`;
          return [done, this.written(result)].filter(Boolean).join(' ');
        });
      },
    );
  }

  /** Checks the open report and lists the findings. */
  async onCheck(): Promise<void> {
    await this.run(
      () => t(this.lang, 'checking'),
      async () => {
        const outcome = await checkOpenReport(this.host, this.context);
        this.shown = { kind: 'check', outcome };
        this.renderShown();
        this.setStatus(() => this.highlightText(outcome));
      },
    );
  }

  /** Scores the open report and writes the results sheet. */
  async onScore(): Promise<void> {
    await this.run(
      () => t(this.lang, 'scoring'),
      async () => {
        const outcome = await scoreOpenReport(this.host, this.context);
        this.shown = { kind: 'score', outcome };
        this.renderShown();
        this.setStatus(() =>
          outcome.written
            ? this.lang === 'vi'
              ? `Đã ghi kết quả vào trang "${RESULTS_SHEET}". ${this.highlightText(outcome)}`
              : `Results written to sheet "${RESULTS_SHEET}". ${this.highlightText(outcome)}`
            : this.highlightText(outcome),
        );
      },
    );
  }

  /** Removes the highlights of the last check. */
  async onClear(): Promise<void> {
    await this.run(
      () => t(this.lang, 'clearing'),
      async () => {
        const n = await this.host.clearHighlights();
        this.setStatus(() => (this.lang === 'vi' ? `Đã xóa đánh dấu ở ${n} ô.` : `Cleared the marks of ${n} cells.`));
      },
    );
  }

  /** Consolidates the picked files. */
  async onConsolidate(): Promise<void> {
    const input = byId<HTMLInputElement>(this.root, 'files');
    const files: PickedFile[] = [...(input.files ?? [])].map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) }));
    const register = byId<HTMLInputElement>(this.root, 'received').files?.[0];
    const periodCode = byId<HTMLSelectElement>(this.root, 'consolidate-period').value;
    const replace = byId<HTMLInputElement>(this.root, 'replace').checked;
    if (files.length === 0) {
      this.setStatus(() => t(this.lang, 'noFiles'), true);
      return;
    }
    await this.run(
      () => t(this.lang, 'working'),
      async () => {
        this.wordReport?.consolidated(null); // no report of an earlier consolidation while this one runs or if it fails
        const receivedCsv = register ? { name: register.name, text: await register.text() } : undefined;
        const outcome = await consolidateFiles(this.host, this.context, files, {
          periodCode,
          replace,
          ...(receivedCsv ? { receivedCsv } : {}),
          onFile: (i, n, name) => this.setStatus(() => (this.lang === 'vi' ? `Đang đọc tệp ${i}/${n}: ${name}` : `Reading file ${i}/${n}: ${name}`)),
          onProgress: (done, total) => this.setStatus(() => (this.lang === 'vi' ? `Đang ghi bảng tổng hợp: ${done}/${total} ô` : `Writing the consolidated sheets: ${done}/${total} cells`)),
        });
        this.shown = { kind: 'consolidate', outcome };
        this.renderShown();
        this.wordReport?.consolidated(outcome.consolidation, register?.name);
        this.setStatus(() => {
          const done =
            this.lang === 'vi'
              ? `Đã ghi bảng tổng hợp vào các trang "${CONSOLIDATED_SHEETS.totals}", "${CONSOLIDATED_SHEETS.ranking}"…`
              : `Consolidated sheets written ("${CONSOLIDATED_SHEETS.totals}", "${CONSOLIDATED_SHEETS.ranking}"…).`;
          return [done, this.written(outcome.written)].filter(Boolean).join(' ');
        });
      },
    );
  }

  private highlightText(outcome: CheckOutcome): string {
    if (outcome.highlighted === 0) return '';
    const how = outcome.mode === 'conditionalFormat' ? { vi: 'định dạng có điều kiện', en: 'conditional formats' } : { vi: 'tô màu nền', en: 'fill colour' };
    return this.lang === 'vi'
      ? `Đã đánh dấu ${outcome.highlighted} ô có vấn đề (${how.vi}); bấm "${t('vi', 'clear')}" để bỏ.`
      : `Marked ${outcome.highlighted} problem cells (${how.en}); click "${t('en', 'clear')}" to remove the marks.`;
  }

  /** Renders the summary and findings of the last result. */
  private renderShown(): void {
    const summary = byId(this.root, 'summary');
    const list = byId(this.root, 'findings');
    const consolidateSummary = byId(this.root, 'consolidate-summary');
    const L = this.lang;
    const shown = this.shown;
    if (shown.kind === 'none') return;
    if (shown.kind === 'consolidate') {
      const o = shown.outcome;
      const c = o.consolidation;
      consolidateSummary.replaceChildren(
        h(
          'p',
          {},
          L === 'vi'
            ? `Kỳ ${c.period.code}: đọc ${o.read} báo cáo, bỏ qua ${o.skipped}, lỗi hoặc để trống ${o.failed}. Đã gửi ${c.totals.received}/${c.totals.expected} đơn vị, đúng hạn ${c.totals.onTime}. Kết quả kiểm tra: ${findingCountsText(c.findings)} (xem trang "${CONSOLIDATED_SHEETS.findings}").`
            : `Period ${c.period.code}: ${o.read} reports read, ${o.skipped} skipped, ${o.failed} unreadable or blank. ${c.totals.received}/${c.totals.expected} units submitted, ${c.totals.onTime} on time. Check: ${findingCountsTextEn(c.findings)} (see sheet "${CONSOLIDATED_SHEETS.findings}").`,
        ),
      );
      return;
    }
    const outcome = shown.outcome;
    const parts: (Node | string)[] = [];
    const checked = outcome.checked;
    if (checked) {
      const who = checked.unit ? `${unitDisplayName(checked.unit)} (${checked.unit.code})` : (checked.report.unitCode ?? '?');
      const when = checked.period?.code ?? checked.report.periodCode ?? '?';
      parts.push(h('p', { className: 'who' }, `${who} – ${when}`));
    }
    const counts = (['error', 'warning', 'notice'] as const).map((s) => `${outcome.findings.filter((f) => f.severity === s).length} ${severityLabel(L, s).toLowerCase()}`);
    parts.push(h('p', { id: 'counts' }, counts.join(' · ')));
    if (shown.kind === 'score') {
      const score = shown.outcome.score;
      if (score) {
        parts.push(
          h(
            'p',
            { id: 'score-line', className: 'score' },
            L === 'vi'
              ? `Điểm: ${formatNumber(L, score.score)}/${score.scale} – xếp loại: ${pick(score.band, L)}`
              : `Score: ${formatNumber(L, score.score)}/${score.scale} – band: ${pick(score.band, L)}`,
          ),
        );
        for (const profile of this.context.plan.profiles) {
          const other = shown.outcome.scores[profile.id];
          if (!other || profile.id === this.context.plan.primaryProfile) continue;
          parts.push(h('p', { className: 'hint' }, `${pick(profile.name, L)}: ${formatNumber(L, other.score)}/${other.scale} (${pick(other.band, L)})`));
        }
      }
    }
    summary.replaceChildren(...parts);
    list.replaceChildren(...(outcome.findings.length === 0 ? [h('li', { className: 'finding none' }, t(L, 'noFindings'))] : outcome.findings.map((f) => this.findingItem(f))));
  }

  private findingItem(f: Finding): HTMLLIElement {
    const L = this.lang;
    const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : (f.sheet ?? f.file ?? '');
    const body = [h('span', { className: `badge ${f.severity}` }, severityLabel(L, f.severity)), where ? h('span', { className: 'where' }, where) : null, h('span', { className: 'text' }, pick(f.message, L))];
    if (f.sheet && f.cell) {
      const sheet = f.sheet;
      const cell = f.cell;
      return h(
        'li',
        { className: `finding ${f.severity}` },
        h(
          'button',
          {
            type: 'button',
            className: 'finding-link',
            'data-sheet': sheet,
            'data-cell': cell,
            title: `${t(L, 'selectCell')} ${where}`,
            onclick: () => void this.host.select({ sheet, cell }).catch((error: unknown) => this.setStatus(() => this.errorText(error), true)),
          },
          ...body,
        ),
      );
    }
    return h('li', { className: `finding ${f.severity}` }, h('div', { className: 'finding-plain' }, ...body));
  }
}

function safeLocalStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Renders the pane into `root` and returns its controller. */
export function startPane(root: HTMLElement, options: PaneOptions): Pane {
  return new Pane(root, options);
}

/** Shows a message instead of the pane (not in Excel, another host). */
export function showMessage(root: HTMLElement, text: string): void {
  root.replaceChildren(h('div', { className: 'card notice', id: 'message' }, h('p', {}, text)));
}
