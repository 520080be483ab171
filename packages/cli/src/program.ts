import { createRequire } from 'node:module';
import { Command, Option } from 'commander';
import { EXIT, guardBrokenPipes, processIo } from './commands/io.ts';
import { writeCommanderError } from './io/commander-errors.ts';
import { langAnywhere } from './io/lang-anywhere.ts';
import { describeSystemError } from './io/system-error.ts';
import { printable } from './io/terminal-text.ts';
import type { Lang } from './io/lang.ts';
import { workersOption } from './pool/workers-option.ts';

// The `cchc` command line (main.ts is the script that runs it).
// Start-up: this module loads only commander and a few small modules. Each command's module (and
// with it @cchc-kpi/core, @cchc-kpi/xlsx, exceljs…) is imported when that command runs, and the
// options whose definitions need those packages are added once the command is known (see
// `addLoadedOptions`): `cchc --version` and `cchc --help` load neither package.

/** This package's version, from its package.json (one folder above src/ and dist/ alike). */
const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** `--mappings DIR`: saved layout mappings, one `<unit code>.json` per unit (cchc inspect --save-mapping). */
function mappingsOption(): Option {
  return new Option('--mappings <dir>', 'thư mục ánh xạ đã lưu, mỗi đơn vị một tệp <mã>.json / folder of saved mappings, one <unit code>.json per unit');
}

/** `--convert`: .xls/.ods converted through LibreOffice. */
function convertOption(): Option {
  return new Option('--convert', 'tự chuyển .xls/.ods sang .xlsx bằng LibreOffice / convert .xls/.ods to .xlsx through LibreOffice');
}

/**
 * Builds the `cchc` command line. Each action imports its command's module and hands its exit
 * code to `setExitCode` (default: sets `process.exitCode`). The reading limits (`--max-file-size` …) and, on `consolidate`, `--html`,
 * `--feedback`, `--compare`, `--sort`, `--report-date` and `--report-number` are added to a
 * command when it is dispatched (commander's `preSubcommand` hook, before its arguments are
 * parsed or its help printed); {@link addLoadedOptions} adds them beforehand.
 */
export function buildProgram(setExitCode: (code: number) => void = (code) => void (process.exitCode = code)): Command {
  const io = processIo();
  const program = new Command('cchc')
    .description('Chấm điểm và tổng hợp báo cáo tuyên truyền CCHC / Score and consolidate CCHC communication reports')
    .version(VERSION)
    .exitOverride()
    // commander's own errors in Vietnamese, then English (before the commands: they inherit it).
    .configureOutput({ outputError: writeCommanderError });
  const lang = new Option('--lang <lang>', 'ngôn ngữ / language (vi|en)').choices(['vi', 'en']).default('vi');
  const plan = new Option('--plan <id|file>', 'kế hoạch: mã có sẵn hoặc tệp JSON / plan id or JSON file').default('hatinh-2021');
  const units = new Option('--units <file>', 'thêm đơn vị từ tệp CSV/JSON / extra units from a CSV or JSON file');
  const set = setExitCode;

  program
    .command('template')
    .description('Tạo biểu mẫu báo cáo cho đơn vị / write report forms')
    .option('--unit <code...>', 'mã đơn vị (mã GSO) / unit code(s)')
    .option('--all', 'mọi đơn vị trong danh mục / every unit in the registry')
    .requiredOption('--period <period>', 'kỳ báo cáo, ví dụ 2021-H1 / period, e.g. 2021-H1')
    .requiredOption('--out <dir>', 'thư mục ghi / output folder')
    .option('--force', 'ghi đè tệp đã có / overwrite existing files')
    .option('--quiet', 'không in tiến độ / no progress output')
    .addOption(plan)
    .addOption(units)
    .addOption(lang)
    .action(async (options) => {
      const { runTemplate } = await import('./commands/template.ts');
      set(await runTemplate({ ...options, lang: options.lang as Lang }, io));
    });

  program
    .command('check')
    .description('Kiểm tra báo cáo / check reports')
    .argument('<files...>', 'tệp hoặc thư mục / files or folders')
    .option('--json', 'in JSON / print JSON')
    .option('--period <period>', 'kỳ báo cáo cần có; với tệp không theo biểu mẫu: kỳ của tệp / the period the reports must be for; for files not in our template: their period')
    .option('--unit <code>', 'với tệp không theo biểu mẫu: mã đơn vị của tệp / for files not in our template: their unit code')
    .addOption(mappingsOption())
    .addOption(convertOption())
    .addOption(plan)
    .addOption(units)
    .addOption(lang)
    .action(async (files: string[], options) => {
      const { runCheck } = await import('./commands/check.ts');
      set(await runCheck(files, { ...options, periodOverride: options.period, unitOverride: options.unit, lang: options.lang as Lang }, io));
    });

  program
    .command('inspect')
    .description('Xem công cụ hiểu tệp báo cáo thế nào / show how a report workbook is understood')
    .argument('<file>', 'tệp báo cáo / report file')
    .option('--json', 'in JSON / print JSON')
    .option('--save-mapping <file|dir>', 'ghi ánh xạ để sửa và dùng lại (--mappings) / save an editable mapping (reused with --mappings)')
    .option('--unit <code>', 'mã đơn vị của tệp / the unit code of the file')
    .option('--period <period>', 'kỳ báo cáo của tệp, ví dụ 2021-H1 / the period of the file, e.g. 2021-H1')
    .addOption(mappingsOption())
    .addOption(convertOption())
    .addOption(plan)
    .addOption(units)
    .addOption(lang)
    .action(async (file: string, options) => {
      const { runInspect } = await import('./commands/inspect.ts');
      set(await runInspect(file, { ...options, lang: options.lang as Lang }, io));
    });

  program
    .command('score')
    .description('Chấm điểm báo cáo / score reports')
    .argument('<files...>', 'tệp hoặc thư mục / files or folders')
    .option('--json', 'in JSON / print JSON')
    .addOption(mappingsOption())
    .addOption(convertOption())
    .addOption(plan)
    .addOption(units)
    .addOption(lang)
    .action(async (files: string[], options) => {
      const { runScore } = await import('./commands/score.ts');
      set(await runScore(files, { ...options, lang: options.lang as Lang }, io));
    });

  program
    .command('consolidate')
    .description('Tổng hợp báo cáo của các đơn vị / consolidate the units’ reports')
    .argument('<inputs...>', 'thư mục hoặc tệp báo cáo / report folder or files')
    .requiredOption('--period <period>', 'kỳ báo cáo, ví dụ 2021-H1 / period, e.g. 2021-H1')
    .requiredOption('--out <file.xlsx>', 'sổ tổng hợp / consolidated workbook')
    .option('--json <file|->', 'ghi JSON (hoặc - để in ra) / write JSON (or - for stdout)')
    .option('--csv <file.csv>', 'ghi bảng đơn vị × chỉ tiêu ra CSV (lỗi, cảnh báo ở tệp <tên>-phat-hien.csv) / write the unit × indicator table as CSV (findings in <name>-phat-hien.csv)')
    .option('--csv-separator <sep>', 'dấu phân cách CSV: , hoặc ; hoặc tab (mặc định ,) / CSV separator: , or ; or tab (default ,)')
    .option('--received <file>', 'sổ theo dõi ngày nhận (CSV unit_code,received_on) / received-date register')
    .addOption(mappingsOption())
    .addOption(convertOption())
    .option('--force', 'ghi đè tệp đã có / overwrite existing outputs')
    .option('--quiet', 'không in tiến độ / no progress output')
    .addOption(workersOption())
    .addOption(plan)
    .addOption(units)
    .addOption(lang)
    .action(async (inputs: string[], options) => {
      const { runConsolidate } = await import('./commands/consolidate.ts');
      set(await runConsolidate(inputs, { ...options, lang: options.lang as Lang }, io));
    });

  program
    .command('report')
    .description('Lập báo cáo Word của đơn vị từ biểu mẫu đã điền, để trình ký / write a unit’s own Word report from its filled form, for signature')
    .argument('<file>', 'biểu mẫu báo cáo đã điền / the filled report form')
    .requiredOption('--docx <file.docx>', 'tệp Word cần ghi / the Word document to write')
    .option('--report-date <yyyy-mm-dd>', 'ngày ghi trên báo cáo (mặc định: ngày báo cáo trên biểu mẫu) / date on the report (default: the form’s)')
    .option('--report-number <number>', 'số văn bản (Số: …/BC-UBND) / document number')
    .option('--unit <code>', 'với tệp không theo biểu mẫu: mã đơn vị của tệp / for files not in our template: their unit code')
    .option('--period <period>', 'với tệp không theo biểu mẫu: kỳ báo cáo của tệp / for files not in our template: their period')
    .option('--force', 'ghi đè tệp đã có / overwrite an existing file')
    .addOption(mappingsOption())
    .addOption(convertOption())
    .addOption(plan)
    .addOption(units)
    .addOption(lang)
    .action(async (file: string, options) => {
      const { runReport } = await import('./commands/report.ts');
      set(await runReport(file, { ...options, lang: options.lang as Lang }, io));
    });

  program.hook('preSubcommand', (_program, command) => addLoadedOptions(command));
  return program;
}

/** Commands that read reports, and so take the reader's safety limits. */
const READING_COMMANDS = new Set(['check', 'score', 'consolidate', 'inspect', 'report']);
/** Commands whose options {@link addLoadedOptions} already completed. */
const completed = new WeakSet<Command>();

/**
 * Adds to one of {@link buildProgram}'s commands the options defined with the core and xlsx
 * packages, loading the modules that define them: the reader's safety limits (`--max-file-size`
 * …, with their defaults in the help) on `check`, `score`, `consolidate` and `inspect`; on
 * `consolidate`, `--html`, `--feedback`, `--compare`, `--sort` (choices from core),
 * `--report-date` and `--report-number`. They come after the command's other options, in the
 * help too. Runs at most once per command (later calls do nothing); other commands are left as
 * they are.
 */
export async function addLoadedOptions(command: Command): Promise<void> {
  if (completed.has(command)) return;
  completed.add(command);
  if (READING_COMMANDS.has(command.name())) {
    const { addLimitOptions } = await import('./io/limits.ts');
    addLimitOptions(command);
  }
  if (command.name() === 'consolidate') {
    const { addReportOptions } = await import('./consolidate/report-options.ts');
    addReportOptions(command);
  }
}

/**
 * Runs the `cchc` command line with `args`, the arguments after the program name — what a user
 * types after `cchc`: `main(['check', 'bao-cao/18070-2021-H1.xlsx', '--lang', 'en'])`, never
 * `process.argv` itself (its first two entries are Node and the script; `bin/cchc.js` passes
 * `process.argv.slice(2)`). Results go to the process's stdout, progress and problems to its
 * stderr, as the command prints them.
 * @returns the exit code: 0 done (no error found, or the outputs written), 1 a report has errors,
 *   2 the command could not run (a bad option, a missing file, an output that cannot be written:
 *   said on stderr in Vietnamese, or English with `--lang en`), 130 interrupted (Ctrl-C).
 *   Operating-system errors are explained on stderr, never thrown; only a programming fault
 *   prints its stack trace (and returns 2).
 */
export async function main(args: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    // `cchc help COMMAND` prints the command's help without dispatching to it (no hook runs).
    const [first, second] = args;
    const helped = first === 'help' ? program.commands.find((c) => c.name() === second) : undefined;
    if (helped) await addLoadedOptions(helped);
    // `--lang` is accepted anywhere on the command line, before the command name too.
    await program.parseAsync(langAnywhere(args, program.commands.map((c) => c.name())), { from: 'user' });
    return exitCode;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return EXIT.ok;
    if (typeof code === 'string' && code.startsWith('commander.')) return EXIT.cannotRun;
    const system = describeSystemError(error);
    if (system) {
      process.stderr.write(`${printable(system.vi)}\n${printable(system.en)}\n`);
      return EXIT.cannotRun;
    }
    // A programming fault: its stack trace is kept for the report, one printable line per line.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`Lỗi không mong đợi / unexpected error: ${detail.split('\n').map(printable).join('\n')}\n`);
    return EXIT.cannotRun;
  }
}

/**
 * Process set-up shared by every entry point: a closed pipe (`cchc … | head`) ends the output
 * quietly instead of crashing, and `pnpm cchc` works from the folder it was typed in (pnpm runs
 * root scripts in the repository root and passes the caller's folder as INIT_CWD).
 */
export function prepareProcess(): void {
  guardBrokenPipes();
  if (process.env.npm_lifecycle_event === 'cchc' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
}
