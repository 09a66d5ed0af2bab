/**
 * Column boxes (专栏): "专栏6基础设施提升工程" followed by numbered items ("1.道路建设。…"). Web
 * extraction often runs all items of a box into one line, so items are split on their numbers,
 * which must run 1, 2, 3 … (a "2.0计划" inside an item is not item 2).
 */
import type { ColumnItem } from '../model/plan.ts';
import { CHINESE_NUMERAL_CHARS, parseNumberToken } from './numbers.ts';
import type { SourceLine } from './source.ts';
import { openingTitle } from './text.ts';

/** A column box as found in the text, before it is placed in the outline. */
export interface ColumnBox {
  number: number;
  title: string;
  line: number;
  /** All lines the box occupies (header and items). */
  lines: number[];
  items: ColumnItem[];
}

const HEADER = new RegExp(
  `^\\|?\\s*专栏\\s*([0-9０-９${CHINESE_NUMERAL_CHARS}]+)\\s*[:：.、]?\\s*(.*?)[\\s|]*$`,
);
const ITEM_START = /^\|?\s*(\d{1,2}|[０-９]{1,2})[.．、]/;

/** Finds every column box in the document. */
export function readColumns(lines: readonly SourceLine[]): ColumnBox[] {
  const boxes: ColumnBox[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = HEADER.exec(lines[i]!.text.trim());
    if (!header) continue;
    const number = parseNumberToken(header[1]!);
    const title = header[2]!.replace(/\s+/g, ' ').trim();
    if (number === null || title.length === 0 || title.length > 40) continue;
    const content: { line: number; text: string }[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const text = lines[j]!.text.trim();
      if (text === '' || text === '|') continue;
      if (!ITEM_START.test(text) && !(content.length > 0 && isContinuation(text))) break;
      content.push({ line: j + 1, text });
    }
    const items = splitItems(content, boxKind(title));
    boxes.push({ number, title, line: i + 1, lines: [i + 1, ...content.map((c) => c.line)], items });
    i = Math.max(i, (content.at(-1)?.line ?? i + 1) - 1);
  }
  return boxes;
}

/** A line that carries on the item above it (it is a table cell row of the box, not a new paragraph). */
function isContinuation(text: string): boolean {
  return text.startsWith('|') || text.endsWith('|');
}

function boxKind(title: string): ColumnItem['kind'] {
  return /行动|计划|任务|改革|机制|政策/.test(title) ? 'action' : 'project';
}

/** Splits the text of a box into its numbered items. */
function splitItems(content: { line: number; text: string }[], kind: ColumnItem['kind']): ColumnItem[] {
  const items: ColumnItem[] = [];
  let current: { number: number; line: number; parts: string[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const text = current.parts
      .join(' ')
      .replace(/[\s|]+$/g, '')
      .trim();
    const title = openingTitle(text) ?? text.split(/[。:：]/)[0]!.slice(0, 40);
    const itemKind = /行动|计划$/.test(title)
      ? 'action'
      : /工程|项目|综合体|建设$/.test(title)
        ? 'project'
        : kind;
    items.push({ number: current.number, title, text, line: current.line, kind: itemKind });
  };
  for (const { line, text } of content) {
    // Candidate item starts: a number followed by 、 or a full stop, at the start or after a space/stop.
    const pattern = /(^|[\s|。;；])\|?\s*(\d{1,2}|[０-９]{1,2})[.．、](?!\d)/g;
    let last = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const number = parseNumberToken(m[2]!);
      const expected: number = current ? current.number + 1 : 1;
      if (number === null || number !== expected) continue;
      const start = m.index + m[1]!.length;
      if (current) current.parts.push(text.slice(last, start));
      flush();
      current = { number, line, parts: [] };
      last = m.index + m[0].length;
    }
    if (current) current.parts.push(text.slice(last));
  }
  flush();
  return items;
}
