import { describe, expect, it } from 'vitest';
import { jsonSyntaxProblem, locateJsonSyntaxError } from '../../src/store/json-syntax-location.js';

function parseError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be invalid JSON`);
}

/** Line and column of a character offset, counted the way the locator should. */
function at(text: string, offset: number) {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

describe('locateJsonSyntaxError', () => {
  const broken = [
    '{"a": 1,}',
    '{\n  "a": 1\n  "b": 2\n}',
    '[1, 2',
    '{"a": "line\nbreak"}',
    '{"a": 01}',
    '{"a": -}',
    '{"a": "\\x"}',
    '{"a": "\\u12G4"}',
    '{"a": 1} extra',
    '{"a": nul}',
    '{\n\t"claims": [\n\t\t{"id": "x",}\n\t]\n}',
  ];

  it.each(broken)('agrees with the position V8 gives for %j', (text) => {
    const position = /at position (\d+)/.exec((parseError(text) as Error).message);
    if (!position) return;
    expect(locateJsonSyntaxError(text)).toEqual(at(text, Number(position[1])));
  });

  it('points at the character where a literal goes wrong, which V8 does not locate', () => {
    expect(locateJsonSyntaxError('{\n  "ok": true,\n  "no": tru\n}')).toEqual({ line: 3, column: 12 });
  });

  it('points past the end of a text that stops too early', () => {
    expect(locateJsonSyntaxError('{\n  "a": [1, 2')).toEqual({ line: 2, column: 13 });
    expect(locateJsonSyntaxError('"open string')).toEqual({ line: 1, column: 13 });
  });
});

describe('jsonSyntaxProblem', () => {
  it("keeps V8's reason and drops its position and excerpt", () => {
    expect(jsonSyntaxProblem(parseError('{"a": 1,}'))).toBe('Expected double-quoted property name');
    expect(jsonSyntaxProblem(parseError('{"a": tru}'))).toBe("Unexpected token '}'");
    expect(jsonSyntaxProblem(parseError('[1'))).toMatch(/^(Unexpected end of JSON input|Expected ',' or ']' after array element)$/);
  });
});
