import type { ReactNode } from 'react';

// WhatsApp's text formatting, rendered as React elements (never as HTML): *bold*, _italic_,
// ~strikethrough~, `inline code`, ```monospace``` blocks; line breaks are kept by CSS
// (white-space: pre-wrap) and http(s) links become links that open in a new tab.

const markers: Record<string, 'strong' | 'em' | 's' | 'code'> = {
  '*': 'strong',
  _: 'em',
  '~': 's',
  '`': 'code',
};
const boundary = /[\s\p{P}\p{S}]/u;
const urlPattern = /https?:\/\/[^\s<>"]+[^\s<>".,:;'!?)\]]/g;

function linkify(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index ?? 0;
    if (start > last) out.push(text.slice(last, start));
    out.push(
      <a key={`${key}-l${start}`} href={match[0]} target="_blank" rel="noopener noreferrer">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function closingIndex(text: string, open: number, marker: string): number {
  for (let j = open + 2; j < text.length; j++) {
    const char = text[j];
    if (char === '\n') return -1;
    if (char !== marker) continue;
    const before = text[j - 1] ?? ' ';
    const after = text[j + 1];
    if (!/\s/.test(before) && (after === undefined || boundary.test(after))) return j;
  }
  return -1;
}

function parseInline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const tag = markers[char];
    const before = text[i - 1];
    const next = text[i + 1];
    const opens =
      tag &&
      (before === undefined || boundary.test(before)) &&
      next !== undefined &&
      !/\s/.test(next) &&
      next !== char;
    const close = opens ? closingIndex(text, i, char) : -1;
    if (!tag || close < 0) {
      i++;
      continue;
    }
    if (i > plainStart) out.push(...linkify(text.slice(plainStart, i), `${key}-${plainStart}`));
    const inner = text.slice(i + 1, close);
    const Tag = tag;
    out.push(<Tag key={`${key}-${i}`}>{tag === 'code' ? inner : parseInline(inner, `${key}-${i}`)}</Tag>);
    i = close + 1;
    plainStart = i;
  }
  if (plainStart < text.length) out.push(...linkify(text.slice(plainStart), `${key}-${plainStart}`));
  return out;
}

/** Renders a WhatsApp message body with its formatting. */
export function WhatsAppText({ text }: { text: string }) {
  const parts = text.split('```');
  // An odd number of fences leaves the last one unmatched: show it as typed.
  const closed = parts.length % 2 === 1;
  return (
    <span className="wa-text">
      {parts.map((part, index) => {
        const isMono = index % 2 === 1 && (closed || index < parts.length - 1);
        if (isMono) {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parsed text, never reordered
            <code key={index} className="wa-mono">
              {part}
            </code>
          );
        }
        const prefix = index % 2 === 1 ? '```' : '';
        // biome-ignore lint/suspicious/noArrayIndexKey: parsed text, never reordered
        return <span key={index}>{parseInline(prefix + part, `p${index}`)}</span>;
      })}
    </span>
  );
}
