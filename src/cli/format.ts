/** Terminal formatting that respects the width of Chinese characters (two columns each). */

/** Display width of a string in a terminal: East Asian wide and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of stripAnsi(text)) {
    const code = ch.codePointAt(0)!;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** Removes terminal colour codes (ESC [ … m), which take no columns. */
function stripAnsi(text: string): string {
  return text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Cuts a string to at most `width` display columns, with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Pads a string on the right (or left for numbers) to a display width. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Renders rows as aligned columns; `align` says which columns are right-aligned numbers. */
export function renderTable(header: string[], rows: string[][], align: ('left' | 'right')[] = []): string {
  const widths = header.map((h, k) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[k] ?? ''))),
  );
  const line = (cells: string[]): string =>
    cells
      .map((c, k) => pad(c, widths[k]!, align[k] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}
