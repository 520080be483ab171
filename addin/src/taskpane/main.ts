/**
 * Entry point of the task pane bundle (ES2017 module). Waits for Office.js, then renders the pane
 * over an `OfficeJsHost`. In an Internet Explorer 11 web view this module never runs: the inline
 * guard in taskpane.html has already shown the Vietnamese message.
 */
import '../compat/polyfills.ts';
import './taskpane.css';
import { defaultContext } from '../context.ts';
import { OfficeJsHost } from '../office/officejs-host.ts';
import wordScript from 'virtual:cchc-word-script';
import { saveSupport } from '../word/save.ts';
import { showMessage, startPane } from './app.ts';
import { t } from './i18n.ts';

declare global {
  interface Window {
    /** Set by the IE11 guard when the web view cannot run the pane. */
    __cchcUnsupported?: boolean;
  }
}

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root || window.__cchcUnsupported) return;
  if (typeof Office === 'undefined') {
    // office.js did not load: the page was opened outside Office, or Microsoft's CDN is unreachable.
    showMessage(root, t('vi', 'notInExcel'));
    return;
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') {
    // Outside Office, onReady resolves with no host; in Word or PowerPoint with theirs.
    showMessage(root, t('vi', info.host ? 'notExcelHost' : 'notInExcel'));
    return;
  }
  startPane(root, { host: new OfficeJsHost(), context: defaultContext(), wordReport: { script: wordScript, support: saveSupport(info.platform, navigator.userAgent) } });
}

void main();
