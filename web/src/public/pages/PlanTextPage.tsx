/** The plan as issued: its outline with contents, and every commitment and indicator mention marked. */
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { indicatorPath } from '../components/IndicatorCard.tsx';
import { Link } from '../components/Link.tsx';
import { LoadError, Loading } from '../components/PageState.tsx';
import { SiteHeader } from '../components/SiteHeader.tsx';
import { fetchText, useLoad } from '../data.ts';
import { formatValue } from '../format.ts';
import { type Translate, useI18n } from '../I18n.tsx';
import type { PublicText, TextBlock, TextMark } from '../types.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';

export interface PlanTextPageProps {
  planId: string;
  hash: string;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (chapter and section numbers as the plan prints them). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

export function PlanTextPage({ planId, hash }: PlanTextPageProps): ReactNode {
  const { t } = useI18n();
  const loaded = useLoad(planId, fetchText);
  useDocumentTitle(loaded.state === 'ready' ? `${t('text.title')} · ${loaded.data.title}` : t('text.title'));
  useEffect(() => {
    if (loaded.state !== 'ready' || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [loaded.state, hash]);
  if (loaded.state !== 'ready') {
    return (
      <>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          <div className="wrap">{loaded.state === 'loading' ? <Loading /> : <LoadError {...loaded} />}</div>
        </main>
      </>
    );
  }
  const text = loaded.data;
  return (
    <>
      <SiteHeader plan={text} section="text" />
      <main id="main" tabIndex={-1}>
        <div className="wrap">
          <div className="text-intro">
            <h1 tabIndex={-1}>{t('text.title')}</h1>
            <p className="lead">{t('text.lead')}</p>
            <p className="text-legend">
              <span className="visually-hidden">{t('text.legend')}:</span>
              <mark className="mention-commitment">{t('text.legendCommitment')}</mark>
              <span className="mention-indicator legend-mention">{t('text.legendIndicator')}</span>
            </p>
          </div>
          <div className="text-layout">
            <Contents text={text} />
            <article className="plan-text" lang="zh-CN">
              {text.chapters.map((chapter) => (
                <section key={chapter.number} id={`c${chapter.number}`} className="chapter">
                  <h2>
                    <Numbered kind="chapter" n={chapter.number} title={chapter.title} />
                  </h2>
                  <Blocks blocks={chapter.blocks} text={text} />
                  {chapter.sections.map((section) => (
                    <section
                      key={section.number}
                      id={`c${chapter.number}-s${section.number}`}
                      className="text-section"
                    >
                      <h3>
                        <Numbered kind="section" n={section.number} title={section.title} />
                      </h3>
                      <Blocks blocks={section.blocks} text={text} />
                    </section>
                  ))}
                </section>
              ))}
            </article>
          </div>
        </div>
      </main>
    </>
  );
}

/** A heading of the plan: its numbering in the page's language (第三章 / Chapter 3), its title as printed. */
function Numbered({
  kind,
  n,
  title,
}: {
  kind: 'chapter' | 'section' | 'column';
  n: number;
  title: string;
}): ReactNode {
  const { locale, t } = useI18n();
  return (
    <>
      <span className="heading-no" lang={locale === 'en' ? 'en' : undefined}>
        {t(`text.${kind}No`, { n, cn: chineseNumeral(n) })}
      </span>{' '}
      {title}
    </>
  );
}

function Contents({ text }: { text: PublicText }): ReactNode {
  const { t } = useI18n();
  const [open] = useState(
    () => typeof window !== 'undefined' && window.matchMedia('(min-width: 960px)').matches,
  );
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <details open={open}>
        <summary>
          <h2 id="toc-title" className="toc-title">
            {t('text.toc')}
          </h2>
        </summary>
        <ol lang="zh-CN">
          {text.chapters.map((chapter) => (
            <li key={chapter.number}>
              <a href={`#c${chapter.number}`} className="toc-chapter">
                <Numbered kind="chapter" n={chapter.number} title={chapter.title} />
              </a>
              {chapter.sections.length > 0 && (
                <ol className="toc-sub">
                  {chapter.sections.map((section) => (
                    <li key={section.number}>
                      <a href={`#c${chapter.number}-s${section.number}`}>{section.title}</a>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}

function Blocks({ blocks, text }: { blocks: TextBlock[]; text: PublicText }): ReactNode {
  return (
    <>
      {blocks.map((block) =>
        block.kind === 'paragraph' ? (
          <p key={`p${block.line}-${block.text.length}`} className={block.title ? 'task' : undefined}>
            <Marked text={block.text} marks={block.marks} title={block.title} plan={text} />
          </p>
        ) : (
          <aside key={`c${block.number}`} className="column-box" aria-labelledby={`box-${block.number}`}>
            <h4 id={`box-${block.number}`}>
              <Numbered kind="column" n={block.number} title={block.title} />
            </h4>
            <ol>
              {block.items.map((item) => (
                <li key={item.number} value={item.number}>
                  <Marked text={item.text} marks={item.marks} title={item.title} plan={text} />
                </li>
              ))}
            </ol>
          </aside>
        ),
      )}
    </>
  );
}

function commitmentLabel(mark: TextMark, t: Translate, locale: 'zh-CN' | 'en'): string {
  const c = mark.commitment;
  if (!c) return '';
  const quantity =
    typeof c.quantity === 'number'
      ? formatValue(c.quantity, locale)
      : `${formatValue(c.quantity.min, locale)}–${formatValue(c.quantity.max, locale)}`;
  const comparator = c.comparator === 'range' || c.comparator === '=' ? '' : t(`comparator.${c.comparator}`);
  return t('text.commitment', {
    subject: c.subject,
    quantity: `${comparator}${quantity}${c.unit}`,
    year: c.year ? t('text.commitmentYear', { year: c.year }) : '',
  });
}

/** A paragraph with its marks: commitments highlighted, indicator mentions linked to their page. */
function Marked({
  text,
  marks,
  title,
  plan,
}: {
  text: string;
  marks: TextMark[];
  title: string | null;
  plan: PublicText;
}): ReactNode {
  const { locale, t } = useI18n();
  const parts: ReactNode[] = [];
  let at = 0;
  const titleEnd = title && text.startsWith(title) ? title.length + (text[title.length] === '。' ? 1 : 0) : 0;
  const plain = (from: number, to: number): void => {
    if (to <= from) return;
    if (from < titleEnd) {
      parts.push(<strong key={`t${from}`}>{text.slice(from, Math.min(to, titleEnd))}</strong>);
      if (to > titleEnd) parts.push(<Fragment key={`s${titleEnd}`}>{text.slice(titleEnd, to)}</Fragment>);
    } else parts.push(<Fragment key={`s${from}`}>{text.slice(from, to)}</Fragment>);
  };
  for (const mark of marks) {
    if (mark.start < at || mark.end > text.length) continue;
    plain(at, mark.start);
    const words = text.slice(mark.start, mark.end);
    const name = plan.indicators.find((i) => i.code === mark.indicator)?.name ?? '';
    const to = mark.indicator ? indicatorPath(plan.id, mark.indicator) : null;
    if (mark.kind === 'commitment') {
      const highlighted = (
        <mark className="mention-commitment" title={commitmentLabel(mark, t, locale)}>
          {words}
        </mark>
      );
      parts.push(
        to ? (
          <Link key={`m${mark.start}`} to={to} className="mention-link">
            {highlighted}
          </Link>
        ) : (
          <Fragment key={`m${mark.start}`}>{highlighted}</Fragment>
        ),
      );
    } else if (to) {
      parts.push(
        <Link key={`m${mark.start}`} to={to} className="mention-indicator">
          {words}
          <span className="visually-hidden" lang={locale}>
            ({t('text.indicatorLink', { name })})
          </span>
        </Link>,
      );
    } else plain(mark.start, mark.end);
    at = mark.end;
  }
  plain(at, text.length);
  return <>{parts}</>;
}
