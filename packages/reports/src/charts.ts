// Charts as images: an SVG drawn from the chart spec (pure, also used inline by the HTML
// preview), rasterised to PNG by resvg (Rust, prebuilt binary in the npm package) with the
// bundled Noto Sans. Same spec → same bytes.
import { crc32, deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { formatIndonesianNumber } from '@sakip/domain';
import { FONT_FILES } from './fonts';
import type { ChartSpec } from './model';

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 420;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const fmt = (v: number) =>
  formatIndonesianNumber(v.toFixed(2), Number.isInteger(v) ? 0 : v < 10 ? 2 : 0);

/** Grouped vertical bars with value labels, an optional dashed reference line and a legend. */
export function chartSvg(chart: ChartSpec): string {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const m = { left: 80, right: 20, top: 40, bottom: 70 };
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = niceMax(Math.max(chart.reference?.value ?? 0, ...values, 0) * 1.1);
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const y = (v: number) => m.top + plotH - (Math.max(0, v) / max) * plotH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Noto Sans" font-size="14">`,
  );
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  for (let k = 0; k <= 5; k++) {
    const v = (max / 5) * k;
    out.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#dddddd"/>`,
    );
    out.push(
      `<text x="${m.left - 8}" y="${(y(v) + 5).toFixed(1)}" text-anchor="end" fill="#444444">${esc(fmt(v))}</text>`,
    );
  }
  out.push(
    `<text x="18" y="${m.top + plotH / 2}" transform="rotate(-90 18 ${m.top + plotH / 2})" text-anchor="middle" fill="#444444">${esc(chart.unit)}</text>`,
  );
  const n = Math.max(1, chart.categories.length);
  const groupW = plotW / n;
  const barW = Math.min(60, (groupW * 0.75) / Math.max(1, chart.series.length));
  chart.categories.forEach((cat, i) => {
    const gx = m.left + groupW * i + (groupW - barW * chart.series.length) / 2;
    chart.series.forEach((s, j) => {
      const v = s.values[i];
      const x = gx + barW * j;
      if (v === null || v === undefined) {
        out.push(
          `<text x="${(x + barW / 2).toFixed(1)}" y="${(y(0) - 6).toFixed(1)}" text-anchor="middle" font-size="12" fill="#999999">n/a</text>`,
        );
        return;
      }
      out.push(
        `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}" fill="${esc(s.color)}"/>`,
      );
      out.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${(y(v) - 5).toFixed(1)}" text-anchor="middle" font-size="12" fill="#222222">${esc(fmt(v))}</text>`,
      );
    });
    const label = cat.length > 14 ? `${cat.slice(0, 13)}…` : cat;
    out.push(
      `<text x="${(m.left + groupW * i + groupW / 2).toFixed(1)}" y="${H - m.bottom + 20}" text-anchor="middle" font-size="13" fill="#222222">${esc(label)}</text>`,
    );
  });
  out.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${y(0)}" y2="${y(0)}" stroke="#333333"/>`);
  if (chart.reference) {
    const ry = y(chart.reference.value).toFixed(1);
    out.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${ry}" y2="${ry}" stroke="#c0392b" stroke-dasharray="6 4"/>`,
    );
    out.push(
      `<text x="${W - m.right - 4}" y="${Number(ry) - 6}" text-anchor="end" font-size="12" fill="#c0392b">${esc(chart.reference.label)}</text>`,
    );
  }
  chart.series.forEach((s, j) => {
    const lx = m.left + j * 160;
    out.push(`<rect x="${lx}" y="${H - 28}" width="14" height="14" fill="${esc(s.color)}"/>`);
    out.push(`<text x="${lx + 20}" y="${H - 16}" fill="#222222">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

const pngCache = new WeakMap<ChartSpec, Buffer>();

/**
 * PNG of the chart (cached per spec object, so DOCX and PDF of one model rasterise once).
 * Re-encoded as opaque RGB: pdfkit copies an RGB PNG's data as is, while an RGBA one is split
 * into image and soft mask asynchronously, which made the object order (and the bytes) vary.
 */
export function chartPng(chart: ChartSpec): Buffer {
  const hit = pngCache.get(chart);
  if (hit) return hit;
  const img = new Resvg(chartSvg(chart), {
    background: '#ffffff',
    font: {
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: 'Noto Sans',
    },
    fitTo: { mode: 'width', value: CHART_WIDTH },
  }).render();
  const png = rgbPng(img.width, img.height, img.pixels);
  pngCache.set(chart, png);
  return png;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** Minimal PNG encoder: 8-bit RGB, filter 0 on every row, zlib level 6 (deterministic). */
export function rgbPng(width: number, height: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let d = 0;
  let s = 0;
  for (let y = 0; y < height; y++) {
    raw[d++] = 0;
    for (let x = 0; x < width; x++, s += 4) {
      raw[d++] = rgba[s]!;
      raw[d++] = rgba[s + 1]!;
      raw[d++] = rgba[s + 2]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
