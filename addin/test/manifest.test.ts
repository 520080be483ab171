/**
 * addin/manifest.xml, checked offline with office-addin-manifest (Microsoft's manifest reader):
 * required elements in schema order, ids, https URLs that exist in the build, requirement sets
 * (ExcelApi 1.1 floor; CustomFunctionsRuntime 1.1 for the functions and the ribbon), the CCHC
 * namespace and the icons.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { ManifestHandlerXml } from 'office-addin-manifest/lib/manifestHandler/manifestHandlerXml.js';
import { DEV_PORT } from '../vite.config.ts';
import { ADDIN_DIR, ensureBuilt } from './support/build.ts';

const MANIFEST = join(ADDIN_DIR, 'manifest.xml');
const ORIGIN = `https://localhost:${DEV_PORT}`;

type Xml = Record<string, any>;

/** Child elements named `name` (xml2js keeps prefixes, e.g. `bt:Url`). */
function all(xml: Xml | undefined, name: string): Xml[] {
  return (xml?.[name] as Xml[] | undefined) ?? [];
}

function one(xml: Xml | undefined, name: string): Xml {
  const found = all(xml, name)[0];
  if (found === undefined) throw new Error(`missing <${name}>`);
  return found;
}

function attr(xml: Xml, name: string): string | undefined {
  return (xml.$ as Record<string, string> | undefined)?.[name];
}

/** PNG width and height from the IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

let app: Xml;
let dist: string;

beforeAll(async () => {
  const xml = (await new ManifestHandlerXml(MANIFEST).parseXmlAsync()) as Xml;
  app = xml.OfficeApp as Xml;
  dist = await ensureBuilt();
});

describe('manifest.xml', () => {
  it('is an add-in-only XML manifest of a task pane for Excel, read by office-addin-manifest', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.manifestType).toBe('xml');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.providerName).toBe('cchc-kpi');
    expect(info.defaultLocale).toBe('vi-VN');
    expect(info.displayName).toBe('Báo cáo CCHC');
    expect(info.displayName?.normalize('NFC')).toBe(info.displayName);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe(`${ORIGIN}/taskpane.html`);
    expect(info.appDomains).toEqual([ORIGIN]);
  });

  it('has the base elements in schema order', () => {
    const order = Object.keys(app).filter((k) => k !== '$');
    expect(order).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]);
    expect(attr(app, 'xsi:type')).toBe('TaskPaneApp');
    expect(attr(app, 'xmlns')).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
  });

  it('needs only ExcelApi 1.1; the custom functions and the ribbon need CustomFunctionsRuntime 1.1', () => {
    const sets = all(one(one(app, 'Requirements'), 'Sets'), 'Set').map((s) => [attr(s, 'Name'), attr(s, 'MinVersion')]);
    expect(sets).toEqual([['ExcelApi', '1.1']]);
    const overrides = one(app, 'VersionOverrides');
    expect(attr(overrides, 'xsi:type')).toBe('VersionOverridesV1_0');
    const cf = all(one(one(overrides, 'Requirements'), 'bt:Sets'), 'bt:Set').map((s) => [attr(s, 'Name'), attr(s, 'MinVersion')]);
    expect(cf).toEqual([['CustomFunctionsRuntime', '1.1']]);
  });

  it('declares the CCHC custom functions and a ribbon button, every resid resolving', () => {
    const overrides = one(app, 'VersionOverrides');
    const host = one(one(overrides, 'Hosts'), 'Host');
    expect(attr(host, 'xsi:type')).toBe('Workbook');
    const resources = one(overrides, 'Resources');
    const strings = new Map([...all(one(resources, 'bt:ShortStrings'), 'bt:String'), ...all(one(resources, 'bt:LongStrings'), 'bt:String')].map((s) => [attr(s, 'id'), attr(s, 'DefaultValue')]));
    const urls = new Map(all(one(resources, 'bt:Urls'), 'bt:Url').map((u) => [attr(u, 'id'), attr(u, 'DefaultValue')]));
    const images = new Map(all(one(resources, 'bt:Images'), 'bt:Image').map((i) => [attr(i, 'id'), attr(i, 'DefaultValue')]));
    const ids = [...strings.keys(), ...urls.keys(), ...images.keys()];
    expect(new Set(ids).size).toBe(ids.length);

    const functions = all(one(host, 'AllFormFactors'), 'ExtensionPoint').find((e) => attr(e, 'xsi:type') === 'CustomFunctions');
    if (!functions) throw new Error('no CustomFunctions extension point');
    const url = (part: string): string | undefined => urls.get(attr(one(one(functions, part), 'SourceLocation'), 'resid'));
    expect(url('Script')).toBe(`${ORIGIN}/functions.js`);
    expect(url('Page')).toBe(`${ORIGIN}/functions.html`);
    expect(url('Metadata')).toBe(`${ORIGIN}/functions.json`);
    expect(strings.get(attr(one(functions, 'Namespace'), 'resid'))).toBe('CCHC');

    const text = readFileSync(MANIFEST, 'utf8');
    const referenced = [...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const resid of referenced) expect(ids, resid).toContain(resid);
    const button = /<Action xsi:type="ShowTaskpane">[\s\S]*?resid="([^"]+)"/.exec(text);
    expect(urls.get(button?.[1])).toBe(`${ORIGIN}/taskpane.html`);
  });

  it('uses only https URLs on the dev origin, each served by the build', () => {
    const text = readFileSync(MANIFEST, 'utf8');
    const found = [...text.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1] as string).filter((u) => !u.startsWith('http://schemas.microsoft.com') && !u.startsWith('http://www.w3.org'));
    expect(found.length).toBeGreaterThan(10);
    for (const url of found) {
      expect(url, url).toMatch(new RegExp(`^${ORIGIN}(/|$)`));
      const path = new URL(url).pathname;
      if (path !== '/') expect(existsSync(join(dist, path)), `${path} in dist/`).toBe(true);
    }
  });

  it('points to icons of the declared sizes', () => {
    const size = (url: string | undefined): [number, number] => pngSize(join(dist, new URL(url ?? '').pathname));
    expect(size(attr(one(app, 'IconUrl'), 'DefaultValue'))).toEqual([32, 32]);
    expect(size(attr(one(app, 'HighResolutionIconUrl'), 'DefaultValue'))).toEqual([64, 64]);
    const images = all(one(one(one(app, 'VersionOverrides'), 'Resources'), 'bt:Images'), 'bt:Image');
    for (const image of images) {
      const n = Number(/(\d+)x\1/.exec(attr(image, 'id') ?? '')?.[1]);
      expect(size(attr(image, 'DefaultValue'))).toEqual([n, n]);
    }
  });
});
