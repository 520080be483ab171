/**
 * Ends the process with `code` once stderr has taken everything written to it — a pipe or a
 * terminal may still hold the last line (`Đã dừng theo yêu cầu…`) when `process.exit` runs —
 * calling `beforeExit` just before. After `graceMs` it ends anyway: a reader that stopped
 * reading cannot hold the process.
 */
export function exitAfterFlush(code: number, beforeExit: () => void = () => undefined, graceMs = 1000): void {
  process.exitCode = code;
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    beforeExit();
    process.exit(code);
  };
  process.stderr.write('', end);
  setTimeout(end, graceMs).unref();
}
