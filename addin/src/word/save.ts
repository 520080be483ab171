/**
 * Saving a file from the task pane: whether the web view Office shows the pane in lets a page
 * download a file, and the download itself (a Blob behind an `<a download>`).
 *
 * Where the pane runs (Microsoft, "Browsers and webview controls used by Office Add-ins"):
 * - Excel on the web: an iframe of the officer's browser, which downloads as any page does.
 * - Excel on Windows with WebView2 (Microsoft 365, Office 2021/2024, retail 2016/2019 where the
 *   WebView2 runtime is installed): WebView2 downloads a Blob (developers report it works in
 *   Office on Windows, office-js #2700, #503), but Microsoft's troubleshooting notes say directly
 *   downloading blobs is not supported in Office's web views, and the page cannot tell whether
 *   the host honoured the download. The pane offers it and says what to do if nothing is saved.
 * - Excel on Windows with EdgeHTML (Microsoft 365 on Windows 10 1903+ from build 16.0.11629,
 *   before 16.0.13530 or without the WebView2 runtime; retail 2016/2019 without it): the EdgeHTML
 *   web view has no download manager
 *   (`msSaveOrOpenBlob` is undefined there, office-js #1006; Microsoft names downloading a file
 *   "when the webview control is provided by Microsoft Edge" as what `openBrowserWindow` is for).
 * - Excel on Mac and iPad (WKWebView): downloads are not supported, by design (office-js #2700,
 *   #3385).
 * - Internet Explorer 11 (volume-licence Office 2016/2019): the pane does not run there at all.
 */

/** What the pane can do with a file it made. */
export type SaveSupport =
  /** A browser (Excel on the web, or the page outside Office): the browser's own download. */
  | { kind: 'download' }
  /** WebView2 on Windows: a download is offered, but Office may not honour it. */
  | { kind: 'download-unconfirmed' }
  /** A web view that cannot save a file from a page. */
  | { kind: 'unsupported'; webView: 'edgehtml' | 'wkwebview' | 'trident' };

/** The MIME type of a .docx. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * What saving a file can do in this pane, from `Office.onReady()`'s `platform` (`PC`,
 * `OfficeOnline`, `Mac`, `iOS`, `Android`, `Universal`; null outside Office) and the web view's
 * user agent (EdgeHTML says `Edge/18…`, WebView2 `Edg/…`, IE11 `Trident/…`).
 */
export function saveSupport(platform: unknown, userAgent: string): SaveSupport {
  if (platform === 'OfficeOnline') return { kind: 'download' };
  if (platform === 'Mac' || platform === 'iOS') return { kind: 'unsupported', webView: 'wkwebview' };
  if (/\bEdge\/\d/.test(userAgent)) return { kind: 'unsupported', webView: 'edgehtml' };
  if (/\bTrident\//.test(userAgent)) return { kind: 'unsupported', webView: 'trident' };
  if (platform === 'PC') return { kind: 'download-unconfirmed' };
  return { kind: 'download' };
}

/** Options of {@link downloadFile}. */
export interface DownloadOptions {
  /** The page to download from (default `document`). */
  doc?: Document;
  /** When to release the Blob's URL, in ms (default one minute: a download in progress keeps reading it). */
  revokeAfterMs?: number;
}

/**
 * Offers `bytes` as a download named `fileName`: an object URL of a Blob, clicked through a hidden
 * `<a download>`. The browser (or web view) decides where it goes; nothing tells the page whether
 * it was saved.
 */
export function downloadFile(bytes: Uint8Array, fileName: string, type: string, options: DownloadOptions = {}): void {
  const doc = options.doc ?? document;
  // (a copy: a Blob takes bytes on an ArrayBuffer, not a view that may sit on a shared one)
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), options.revokeAfterMs ?? 60_000);
}
