/**
 * HTTPS for the dev server (Office loads add-ins over https only). In order:
 * 1. office-addin-dev-certs: on Windows and macOS it creates a developer CA, trusts it and issues
 *    a localhost certificate (`getHttpsServerOptions`); on Linux its certificates are used when
 *    `npx office-addin-dev-certs install` was run before (its installer needs sudo).
 * 2. Otherwise a self-signed localhost certificate made with `openssl` in addin/.certs/ (30 days,
 *    reused until it expires); trust it in the browser (README, "Excel add-in").
 * Set `CCHC_DEV_CERTS=openssl` to skip step 1.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Key and certificate for `server.https`. */
export interface HttpsOptions {
  key: Buffer;
  cert: Buffer;
  ca?: Buffer;
}

const CERT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.certs');

/** True when the PEM certificate is valid for at least another day. */
export function stillValid(certPem: Buffer): boolean {
  try {
    return new Date(new X509Certificate(certPem).validTo).getTime() > Date.now() + 86_400_000;
  } catch {
    return false;
  }
}

/** A self-signed certificate for localhost and 127.0.0.1, made (or reused) in `dir` with openssl. */
export function selfSigned(dir: string = CERT_DIR): HttpsOptions {
  const keyPath = join(dir, 'localhost.key');
  const certPath = join(dir, 'localhost.crt');
  if (existsSync(keyPath) && existsSync(certPath) && stillValid(readFileSync(certPath))) {
    return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
  }
  mkdirSync(dir, { recursive: true });
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '30',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

/** HTTPS options for the dev server (see the module comment for the order tried). */
export async function devHttpsOptions(): Promise<HttpsOptions> {
  if (process.env.CCHC_DEV_CERTS !== 'openssl') {
    try {
      if (process.platform === 'win32' || process.platform === 'darwin') {
        const certs = (await import('office-addin-dev-certs')) as typeof import('office-addin-dev-certs');
        return await certs.getHttpsServerOptions();
      }
      const dir = join(homedir(), '.office-addin-dev-certs');
      const cert = join(dir, 'localhost.crt');
      const key = join(dir, 'localhost.key');
      if (existsSync(cert) && existsSync(key) && stillValid(readFileSync(cert))) {
        return { key: readFileSync(key), cert: readFileSync(cert), ca: readFileSync(join(dir, 'ca.crt')) };
      }
    } catch (error) {
      console.warn(`office-addin-dev-certs unavailable (${error instanceof Error ? error.message : String(error)}); using a self-signed certificate.`);
    }
  }
  const options = selfSigned();
  console.info(`Dev server certificate: self-signed, ${join(CERT_DIR, 'localhost.crt')} (trust it in your browser or system; see README).`);
  return options;
}
