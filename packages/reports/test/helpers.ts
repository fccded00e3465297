import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';

const run = promisify(execFile);

/** Pages of a PDF as grayscale images (pdftoppm), each with its share of non-white pixels. */
export async function pdfPages(pdf: Buffer): Promise<{ file: string; ink: number }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lkjip-pdf-'));
  await writeFile(join(dir, 'r.pdf'), pdf);
  await run('pdftoppm', ['-r', '30', '-gray', join(dir, 'r.pdf'), join(dir, 'page')]);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
  // Also write PNGs, as the brief asks, for a person to look at.
  await run('pdftoppm', [
    '-r',
    '30',
    '-png',
    '-f',
    '1',
    '-l',
    '3',
    join(dir, 'r.pdf'),
    join(dir, 'png'),
  ]);
  const out: { file: string; ink: number }[] = [];
  for (const f of files) {
    const buf = await readFile(join(dir, f));
    // P5 header: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
    const pixels = buf.subarray(header[0].length);
    let dark = 0;
    for (const p of pixels) if (p < 200) dark++;
    out.push({ file: join(dir, f), ink: dark / pixels.length });
  }
  return out;
}

export async function pngFiles(dirOf: string): Promise<string[]> {
  return (await readdir(dirOf)).filter((f) => f.endsWith('.png'));
}

/** word/document.xml tables as rows of cell texts. */
export async function docxTables(docx: Buffer): Promise<{ xml: string; rows: string[][] }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const rows = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((c) =>
      [...c[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    ),
  );
  return { xml, rows };
}

/** The text of each PDF page (pdftotext, pages split at form feeds). */
export async function pdfText(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lkjip-text-'));
  await writeFile(join(dir, 'r.pdf'), pdf);
  const { stdout } = await run('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = stdout.split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

const xmlText = (xml: string) =>
  [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n');

/** The DOCX body text (one line per paragraph), its footers, and which footer each section uses. */
export async function docxText(
  docx: Buffer,
): Promise<{ body: string; footers: string[]; sectionsWithFooter: number; sections: number }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const footers: string[] = [];
  for (const name of Object.keys(zip.files)
    .filter((n) => /^word\/footer\d*\.xml$/.test(n))
    .sort())
    footers.push(xmlText(await zip.file(name)!.async('string')));
  const sects = [...xml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
  return {
    body: xmlText(xml),
    footers,
    sections: sects.length,
    sectionsWithFooter: sects.filter((s) => s.includes('w:footerReference')).length,
  };
}
