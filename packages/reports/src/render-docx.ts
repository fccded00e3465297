// DOCX from the document model (docx package): real heading styles (so Word's navigation and
// the TOC field work), tables with repeating header rows, chart images, page numbers in the
// footer (roman in the front matter, arabic from Bab I), A4. Bytes are reproducible: the core
// properties carry the data date, and the zip is rewritten with a fixed file time.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  NumberFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
import { chartPng, CHART_HEIGHT, CHART_WIDTH } from './charts';
import type { Block, LkjipDocument, TableBlock } from './model';

// A4 in twips, margins 3 cm left (binding), 2.5 cm elsewhere.
const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 1417, bottom: 1417, left: 1701, right: 1417 },
};
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const FONT = 'Arial';

const SIZE: Record<string, number> = { small: 18, normal: 22, large: 28, title: 36 };
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function table(t: TableBlock): FileChild[] {
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const borders = {
    top: border,
    bottom: border,
    left: border,
    right: border,
    insideHorizontal: border,
    insideVertical: border,
  };
  const cell = (text: string, i: number, header: boolean, bold: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } : undefined,
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : ALIGN[t.columns[i]!.align ?? 'left'],
          children: [
            new TextRun(header || bold ? { text, bold: true, size: 18 } : { text, size: 18 }),
          ],
        }),
      ],
    });
  const bold = new Set(t.boldRows ?? []);
  const out: FileChild[] = [
    new Paragraph({
      style: 'Caption',
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 160, after: 80 },
      children: [new TextRun({ text: t.caption, bold: true, size: 20, font: FONT })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: t.columns.map((c, i) => cell(c.header, i, true, true)),
        }),
        ...t.rows.map(
          (r, k) =>
            new TableRow({
              cantSplit: true,
              children: t.columns.map((_, i) => cell(r[i] ?? '', i, false, bold.has(k))),
            }),
        ),
      ],
    }),
  ];
  if (t.note)
    out.push(
      new Paragraph({
        spacing: { before: 60 },
        children: [new TextRun({ text: t.note, italics: true, size: 18, font: FONT })],
      }),
    );
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

function blocks(list: Block[], doc: LkjipDocument, lists: { n: number }): FileChild[] {
  const out: FileChild[] = [];
  for (const b of list) {
    switch (b.type) {
      case 'heading': {
        const level =
          b.level === 1
            ? HeadingLevel.HEADING_1
            : b.level === 2
              ? HeadingLevel.HEADING_2
              : HeadingLevel.HEADING_3;
        out.push(
          new Paragraph({
            heading: level,
            alignment: b.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
            keepNext: true,
            children: [new TextRun({ text: b.text })],
          }),
        );
        break;
      }
      case 'paragraph':
        out.push(
          new Paragraph({
            alignment: ALIGN[b.align ?? 'justify'],
            spacing: { after: b.size === 'title' || b.size === 'large' ? 240 : 120, line: 300 },
            children: [
              new TextRun({
                text: b.text,
                bold: b.bold,
                italics: b.italic,
                size: SIZE[b.size ?? 'normal'],
                font: FONT,
              }),
            ],
          }),
        );
        break;
      case 'list': {
        lists.n += 1;
        const instance = lists.n;
        for (const item of b.items) {
          out.push(
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              spacing: { after: 80 },
              numbering: {
                reference: b.ordered ? 'lkjip-ordered' : 'lkjip-bullet',
                level: 0,
                instance,
              },
              children: [new TextRun({ text: item, size: 22, font: FONT })],
            }),
          );
        }
        break;
      }
      case 'table':
        out.push(...table(b));
        break;
      case 'chart': {
        const width = 580;
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            children: [
              new ImageRun({
                type: 'png',
                data: chartPng(b.chart),
                transformation: { width, height: Math.round((width * CHART_HEIGHT) / CHART_WIDTH) },
                altText: { name: b.id, title: b.caption, description: b.caption },
              }),
            ],
          }),
          new Paragraph({
            style: 'Caption',
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [new TextRun({ text: b.caption, bold: true, size: 20, font: FONT })],
          }),
        );
        break;
      }
      case 'toc':
        out.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: b.title })],
          }),
        );
        out.push(new TableOfContents(b.title, { hyperlink: true, headingStyleRange: '1-3' }));
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'captionList': {
        const captions = [...doc.front, ...doc.body].flatMap((x) =>
          (b.kind === 'table' && x.type === 'table') || (b.kind === 'chart' && x.type === 'chart')
            ? [x.caption]
            : [],
        );
        out.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: b.title })],
          }),
        );
        for (const cap of captions)
          out.push(
            new Paragraph({
              spacing: { after: 60 },
              children: [new TextRun({ text: cap, size: 22, font: FONT })],
            }),
          );
        if (!captions.length)
          out.push(new Paragraph({ children: [new TextRun({ text: '–', font: FONT })] }));
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      }
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'signature': {
        const right = (text: string, extra: { bold?: boolean; underline?: boolean } = {}) =>
          new Paragraph({
            indent: { left: Math.round(TEXT_WIDTH * 0.55) },
            spacing: { after: 0 },
            children: [
              new TextRun({
                text,
                size: 22,
                font: FONT,
                bold: extra.bold,
                underline: extra.underline ? {} : undefined,
              }),
            ],
          });
        out.push(
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          right(`${b.place}, ${b.date}`),
          right(b.position),
          new Paragraph({ spacing: { after: 960 }, children: [] }),
          right(b.name || '(nama pejabat)', { bold: true, underline: true }),
        );
        if (b.nip) out.push(right(`NIP. ${b.nip}`));
        break;
      }
    }
  }
  return out;
}

function footer(doc: LkjipDocument, numbering: 'roman' | 'arabic' | 'none'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text:
              numbering === 'none'
                ? doc.meta.footer
                : `${doc.meta.footer} — ${numbering === 'roman' ? '' : 'Halaman '}`,
            size: 16,
            font: FONT,
            color: '555555',
          }),
          ...(numbering === 'none'
            ? []
            : [
                new TextRun({
                  children: [PageNumber.CURRENT],
                  size: 16,
                  font: FONT,
                  color: '555555',
                }),
              ]),
        ],
      }),
    ],
  });
}

const section = (
  children: FileChild[],
  extra: Partial<ISectionOptions> & { format?: (typeof NumberFormat)[keyof typeof NumberFormat] },
): ISectionOptions => ({
  properties: {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: PAGE.margin,
      ...(extra.format ? { pageNumbers: { start: 1, formatType: extra.format } } : {}),
    },
  },
  ...(extra.footers ? { footers: extra.footers } : {}),
  children,
});

/** W3CDTF without milliseconds, as Word writes it. */
const w3c = (iso: string) => `${new Date(iso).toISOString().slice(0, 19)}Z`;

export async function renderDocx(doc: LkjipDocument): Promise<Buffer> {
  const lists = { n: 0 };
  const file = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    keywords: doc.meta.keywords,
    description: `Posisi feed ${doc.meta.feedPosition}; SK: ${doc.meta.decrees.map((d) => d.number).join('; ')}`,
    revision: 1,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        heading1: {
          run: { font: FONT, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 240 } },
        },
        heading2: {
          run: { font: FONT, size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, italics: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 100 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: 'lkjip-bullet',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 500, hanging: 260 } } },
            },
          ],
        },
        {
          reference: 'lkjip-ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 500, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      // A draft's cover carries the DRAF footer too (no page number on the cover).
      section(
        blocks(doc.cover, doc, lists),
        doc.meta.draft ? { footers: { default: footer(doc, 'none') } } : {},
      ),
      section(blocks(doc.front, doc, lists), {
        format: NumberFormat.LOWER_ROMAN,
        footers: { default: footer(doc, 'roman') },
      }),
      section(blocks(doc.body, doc, lists), {
        format: NumberFormat.DECIMAL,
        footers: { default: footer(doc, 'arabic') },
      }),
    ],
  });
  const raw = await Packer.toBuffer(file);
  return normaliseZip(raw, doc.meta.createdAt);
}

function renumber(xml: string): string {
  const toc = new Map<string, number>();
  const tocId = (n: string) => {
    if (!toc.has(n)) toc.set(n, toc.size + 1);
    return toc.get(n)!;
  };
  const docPr = new Map<string, number>();
  return xml
    .replace(/_Toc(\d+)/g, (_m, n: string) => `_Toc${tocId(n)}`)
    .replace(
      /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g,
      (_m, a: string, n: string, b: string) => `${a}${tocId(n)}${b}`,
    )
    .replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g, (_m, a: string, n: string, b: string) => {
      if (!docPr.has(n)) docPr.set(n, docPr.size + 1);
      return `${a}${docPr.get(n)}${b}`;
    });
}

/** Pins what the packer takes from the clock: core-properties dates and zip entry times. */
function normaliseZip(bytes: Uint8Array, createdAt: string): Buffer {
  const files = unzipSync(bytes);
  // docx numbers bookmarks and drawings from process-wide counters: renumber from 1 in order.
  const body = files['word/document.xml'];
  if (body)
    files['word/document.xml'] = new TextEncoder().encode(renumber(new TextDecoder().decode(body)));
  const core = files['docProps/core.xml'];
  if (core) {
    const stamp = w3c(createdAt);
    const xml = new TextDecoder()
      .decode(core)
      .replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${stamp}$2`,
      );
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  // Zip times are local wall-clock fields: shift so every time zone writes the same bytes.
  const at = new Date(createdAt);
  const mtime = new Date(at.getTime() + at.getTimezoneOffset() * 60_000);
  const entries = Object.fromEntries(
    Object.entries(files).map(([path, data]) => [
      path,
      [data, { mtime, level: 6 }] as [Uint8Array, { mtime: Date; level: 6 }],
    ]),
  );
  return Buffer.from(zipSync(entries, { mtime, level: 6 }));
}
