#!/usr/bin/env node
import { Command, Option } from 'commander';
import { runCheck } from './commands/check.ts';
import { runConsolidate } from './commands/consolidate.ts';
import { EXIT, processIo } from './commands/io.ts';
import { runScore } from './commands/score.ts';
import { runTemplate } from './commands/template.ts';
import type { Lang } from './io/lang.ts';

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
    .option('--period <period>', 'kỳ báo cáo cần có / the period the reports must be for')
    .addOption(plan)
    .addOption(units)
    .addOption(lang)
    .action(async (files: string[], options) => set(await runCheck(files, { ...options, lang: options.lang as Lang }, io)));

  program
    .command('score')
    .description('Chấm điểm một báo cáo / score one report')
    .argument('<file>', 'tệp báo cáo / report file')
    .option('--json', 'in JSON / print JSON')
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
    .option('--received <file>', 'sổ theo dõi ngày nhận (CSV unit_code,received_on) / received-date register')
    .option('--force', 'ghi đè tệp đã có / overwrite existing outputs')
    .option('--quiet', 'không in tiến độ / no progress output')
    .addOption(plan)
    .addOption(units)
    .addOption(lang)
    .action(async (inputs: string[], options) => set(await runConsolidate(inputs, { ...options, lang: options.lang as Lang }, io)));

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
    process.stderr.write(`Lỗi không mong đợi / unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.cannotRun;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /[\\/]main\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  process.exitCode = await main(process.argv);
}
