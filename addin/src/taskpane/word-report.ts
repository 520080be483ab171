/**
 * The Word report in the consolidation card: after a consolidation, a button that downloads the
 * city's report (the same document as `cchc consolidate … --docx`), or — where the web view cannot
 * save a file from a pane — why not, and the `cchc` command that writes it. The Word bundle is
 * loaded only on the first click.
 */
import type { Consolidation } from '@cchc-kpi/core';
import { consolidatedWordReport, wordReportFileName, type WordReportFile } from '../actions/word-report.ts';
import type { AddinContext } from '../context.ts';
import type { WordExport } from '../word/api.ts';
import { loadWordExport } from '../word/load.ts';
import { DOCX_MIME, downloadFile, type SaveSupport } from '../word/save.ts';
import { h } from './dom.ts';
import type { Lang } from './i18n.ts';

/** How the pane offers the Word report: where its bundle is and what saving can do here. */
export interface WordReportOptions {
  /** Address of the Word bundle (`virtual:cchc-word-script`), relative to the pane's page. */
  script: string;
  /** What saving a file can do in this web view (`saveSupport`). */
  support: SaveSupport;
}

/** What the panel needs from the pane. */
export interface WordReportPanelDeps extends WordReportOptions {
  context: AddinContext;
  lang: () => Lang;
  /** The pane's `run`: buttons disabled, errors shown in the status line. */
  run: (working: () => string, action: () => Promise<void>) => Promise<void>;
  setStatus: (text: () => string) => void;
  /** Default: `loadWordExport`. */
  load?: (script: string) => Promise<WordExport>;
  /** Default: `downloadFile`. */
  save?: (file: WordReportFile) => void;
}

const WEB_VIEW: Record<'edgehtml' | 'wkwebview' | 'trident', { vi: string; en: string }> = {
  edgehtml: { vi: 'Excel này hiển thị tiện ích bằng Microsoft Edge cũ (EdgeHTML)', en: 'This Excel shows add-ins in the old Microsoft Edge web view (EdgeHTML)' },
  wkwebview: { vi: 'Excel trên máy Mac, iPad hiển thị tiện ích bằng trình duyệt nhúng của Apple (WKWebView)', en: "Excel on Mac and iPad shows add-ins in Apple's web view (WKWebView)" },
  trident: { vi: 'Excel này hiển thị tiện ích bằng Internet Explorer 11', en: 'This Excel shows add-ins in Internet Explorer 11' },
};

function shellWord(word: string): string {
  return /[\s"'`$\\&|;<>()*?!#~{}[\]]/.test(word) || word === '' ? `"${word.replace(/(["\\$`])/g, '\\$1')}"` : word;
}

/** The `cchc consolidate` command that writes the same consolidation's Word report. */
export function wordReportCommand(lang: Lang, periodCode: string, register?: string): string {
  const folder = lang === 'vi' ? '<thư-mục-báo-cáo>' : '<reports-folder>';
  const received = register ? ` --received ${shellWord(register)}` : '';
  return `cchc consolidate ${folder} --period ${periodCode}${received} --out tong-hop-${periodCode}.xlsx --docx ${wordReportFileName(periodCode)}`;
}

/** The panel under the consolidation summary. */
export class WordReportPanel {
  private last: { consolidation: Consolidation; register?: string } | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly deps: WordReportPanelDeps,
  ) {
    this.render();
  }

  /**
   * A consolidation was made: offer its report (`register` names the received-date CSV used, if
   * any); null while a new one runs, so no earlier consolidation's report is offered.
   */
  consolidated(consolidation: Consolidation | null, register?: string): void {
    this.last = consolidation ? { consolidation, ...(register ? { register } : {}) } : null;
    this.render();
  }

  /** Renders the panel in the pane's language (hidden until a consolidation). */
  render(): void {
    const last = this.last;
    this.el.hidden = last === null;
    if (last === null) {
      this.el.replaceChildren();
      return;
    }
    const L = this.deps.lang();
    const command = wordReportCommand(L, last.consolidation.period.code, last.register);
    const support = this.deps.support;
    if (support.kind === 'unsupported') {
      const who = WEB_VIEW[support.webView][L];
      this.el.replaceChildren(
        h(
          'div',
          { id: 'word-report-unavailable', className: 'notice', role: 'note' },
          h(
            'p',
            {},
            L === 'vi'
              ? `${who}, không cho tiện ích lưu tệp xuống máy, nên không tải được báo cáo Word từ đây. Để có báo cáo Word (.docx) của lần tổng hợp này, hãy mở tiện ích trong Excel trên web, hoặc chạy công cụ dòng lệnh cchc với cùng các tệp báo cáo:`
              : `${who}, which does not let an add-in save a file, so the Word report cannot be downloaded here. To get this consolidation's Word report (.docx), open the add-in in Excel on the web, or run the cchc command-line tool on the same report files:`,
          ),
          h('code', { id: 'word-report-command', className: 'command' }, command),
        ),
      );
      return;
    }
    this.el.replaceChildren(
      h(
        'p',
        { id: 'word-report-hint', className: 'hint' },
        L === 'vi'
          ? 'Báo cáo gửi ký của lần tổng hợp này: dự thảo bằng Word, thể thức Nghị định 30/2020/NĐ-CP, kèm các phụ lục.'
          : "This consolidation's report for signature: a Word draft in the Decree 30/2020 layout, with its annexes.",
      ),
      h(
        'div',
        { className: 'actions' },
        h('button', { id: 'word-report-button', type: 'button', className: 'btn', onclick: () => void this.onDownload() }, L === 'vi' ? 'Tải báo cáo Word (.docx)' : 'Download the Word report (.docx)'),
      ),
    );
  }

  /** Writes the report of the last consolidation and offers it as a download. */
  async onDownload(): Promise<void> {
    const last = this.last;
    if (!last) return;
    const { context, script, support, run, setStatus, lang } = this.deps;
    const load = this.deps.load ?? ((url: string) => loadWordExport(url));
    const save = this.deps.save ?? ((file: WordReportFile) => downloadFile(file.bytes, file.fileName, DOCX_MIME));
    await run(
      () => (lang() === 'vi' ? 'Đang tạo báo cáo Word…' : 'Writing the Word report…'),
      async () => {
        const file = await consolidatedWordReport(last.consolidation, context, await load(script));
        save(file);
        const kb = Math.max(1, Math.round(file.bytes.length / 1024));
        setStatus(() => {
          const L = lang();
          const done =
            L === 'vi'
              ? `Đã tải xuống báo cáo Word "${file.fileName}" (${kb} KB), bản dự thảo để trình ký.`
              : `Downloaded the Word report "${file.fileName}" (${kb} KB), a draft for signature.`;
          if (support.kind !== 'download-unconfirmed') return done;
          const command = wordReportCommand(L, last.consolidation.period.code, last.register);
          return L === 'vi'
            ? `${done} Nếu Excel không hỏi nơi lưu và tệp không có trong thư mục Tải xuống (Downloads), hãy mở tiện ích trong Excel trên web, hoặc dùng lệnh: ${command}`
            : `${done} If Excel neither asks where to save it nor puts it in Downloads, open the add-in in Excel on the web, or run: ${command}`;
        });
      },
    );
  }
}
