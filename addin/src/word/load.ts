/**
 * Loads the Word bundle into the pane on demand: one `<script src>` injected the first time the
 * officer asks for the Word report (a classic script, not `import()`, which EdgeHTML 18 cannot
 * parse), then the global it sets. Later calls reuse it.
 */
import { InputError } from '../actions/insert.ts';
import { WORD_GLOBAL, type WordExport } from './api.ts';

const loading = new Map<string, Promise<WordExport>>();

function loaded(view: Window): WordExport | undefined {
  const value = (view as unknown as Record<string, unknown>)[WORD_GLOBAL] as Partial<WordExport> | undefined;
  return typeof value?.consolidatedReport === 'function' ? (value as WordExport) : undefined;
}

/**
 * The Word bundle at `url` (relative to the pane's page, as the build names it), loaded once.
 * @throws InputError when the script cannot be loaded (the server, or the connection to it) or
 *   does not set its global.
 */
export function loadWordExport(url: string, doc: Document = document): Promise<WordExport> {
  const view = doc.defaultView ?? window;
  const ready = loaded(view);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(url);
  if (!pending) {
    pending = new Promise<WordExport>((resolve, reject) => {
      const failed = (): void => {
        loading.delete(url);
        script.remove();
        reject(
          new InputError(
            `Không tải được phần tạo báo cáo Word (${url}). Kiểm tra kết nối tới máy chủ của tiện ích rồi thử lại.`,
            `Could not load the Word report writer (${url}). Check the connection to the add-in's server and try again.`,
          ),
        );
      };
      const script = doc.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = () => {
        const exported = loaded(view);
        if (exported) resolve(exported);
        else failed();
      };
      script.onerror = failed;
      doc.head.append(script);
    });
    loading.set(url, pending);
  }
  return pending;
}
