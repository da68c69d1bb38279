/**
 * Markdown and links out of text for channels that show plain text (SMS) or speak it (voice).
 * The engine writes light markdown (bold, lists, [label](url)); these helpers keep the words.
 */
export type LinkMode = 'keep' | 'drop';

const MD_LINK = /\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g;
export const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>()]+[^\s<>().,;:!?'"»。，！？]/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;

/** Removes markdown emphasis, headings, quotes, code fences and link syntax. */
export function stripMarkdown(text: string, links: LinkMode = 'keep'): string {
  return text
    .replace(/```[^\n]*\n?([\s\S]*?)```/g, '$1')
    .replace(MD_LINK, (_m, label: string, url: string) => (links === 'keep' && label !== url ? `${label} (${url})` : label))
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)([^\n*_]*?\S)\2(?=[\s).,;:!?]|$)/gm, '$1$3')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/gm, '');
}

/** Replaces bare URLs and e-mail addresses with `replacement` (or nothing), tidying the space left behind. */
export function removeLinks(text: string, replacement = ''): string {
  return text
    .replace(URL_PATTERN, replacement)
    .replace(EMAIL, replacement)
    .replace(/[ \t]+([.,;:!?。，！？])/g, '$1')
    .replace(/\(\s*\)/g, '')
    .replace(/[ \t]{2,}/g, ' ');
}

/** Markdown bullets and numbered items become `- ` lines, which read well on any phone. */
export function normaliseBullets(text: string): string {
  return text.replace(/^[ \t]*(?:[*+•·-]|\d{1,2}[.)])[ \t]+/gm, '- ');
}

export function collapseBlankLines(text: string): string {
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
