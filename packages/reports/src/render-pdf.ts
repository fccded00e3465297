// PDF straight from the document model with pdfkit (no office suite): A4, embedded Noto Sans,
// tables drawn cell by cell with the header row repeated on each page, chart images, bookmarks,
// a table of contents with page numbers (its pages are reserved when it is reached and filled at
// the end), page numbers in the footer. Creation date and file id come from the data date.
import PDFDocument from 'pdfkit';
import { chartPng, CHART_HEIGHT, CHART_WIDTH } from './charts';
import { fontBytes } from './fonts';
import type { Block, LkjipDocument, TableBlock } from './model';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = { top: 71, bottom: 71, left: 85, right: 71 };
const A4 = { width: 595.28, height: 841.89 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;
const SIZE: Record<string, number> = { small: 9, normal: 11, large: 14, title: 18 };
const TOC_LINE = 16;

interface Entry {
  text: string;
  level: number;
  page: number;
}

interface Reserved {
  kind: 'toc' | 'table' | 'chart';
  title: string;
  firstPage: number;
  pages: number;
}

class Layout {
  /** Page index where the front matter / body start (for the footer numbering). */
  frontStart = 0;
  bodyStart = 0;
  headings: Entry[] = [];
  captions: { kind: 'table' | 'chart'; text: string; page: number }[] = [];
  reserved: Reserved[] = [];
  private pageIndex = -1;

  constructor(
    readonly doc: Doc,
    readonly model: LkjipDocument,
  ) {
    doc.on('pageAdded', () => {
      this.pageIndex += 1;
    });
  }

  get page() {
    return this.pageIndex;
  }

  newPage() {
    this.doc.addPage();
  }

  ensure(height: number) {
    if (this.doc.y + height > BOTTOM) this.newPage();
  }

  font(kind: 'regular' | 'bold' | 'italic', size: number) {
    this.doc.font(kind).fontSize(size);
  }

  /** The page number shown for a page index (roman in the front matter). */
  label(index: number): string {
    if (index >= this.bodyStart) return String(index - this.bodyStart + 1);
    return roman(index - this.frontStart + 1);
  }

  block(b: Block) {
    const doc = this.doc;
    switch (b.type) {
      case 'heading': {
        const size = b.level === 1 ? 14 : b.level === 2 ? 12 : 11;
        this.ensure(size * 2 + 60);
        if (b.level === 1 && doc.y > MARGIN.top + 1) doc.moveDown(0.5);
        this.font(b.level === 3 ? 'italic' : 'bold', size);
        if (b.level === 3) this.font('bold', size);
        if (b.toc) this.headings.push({ text: b.text, level: b.level, page: this.page });
        if (b.level <= 2) doc.outline.addItem(b.text);
        doc.text(b.text, MARGIN.left, doc.y, {
          width: WIDTH,
          align: b.level === 1 ? 'center' : 'left',
        });
        doc.moveDown(b.level === 1 ? 0.8 : 0.4);
        break;
      }
      case 'paragraph': {
        this.font(b.bold ? 'bold' : b.italic ? 'italic' : 'regular', SIZE[b.size ?? 'normal']!);
        doc.text(b.text, MARGIN.left, doc.y, {
          width: WIDTH,
          align: b.align ?? 'justify',
          lineGap: 2,
        });
        doc.moveDown(b.size === 'title' || b.size === 'large' ? 1 : 0.4);
        break;
      }
      case 'list': {
        this.font('regular', 11);
        b.items.forEach((item, k) => {
          const bullet = b.ordered ? `${k + 1}.` : '•';
          const h = doc.heightOfString(item, { width: WIDTH - 22, lineGap: 2 });
          this.ensure(Math.min(h, 40));
          const y = doc.y;
          doc.text(bullet, MARGIN.left + 4, y, { width: 18, lineBreak: false });
          doc.text(item, MARGIN.left + 22, y, { width: WIDTH - 22, align: 'justify', lineGap: 2 });
          doc.moveDown(0.25);
        });
        doc.moveDown(0.3);
        break;
      }
      case 'table':
        this.table(b);
        break;
      case 'chart': {
        const h = (WIDTH * CHART_HEIGHT) / CHART_WIDTH;
        this.ensure(h + 30);
        doc.image(chartPng(b.chart), MARGIN.left, doc.y, { width: WIDTH });
        doc.y += h + 4;
        this.captions.push({ kind: 'chart', text: b.caption, page: this.page });
        this.font('bold', 10);
        doc.text(b.caption, MARGIN.left, doc.y, { width: WIDTH, align: 'center' });
        doc.moveDown(0.8);
        break;
      }
      case 'toc':
      case 'captionList': {
        const kind = b.type === 'toc' ? 'toc' : b.kind;
        const count =
          kind === 'toc'
            ? this.model.front.concat(this.model.body).filter((x) => x.type === 'heading' && x.toc)
                .length
            : this.model.front.concat(this.model.body).filter((x) => x.type === kind).length;
        const perPage = Math.floor((BOTTOM - MARGIN.top - 50) / TOC_LINE);
        const pages = Math.max(1, Math.ceil(count / perPage));
        if (doc.y > MARGIN.top + 1) this.newPage();
        this.headings.push({ text: b.title, level: 1, page: this.page });
        doc.outline.addItem(b.title);
        this.reserved.push({ kind, title: b.title, firstPage: this.page, pages });
        for (let k = 1; k < pages; k++) this.newPage();
        this.newPage();
        break;
      }
      case 'pageBreak':
        this.newPage();
        break;
      case 'signature': {
        this.ensure(120);
        const x = MARGIN.left + WIDTH * 0.55;
        const w = WIDTH * 0.45;
        doc.moveDown(1);
        this.font('regular', 11);
        doc.text(`${b.place}, ${b.date}`, x, doc.y, { width: w });
        doc.text(b.position, x, doc.y, { width: w });
        doc.moveDown(4);
        this.font('bold', 11);
        doc.text(b.name || '(nama pejabat)', x, doc.y, { width: w, underline: true });
        if (b.nip) {
          this.font('regular', 11);
          doc.text(`NIP. ${b.nip}`, x, doc.y, { width: w });
        }
        doc.x = MARGIN.left;
        break;
      }
    }
  }

  table(t: TableBlock) {
    const doc = this.doc;
    const total = t.columns.reduce((a, c) => a + c.width, 0);
    const widths = t.columns.map((c) => (c.width / total) * WIDTH);
    const pad = 3;
    const size = 8.5;
    const bold = new Set(t.boldRows ?? []);
    const heightOf = (cells: string[], font: 'regular' | 'bold') => {
      this.font(font, size);
      return (
        Math.max(
          ...cells.map((text, i) =>
            doc.heightOfString(text || ' ', { width: widths[i]! - 2 * pad }),
          ),
        ) +
        2 * pad
      );
    };
    const drawRow = (cells: string[], header: boolean, isBold: boolean, known?: number) => {
      const h = known ?? heightOf(cells, header || isBold ? 'bold' : 'regular');
      const y = doc.y;
      let x = MARGIN.left;
      cells.forEach((text, i) => {
        const w = widths[i]!;
        if (header) doc.rect(x, y, w, h).fillAndStroke('#d9e2f3', '#808080');
        else doc.rect(x, y, w, h).lineWidth(0.5).stroke('#808080');
        doc.fillColor('#000000');
        this.font(header || isBold ? 'bold' : 'regular', size);
        doc.text(text, x + pad, y + pad, {
          width: w - 2 * pad,
          align: header ? 'center' : (t.columns[i]!.align ?? 'left'),
        });
        x += w;
      });
      doc.y = y + h;
    };
    const headerHeight = heightOf(
      t.columns.map((c) => c.header),
      'bold',
    );
    const first = t.rows[0] ? heightOf(t.rows[0], 'regular') : 0;
    this.ensure(28 + headerHeight + first);
    this.captions.push({ kind: 'table', text: t.caption, page: this.page });
    this.font('bold', 10);
    doc.text(t.caption, MARGIN.left, doc.y, { width: WIDTH, align: 'center' });
    doc.moveDown(0.3);
    drawRow(
      t.columns.map((c) => c.header),
      true,
      false,
      headerHeight,
    );
    t.rows.forEach((row, k) => {
      const cells = t.columns.map((_, i) => row[i] ?? '');
      const h = heightOf(cells, bold.has(k) ? 'bold' : 'regular');
      if (doc.y + h > BOTTOM) {
        this.newPage();
        drawRow(
          t.columns.map((c) => c.header),
          true,
          false,
          headerHeight,
        );
      }
      drawRow(cells, false, bold.has(k), h);
    });
    doc.x = MARGIN.left;
    if (t.note) {
      doc.moveDown(0.2);
      this.font('italic', 9);
      doc.text(t.note, MARGIN.left, doc.y, { width: WIDTH });
    }
    doc.moveDown(0.8);
  }

  /** Fills the reserved contents pages now that every page number is known. */
  fillReserved() {
    const doc = this.doc;
    for (const r of this.reserved) {
      const entries =
        r.kind === 'toc'
          ? this.headings
              .filter((h) => h.text !== r.title || h.page !== r.firstPage)
              .map((h) => ({
                text: h.text,
                indent: (h.level - 1) * 14,
                page: h.page,
                bold: h.level === 1,
              }))
          : this.captions
              .filter((c) => c.kind === r.kind)
              .map((c) => ({ text: c.text, indent: 0, page: c.page, bold: false }));
      let page = r.firstPage;
      doc.switchToPage(page);
      this.font('bold', 14);
      doc.text(r.title, MARGIN.left, MARGIN.top, { width: WIDTH, align: 'center' });
      let y = MARGIN.top + 40;
      for (const e of entries) {
        if (y + TOC_LINE > BOTTOM) {
          page += 1;
          doc.switchToPage(page);
          y = MARGIN.top;
        }
        this.font(e.bold ? 'bold' : 'regular', 10);
        const num = this.label(e.page);
        const numW = 30;
        const textW = WIDTH - e.indent - numW - 6;
        let text = e.text;
        while (text.length > 4 && doc.widthOfString(text) > textW)
          text = `${text.slice(0, -2)}…`.replace(/……$/, '…');
        doc.text(text, MARGIN.left + e.indent, y, { width: textW, lineBreak: false });
        const tw = doc.widthOfString(text);
        const dotsFrom = MARGIN.left + e.indent + tw + 4;
        const dotsTo = MARGIN.left + WIDTH - numW - 2;
        if (dotsTo > dotsFrom)
          doc.text(
            '.'.repeat(Math.max(0, Math.floor((dotsTo - dotsFrom) / doc.widthOfString('.')))),
            dotsFrom,
            y,
            { lineBreak: false },
          );
        doc.text(num, MARGIN.left + WIDTH - numW, y, {
          width: numW,
          align: 'right',
          lineBreak: false,
        });
        y += TOC_LINE;
      }
    }
  }

  footers() {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      // The cover has no page number; a draft's cover still carries the DRAF footer.
      const cover = i < this.frontStart;
      if (cover && !this.model.meta.draft) continue;
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.font('regular', 8);
      doc
        .fillColor('#555555')
        .text(
          cover
            ? this.model.meta.footer
            : `${this.model.meta.footer} — ${i >= this.bodyStart ? 'Halaman ' : ''}${this.label(i)}`,
          MARGIN.left,
          A4.height - 45,
          { width: WIDTH, align: 'center', lineBreak: false },
        );
      doc.fillColor('#000000');
      doc.page.margins.bottom = saved;
    }
  }
}

function roman(n: number): string {
  const map: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of map) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

export function renderPdf(model: LkjipDocument): Promise<Buffer> {
  const created = new Date(model.meta.createdAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    compress: true,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: model.meta.title,
      Author: model.meta.author,
      Subject: model.meta.subject,
      Keywords: model.meta.keywords,
      Creator: 'SAKIP',
      Producer: 'SAKIP (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  const fonts = fontBytes();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const layout = new Layout(doc, model);
  layout.newPage();
  // Cover: centred in the upper half.
  doc.y = 200;
  for (const b of model.cover) layout.block(b);
  layout.newPage();
  layout.frontStart = layout.page;
  for (const b of model.front) layout.block(b);
  if (doc.y > MARGIN.top + 1) layout.newPage();
  layout.bodyStart = layout.page;
  for (const b of model.body) layout.block(b);
  layout.fillReserved();
  layout.footers();
  doc.end();
  return done;
}
