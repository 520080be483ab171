/**
 * Draws the add-in's icons (public/assets/icon-<size>.png: 16, 32, 64, 80, 128 px) — a dark blue
 * rounded square with three rising white bars and a tick — with a tiny PNG encoder, so no image
 * tool is needed. Run after changing the design: `pnpm --filter addin icons`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** Icon sizes the manifest and the ribbon use. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x1f, 0x4e, 0x79, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [0xff, 0xc0, 0x00, 255];

/** The colour at a point of the unit square (0–1), or null outside the shape. */
function shade(x: number, y: number): Rgba | null {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const bars: Array<[number, number, number]> = [
    [0.2, 0.34, 0.56],
    [0.42, 0.56, 0.4],
    [0.64, 0.78, 0.24],
  ];
  for (const [x0, x1, top] of bars) if (x >= x0 && x <= x1 && y >= top && y <= 0.8) return WHITE;
  // A gold tick in the upper left.
  const d1 = Math.abs(y - (0.3 + (x - 0.16) * 0.9)) < 0.045 && x >= 0.14 && x <= 0.26;
  const d2 = Math.abs(y - (0.41 - (x - 0.26) * 1.1)) < 0.045 && x >= 0.26 && x <= 0.42;
  if (d1 || d2) return GOLD;
  return BLUE;
}

/** Renders the icon at `size` px with 4×4 supersampling. */
export function drawIcon(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) acc[k] = (acc[k] as number) + (c[k] as number) * (c[3] / 255);
          acc[3] = (acc[3] as number) + c[3];
        }
      }
      const alpha = (acc[3] as number) / (n * n);
      const i = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) rgba[i + k] = alpha > 0 ? Math.round(((acc[k] as number) / (n * n)) * (255 / alpha)) : 0;
      rgba[i + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, rgba);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(join(dir, `icon-${size}.png`), drawIcon(size));
  console.log(`icons written to ${dir}`);
}
