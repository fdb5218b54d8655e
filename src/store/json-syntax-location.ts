/** Where in a text a JSON syntax error sits, 1-based, as editors count. */
export interface TextLocation {
  line: number;
  column: number;
}

/**
 * Locates the syntax error that made `JSON.parse(text)` fail. V8's messages carry a position only
 * for some errors (and never a line), so the text is scanned with a minimal JSON grammar instead.
 */
export function locateJsonSyntaxError(text: string): TextLocation {
  return toLocation(text, jsonErrorOffset(text));
}

/** V8's reason without its position and excerpt, which the location replaces. */
export function jsonSyntaxProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
}

function toLocation(text: string, offset: number): TextLocation {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}

/** Offset of the first character a JSON parser would reject (text.length for a premature end). */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxAt(i);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const expect = (literal: string) => {
    for (const char of literal) {
      if (text.charAt(i) !== char) fail();
      i++;
    }
  };
  const string = () => {
    expect('"');
    while (i < text.length) {
      const char = text.charAt(i);
      if (char === '"') {
        i++;
        return;
      }
      if (char < ' ') fail();
      if (char === '\\') {
        i++;
        const escaped = text.charAt(i);
        if (escaped === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text.charAt(i))) fail();
          }
        } else if (!'"\\/bfnrt'.includes(escaped) || escaped === '') fail();
      }
      i++;
    }
    fail();
  };
  const isDigit = () => text.charAt(i) >= '0' && text.charAt(i) <= '9';
  const digits = () => {
    if (!isDigit()) fail();
    while (isDigit()) i++;
  };
  const number = () => {
    if (text.charAt(i) === '-') i++;
    if (text.charAt(i) === '0') i++;
    else digits();
    if (text.charAt(i) === '.') {
      i++;
      digits();
    }
    if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
      i++;
      if (text.charAt(i) === '+' || text.charAt(i) === '-') i++;
      digits();
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text.charAt(i);
    if (char === '{') {
      i++;
      skipSpace();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
        skipSpace();
        if (text.charAt(i) === '}') {
          i++;
          return;
        }
        expect(',');
      }
    }
    if (char === '[') {
      i++;
      skipSpace();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text.charAt(i) === ']') {
          i++;
          return;
        }
        expect(',');
      }
    }
    if (char === '"') return string();
    if (char === 't') return expect('true');
    if (char === 'f') return expect('false');
    if (char === 'n') return expect('null');
    return number();
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail();
  } catch (error) {
    if (error instanceof SyntaxAt) return Math.min(error.offset, text.length);
    throw error;
  }
  // The scanner accepted what JSON.parse rejected: point at the end rather than guess.
  return text.length;
}
