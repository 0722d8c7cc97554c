/** A table of text drawn as one self-contained SVG: the quarterly review saved as a picture. */
export interface ReviewPicture {
  title: string;
  subtitle: string;
  kpis: { label: string; value: string }[];
  table: { header: string[]; rows: string[][] };
  notes: string[];
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FONT = "system-ui, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** The review as SVG markup (text only, every value escaped), 1200 px wide. */
export function reviewSvg(p: ReviewPicture): { svg: string; width: number; height: number } {
  const width = 1200;
  const out: string[] = [];
  let y = 56;
  out.push(`<text x="40" y="${y}" font-size="30" font-weight="700">${escape(p.title)}</text>`);
  y += 32;
  out.push(`<text x="40" y="${y}" font-size="16" fill="#5f6368">${escape(p.subtitle)}</text>`);
  y += 30;
  const perRow = 4;
  const boxW = (width - 80 - (perRow - 1) * 16) / perRow;
  p.kpis.forEach((k, i) => {
    const x = 40 + (i % perRow) * (boxW + 16);
    const top = y + Math.floor(i / perRow) * 96;
    out.push(
      `<rect x="${x}" y="${top}" width="${boxW}" height="84" rx="8" fill="#f7f7f5" stroke="#d9d9d4"/>`,
    );
    out.push(`<text x="${x + 14}" y="${top + 28}" font-size="15" fill="#5f6368">${escape(k.label)}</text>`);
    out.push(
      `<text x="${x + 14}" y="${top + 64}" font-size="28" font-weight="700">${escape(k.value)}</text>`,
    );
  });
  y += Math.ceil(p.kpis.length / perRow) * 96 + 20;
  const cols = p.table.header.length;
  const colW = (width - 80) / cols;
  const row = (cells: string[], bold: boolean) => {
    cells.forEach((c, i) => {
      const x = i === 0 ? 40 : 40 + (i + 1) * colW - 8;
      const anchor = i === 0 ? 'start' : 'end';
      out.push(
        `<text x="${x}" y="${y}" font-size="16" text-anchor="${anchor}"${bold ? ' font-weight="700"' : ''}>${escape(c)}</text>`,
      );
    });
    out.push(`<line x1="40" x2="${width - 40}" y1="${y + 10}" y2="${y + 10}" stroke="#d9d9d4"/>`);
    y += 32;
  };
  y += 10;
  row(p.table.header, true);
  p.table.rows.forEach((r, i) => row(r, i === p.table.rows.length - 1));
  y += 10;
  for (const n of p.notes) {
    out.push(`<text x="40" y="${y}" font-size="15" fill="#1d1f21">${escape(n)}</text>`);
    y += 24;
  }
  const height = y + 20;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escape(FONT)}" fill="#1d1f21"><rect width="100%" height="100%" fill="#ffffff"/>${out.join('')}</svg>`;
  return { svg, width, height };
}

/** Rasterises the review's SVG into a PNG (in the page: an image drawn on a canvas, nothing uploaded). */
export async function reviewPng(p: ReviewPicture, scale = 2): Promise<Blob> {
  const { svg, width, height } = reviewSvg(p);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
