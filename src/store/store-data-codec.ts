import path from 'node:path';
import { FaultError } from '../core/errors.js';
import { storeDataSchema, type StoreData } from '../model/store-data.js';
import { describeFirstIssue } from './describe-issue.js';
import { jsonSyntaxProblem, locateJsonSyntaxError } from './json-syntax-location.js';

/** How to word each way a store text can be wrong, for the file it came from. */
export interface TextProblems {
  empty(): string;
  notJson(problem: string, line: number, column: number): string;
  invalid(problem: string): string;
}

/** Parses and validates a store or seed file's text; every problem is a FaultError. */
export function parseStoreDataText(text: string, problems: TextProblems): StoreData {
  return validateStoreData(parseStoreJson(text, problems), problems.invalid);
}

/** The JSON value of a store or seed file's text (a byte-order mark allowed), not yet validated. */
export function parseStoreJson(text: string, problems: Pick<TextProblems, 'empty' | 'notJson'>): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new FaultError(problems.empty());
  try {
    return JSON.parse(body);
  } catch (error) {
    const { line, column } = locateJsonSyntaxError(body);
    throw new FaultError(problems.notJson(jsonSyntaxProblem(error), line, column), { cause: error });
  }
}

/** The whole store checked against the schema (defaults filled in), or a FaultError naming the first bad record. */
export function validateStoreData(raw: unknown, describe: (problem: string) => string): StoreData {
  const parsed = storeDataSchema.safeParse(raw);
  if (!parsed.success) throw new FaultError(describe(describeFirstIssue(parsed.error, raw)));
  return parsed.data;
}

export function serializeStoreData(data: StoreData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A path as a person would type it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
