/**
 * `--lang` is an option of every command, so commander accepts it only after the command name
 * (`cchc check --lang en …`). Officers also type it first (`cchc --lang en check …`): the command
 * line is rewritten so that `--lang X` (or `--lang=X`) anywhere before `--` is moved after the
 * command's other arguments. Without a command (`cchc --lang en --help`) it is dropped.
 */

/**
 * `args` (the arguments after the program name) with every `--lang X` / `--lang=X` moved to the
 * end, where the command's own `--lang` reads it; the last one wins, as commander does.
 * `commands`: the command names (`template`, `check`, …); `help` and no command at all drop the
 * option. A `--lang` without a value is left where it is (commander reports it).
 */
export function langAnywhere(args: readonly string[], commands: readonly string[]): string[] {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  const after = end < 0 ? [] : args.slice(end);
  const kept: string[] = [];
  let lang: string | null = null;
  for (let i = 0; i < options.length; i++) {
    const arg = options[i] ?? '';
    if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else if (arg === '--lang' && i + 1 < options.length && !(options[i + 1] ?? '').startsWith('-')) lang = options[++i] ?? '';
    else kept.push(arg);
  }
  if (lang === null) return [...args];
  const command = kept.find((a) => !a.startsWith('-'));
  if (command === undefined || command === 'help' || !commands.includes(command)) return [...kept, ...after];
  return [...kept, '--lang', lang, ...after];
}
