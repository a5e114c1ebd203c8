/** The small pieces every email template shares: escaping and one plain layout. */

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text placed in HTML, attribute values included. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c] as string);
}

/** A minimal, client-safe HTML email: inline styles only, no images, no scripts. */
export function htmlLayout(shopName: string, title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:640px;margin:0 auto;padding:16px">',
    `<p style="font-size:20px;font-weight:bold;margin:0 0 16px">${escapeHtml(shopName)}</p>`,
    body,
    `<p style="color:#666;font-size:12px;margin-top:32px">${escapeHtml(shopName)}</p>`,
    '</body></html>',
  ].join('\n');
}

/** An HTML table of rows of cells; every cell is escaped here. */
export function htmlTable(head: string[], rows: string[][], foot: string[][] = []): string {
  const cell = (tag: 'th' | 'td', value: string, i: number) =>
    `<${tag} style="padding:4px 8px;text-align:${i === 0 ? 'left' : 'right'};border-bottom:1px solid #ddd">${escapeHtml(value)}</${tag}>`;
  const row = (tag: 'th' | 'td', cells: string[]) =>
    `<tr>${cells.map((c, i) => cell(tag, c, i)).join('')}</tr>`;
  return [
    '<table style="border-collapse:collapse;width:100%">',
    `<thead>${row('th', head)}</thead>`,
    `<tbody>${rows.map((r) => row('td', r)).join('')}</tbody>`,
    foot.length ? `<tfoot>${foot.map((r) => row('th', r)).join('')}</tfoot>` : '',
    '</table>',
  ].join('');
}

export function htmlParagraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

export function htmlLink(href: string, label: string): string {
  return `<p><a href="${escapeHtml(href)}" style="color:#0b57d0">${escapeHtml(label)}</a></p>`;
}
