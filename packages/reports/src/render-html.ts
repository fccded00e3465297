// HTML preview of the same model: one self-contained page (inline CSS, charts as inline SVG).
import { chartSvg } from './charts';
import type { Block, LkjipDocument } from './model';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function block(b: Block, doc: LkjipDocument): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level} id="${esc(b.id)}">${esc(b.text)}</h${b.level}>`;
    case 'paragraph': {
      const cls = [b.align ? `a-${b.align}` : '', b.size ? `s-${b.size}` : '']
        .filter(Boolean)
        .join(' ');
      let text = esc(b.text);
      if (b.bold) text = `<strong>${text}</strong>`;
      if (b.italic) text = `<em>${text}</em>`;
      return `<p class="${cls}">${text}</p>`;
    }
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const total = b.columns.reduce((a, c) => a + c.width, 0);
      const bold = new Set(b.boldRows ?? []);
      const head = `<tr>${b.columns.map((c) => `<th style="width:${((c.width / total) * 100).toFixed(1)}%">${esc(c.header)}</th>`).join('')}</tr>`;
      const rows = b.rows
        .map(
          (r, k) =>
            `<tr${bold.has(k) ? ' class="bold"' : ''}>${b.columns.map((c, i) => `<td class="a-${c.align ?? 'left'}">${esc(r[i] ?? '')}</td>`).join('')}</tr>`,
        )
        .join('');
      return `<figure id="${esc(b.id)}"><figcaption>${esc(b.caption)}</figcaption><table><thead>${head}</thead><tbody>${rows}</tbody></table>${b.note ? `<p class="note">${esc(b.note)}</p>` : ''}</figure>`;
    }
    case 'chart':
      return `<figure id="${esc(b.id)}" class="chart">${chartSvg(b.chart)}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    case 'toc': {
      const items = [...doc.front, ...doc.body].flatMap((x) =>
        x.type === 'heading' && x.toc
          ? [`<li class="l${x.level}"><a href="#${esc(x.id)}">${esc(x.text)}</a></li>`]
          : [],
      );
      return `<nav><h1>${esc(b.title)}</h1><ul class="toc">${items.join('')}</ul></nav>`;
    }
    case 'captionList': {
      const items = [...doc.front, ...doc.body].flatMap((x) =>
        (b.kind === 'table' && x.type === 'table') || (b.kind === 'chart' && x.type === 'chart')
          ? [`<li><a href="#${esc(x.id)}">${esc(x.caption)}</a></li>`]
          : [],
      );
      return `<nav><h1>${esc(b.title)}</h1><ul class="toc">${items.join('') || '<li>–</li>'}</ul></nav>`;
    }
    case 'pageBreak':
      return '<hr class="page">';
    case 'signature':
      return `<div class="signature"><p>${esc(b.place)}, ${esc(b.date)}</p><p>${esc(b.position)}</p><p class="name">${esc(b.name || '(nama pejabat)')}</p>${b.nip ? `<p>NIP. ${esc(b.nip)}</p>` : ''}</div>`;
  }
}

const CSS = `body{font-family:"Noto Sans",Arial,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.5}
h1{text-align:center;font-size:1.4rem;margin-top:2.5rem}h2{font-size:1.15rem;margin-top:2rem}h3{font-size:1rem;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #888;padding:3px 5px;vertical-align:top}th{background:#d9e2f3}
tr.bold td{font-weight:bold}figure{margin:1.2rem 0}figcaption{font-weight:bold;text-align:center;margin:.3rem 0}.chart svg{width:100%;height:auto}
.a-center{text-align:center}.a-right{text-align:right}.a-justify{text-align:justify}.s-title{font-size:1.6rem}.s-large{font-size:1.2rem}.s-small{font-size:.85rem}
.note{font-style:italic;font-size:.85rem}.signature{margin:2rem 0 2rem 55%}.signature .name{margin-top:4rem;font-weight:bold;text-decoration:underline}
hr.page{border:0;border-top:1px dashed #bbb;margin:2rem 0}.toc{list-style:none;padding:0}.toc .l2{padding-left:1.2rem}.toc .l3{padding-left:2.4rem}
.meta{font-size:.8rem;color:#555;text-align:center}
.draft{position:sticky;top:0;background:#fff3cd;color:#7a4b00;border:1px solid #e0b84c;text-align:center;font-weight:bold;letter-spacing:.3em;padding:.2rem;margin:0}
@media print{.draft{position:fixed;top:0;left:0;right:0}.meta{position:fixed;bottom:0;left:0;right:0}}`;

export function renderHtml(doc: LkjipDocument): string {
  const parts = [...doc.cover, ...doc.front, ...doc.body].map((b) => block(b, doc));
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(doc.meta.title)}</title>
<meta name="sakip-feed-position" content="${doc.meta.feedPosition}"><meta name="sakip-data-date" content="${esc(doc.meta.dataDate)}"><style>${CSS}</style></head>
<body>${doc.meta.draft ? '<p class="draft" role="note">DRAF</p>' : ''}<article>${parts.join('\n')}</article><p class="meta">${esc(doc.meta.footer)} · posisi feed ${doc.meta.feedPosition}</p></body></html>`;
}
