#!/usr/bin/env node
import { Command, Option } from 'commander';
import { runCheck } from './commands/check.ts';
import { runConsolidate } from './commands/consolidate.ts';
import { EXIT, processIo } from './commands/io.ts';
import { describeSystemError } from './io/system-error.ts';
import { runScore } from './commands/score.ts';
import { runTemplate } from './commands/template.ts';
import { runInspect } from './commands/inspect.ts';
import type { Lang } from './io/lang.ts';
import { addLimitOptions } from './io/limits.ts';
import { addReportOptions } from './consolidate/report-outputs.ts';
import { workersOption } from './pool/workers-option.ts';

/** `--mappings DIR`: saved layout mappings, one `<unit code>.json` per unit (cchc inspect --save-mapping). */
function mappingsOption(): Option {
  return new Option('--mappings <dir>', 'thư mục ánh xạ đã lưu, mỗi đơn vị một tệp <mã>.json / folder of saved mappings, one <unit code>.json per unit');
}

/** `--convert`: .xls/.ods converted through LibreOffice. */
function convertOption(): Option {
  return new Option('--convert', 'tự chuyển .xls/.ods sang .xlsx bằng LibreOffice / convert .xls/.ods to .xlsx through LibreOffice');
}

/** Builds the `cchc` command line. Each action sets `process.exitCode`. */
export function buildProgram(): Command {
  const io = processIo();
  const program = new Command('cchc')
    .description('Chấm điểm và tổng hợp báo cáo tuyên truyền CCHC / Score and consolidate CCHC communication reports')
    .version('0.1.0')
    .exitOverride();
  const lang = new Option('--lang <lang>', 'ngôn ngữ / language (vi|en)').choices(['vi', 'en']).default('vi');
  const plan = new Option('--plan <id|file>', 'kế hoạch: mã có sẵn hoặc tệp JSON / plan id or JSON file').default('hatinh-2021');
  const units = new Option('--units <file>', 'thêm đơn vị từ tệp CSV/JSON / extra units from a CSV or JSON file');
  const set = (code: number): void => {
    process.exitCode = code;
  };

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
    .action(async (options) => set(await runTemplate({ ...options, lang: options.lang as Lang }, io)));

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
    .action(async (files: string[], options) =>
      set(await runCheck(files, { ...options, periodOverride: options.period, unitOverride: options.unit, lang: options.lang as Lang }, io)),
    );

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
    .action(async (file: string, options) => set(await runInspect(file, { ...options, lang: options.lang as Lang }, io)));

  program
    .command('score')
    .description('Chấm điểm một báo cáo / score one report')
    .argument('<file>', 'tệp báo cáo / report file')
    .option('--json', 'in JSON / print JSON')
    .addOption(mappingsOption())
    .addOption(convertOption())
    .addOption(plan)
    .addOption(units)
    .addOption(lang)
    .action(async (file: string, options) => set(await runScore(file, { ...options, lang: options.lang as Lang }, io)));

  program
    .command('consolidate')
    .description('Tổng hợp báo cáo của các đơn vị / consolidate the units’ reports')
    .argument('<inputs...>', 'thư mục hoặc tệp báo cáo / report folder or files')
    .requiredOption('--period <period>', 'kỳ báo cáo, ví dụ 2021-H1 / period, e.g. 2021-H1')
    .requiredOption('--out <file.xlsx>', 'sổ tổng hợp / consolidated workbook')
    .option('--json <file|->', 'ghi JSON (hoặc - để in ra) / write JSON (or - for stdout)')
    .option('--csv <file.csv>', 'ghi bảng đơn vị × chỉ tiêu ra CSV (phát hiện ở tệp <tên>-phat-hien.csv) / write the unit × indicator table as CSV (findings in <name>-phat-hien.csv)')
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
    .action(async (inputs: string[], options) => set(await runConsolidate(inputs, { ...options, lang: options.lang as Lang }, io)));

  // The reader's safety limits (--max-file-size …) on every command that reads reports.
  for (const command of program.commands) {
    if (['check', 'score', 'consolidate', 'inspect'].includes(command.name())) addLimitOptions(command);
    // --html, --feedback, --compare, --sort, --report-date, --report-number
    if (command.name() === 'consolidate') addReportOptions(command);
  }
  return program;
}

/** Runs the CLI with `argv` (as `process.argv`); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return EXIT.ok;
    if (typeof code === 'string' && code.startsWith('commander.')) return EXIT.cannotRun;
    const system = describeSystemError(error);
    if (system) {
      process.stderr.write(`${system.vi}\n${system.en}\n`);
      return EXIT.cannotRun;
    }
    process.stderr.write(`Lỗi không mong đợi / unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.cannotRun;
  }
}

/**
 * Process set-up shared by every entry point: a closed pipe (`cchc … | head`) ends the output
 * quietly instead of crashing, and `pnpm cchc` works from the folder it was typed in (pnpm runs
 * root scripts in the repository root and passes the caller's folder as INIT_CWD).
 */
export function prepareProcess(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  if (process.env.npm_lifecycle_event === 'cchc' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
}

const invokedDirectly = process.argv[1] !== undefined && /[\\/]main\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  prepareProcess();
  process.exitCode = await main(process.argv);
}
