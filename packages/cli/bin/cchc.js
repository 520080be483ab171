#!/usr/bin/env node
// The installed `cchc` command: runs the built command line (dist/main.js, from src/main.ts).
// `pnpm install` builds it (the repository's `prepare` script), as does `pnpm build`.
try {
  await import('../dist/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/main.js')) throw error;
  process.stderr.write(
    'cchc chưa được dựng: chạy "pnpm build" (hoặc "pnpm install") ở thư mục gốc của kho mã.\n' +
      'cchc is not built: run "pnpm build" (or "pnpm install") at the repository root.\n',
  );
  process.exitCode = 2;
}
