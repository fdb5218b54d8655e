import pc from 'picocolors';
import type { Reply, ResultItem } from '../../core/reply.js';
import { VERDICT_LABELS, type Verdict } from '../../model/verdict.js';

type Colors = ReturnType<typeof pc.createColors>;
type Paint = (text: string) => string;

/** One colour per verdict, from alarming to reassuring; neutral kinds stay grey or blue. */
const VERDICT_PAINT: Readonly<Record<Verdict, (colors: Colors) => Paint>> = {
  false: (c) => (t) => c.bold(c.red(t)),
  'mostly-false': (c) => c.red,
  misleading: (c) => c.yellow,
  mixed: (c) => c.yellow,
  'mostly-true': (c) => c.green,
  true: (c) => (t) => c.bold(c.green(t)),
  unproven: (c) => c.magenta,
  satire: (c) => c.cyan,
  opinion: (c) => c.blue,
  other: (c) => c.gray,
};

const CONTEXT_WIDTH = 100;

/** Typed at the console prompt, takes the action offered under the last reply ("Request a fact-check"). */
export const ACTION_SHORTCUT = 'request';

/** Renders a reply as terminal text; links are printed in full so terminals make them clickable. */
export function renderReplyText(reply: Reply, colors: Colors = pc): string {
  return renderSafeReply(sanitizeReply(reply), colors);
}

function renderSafeReply(reply: Reply, colors: Colors): string {
  switch (reply.kind) {
    case 'results':
      return [
        reply.note ? colors.yellow(reply.note) : undefined,
        ...reply.results.map((result, index) => renderResult(result, index, colors)),
      ]
        .filter(Boolean)
        .join('\n\n');
    case 'no-match':
      return [
        colors.yellow(reply.message),
        ...reply.suggestions.map((result) => `  ${colors.dim('·')} ${result.title}  ${colors.dim(`(${VERDICT_LABELS[result.verdict]}, ${result.source.name}${result.source.url ? `, ${result.source.url}` : ''}; ${suggestionStrength(result.score)})`)}`),
        ...(reply.actions ?? []).slice(0, 1).map((action) => `${colors.cyan('→')} ${action.label}: type ${colors.bold(`/${ACTION_SHORTCUT}`)}`),
      ].join('\n');
    case 'notice':
      return reply.tone === 'error' ? colors.red(reply.text) : reply.text;
    case 'help':
      return [
        reply.intro,
        '',
        ...reply.commands.map((command) => `  ${colors.bold(`/${command.usage}`)}\n      ${command.description}`),
        '',
        `  ${colors.dim('Type a claim or a link without a slash to check it; /quit leaves.')}`,
      ].join('\n');
  }
}

function renderResult(result: ResultItem, index: number, colors: Colors): string {
  const verdict = VERDICT_PAINT[result.verdict](colors)(` ${VERDICT_LABELS[result.verdict].toUpperCase()} `);
  // An article's label is the publisher's claim about itself, not a rating by a fact-checker.
  const ratedBy = result.kind === 'article' ? 'labelled by its publisher' : 'rated';
  const rating = result.rating.toLowerCase() === VERDICT_LABELS[result.verdict].toLowerCase() ? '' : ` ${colors.dim(ratedBy)} “${result.rating}”`;
  const lines = [
    `${colors.dim(`${index + 1}.`)} ${verdict}${rating}`,
    `   ${colors.bold(result.title)}`,
    `   ${colors.dim('Source:')} ${result.source.name}${result.date ? `, ${result.date.slice(0, 10)}` : ''}${result.claimant ? ` ${colors.dim('· said by')} ${result.claimant}` : ''}`,
  ];
  if (result.source.url) lines.push(`   ${colors.dim('Link:')}   ${colors.underline(result.source.url)}`);
  if (result.context) lines.push(...wrap(result.context, CONTEXT_WIDTH).map((line) => `   ${line}`));
  const why = result.reason === 'url' ? 'same link' : result.reason === 'url-words' ? 'words of the link (weaker)' : 'similar text';
  lines.push(`   ${colors.dim(`Matched by ${why}, confidence ${percent(result.score)}${result.matchedPart ? ` · for “${truncate(result.matchedPart, 60)}”` : ''}${result.sample ? ' · sample data' : ''}`)}`);
  return lines.join('\n');
}

/**
 * Stored and typed text must not drive the terminal: escape sequences could recolour, hide or
 * rewrite what the reader sees. Control characters (except newlines) are dropped.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}

function sanitizeResult(result: ResultItem): ResultItem {
  return {
    ...result,
    title: terminalSafe(result.title),
    rating: terminalSafe(result.rating),
    source: { name: terminalSafe(result.source.name), url: result.source.url && terminalSafe(result.source.url) },
    context: result.context && terminalSafe(result.context),
    claimant: result.claimant && terminalSafe(result.claimant),
    matchedPart: result.matchedPart && terminalSafe(result.matchedPart),
  };
}

function sanitizeReply(reply: Reply): Reply {
  switch (reply.kind) {
    case 'results':
      return { ...reply, results: reply.results.map(sanitizeResult) };
    case 'no-match':
      return { ...reply, suggestions: reply.suggestions.map(sanitizeResult) };
    case 'notice':
      return { ...reply, text: terminalSafe(reply.text) };
    case 'help':
      return reply;
  }
}

/**
 * A suggestion's confidence, or "weak match" under 1%: "similarity 0%" read as "unrelated", yet
 * such suggestions are sometimes the right claim (on debate lines, a fifth of the right claims in
 * the top three are under 5%).
 */
function suggestionStrength(score: number): string {
  return score >= 0.01 ? `similarity ${percent(score)}` : 'weak match';
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
