/**
 * Recognises outline headings. Plans number chapters and sections either as 第三章 / 第一节 or, in
 * shorter documents, as 一、 / （一）. A heading is short and has no sentence inside it, which is what
 * separates "第一节 一轴引领" from a paragraph that happens to begin with 第一.
 */
import { CHINESE_NUMERAL_CHARS, parseNumberToken } from './numbers.ts';

export interface Heading {
  level: 'part' | 'chapter' | 'section';
  number: number;
  title: string;
  /** Which numbering style the heading uses; TOC and body are matched within a style. */
  style: 'formal' | 'enumerated';
}

const NUM = `[${CHINESE_NUMERAL_CHARS}0-9０-９]+`;
const FORMAL = new RegExp(`^第(${NUM})([篇章节])[\\s　:：、.]*(.*)$`);
const ENUM_CHAPTER = new RegExp(`^([${CHINESE_NUMERAL_CHARS}]+)[、.．]\\s*(.+)$`);
const ENUM_SECTION = new RegExp(`^[（(]([${CHINESE_NUMERAL_CHARS}]+)[）)]\\s*(.+)$`);
const MAX_TITLE = 40;

const LEVELS = { 篇: 'part', 章: 'chapter', 节: 'section' } as const;

/** Reads a heading from one line of text, or returns null when the line is not one. */
export function parseHeading(line: string): Heading | null {
  const text = line.trim().replace(/\s*\|\s*$/, '');
  if (text.length === 0 || text.length > MAX_TITLE + 8) return null;
  const formal = FORMAL.exec(text);
  if (formal) {
    const number = parseNumberToken(formal[1]!);
    const title = cleanTitle(formal[3]!);
    if (number === null || !isTitle(title)) return null;
    return { level: LEVELS[formal[2] as keyof typeof LEVELS], number, title, style: 'formal' };
  }
  const chapter = ENUM_CHAPTER.exec(text);
  if (chapter) {
    const number = parseNumberToken(chapter[1]!);
    const title = cleanTitle(chapter[2]!);
    if (number === null || !isTitle(title)) return null;
    return { level: 'chapter', number, title, style: 'enumerated' };
  }
  const section = ENUM_SECTION.exec(text);
  if (section) {
    const number = parseNumberToken(section[1]!);
    const title = cleanTitle(section[2]!);
    if (number === null || !isTitle(title)) return null;
    return { level: 'section', number, title, style: 'enumerated' };
  }
  return null;
}

function cleanTitle(title: string): string {
  return title.replace(/[\s　]+/g, ' ').trim();
}

/** A title is short and holds no full stop or clause break: it names, it does not say. */
function isTitle(title: string): boolean {
  return title.length > 0 && title.length <= MAX_TITLE && !/[。;;,,:：]/.test(title);
}

/** Normalises a title for comparison between the table of contents and the body. */
export function titleKey(title: string): string {
  return title.replace(/[\s　“”"‘’'《》「」()（）·、]/g, '');
}
