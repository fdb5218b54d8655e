import type { Article } from '../model/article.js';
import type { ClaimReview } from '../model/claim-review.js';

/** The formats `factdesk import` reads; `auto` guesses from the file name and content. */
export const IMPORT_FORMATS = ['auto', 'claimreview', 'factcheck-api', 'csv', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type KnownFormat = Exclude<ImportFormat, 'auto'>;

/** Where a record sits in its source, for messages: a line (JSONL, CSV) or a path in a JSON document. */
export interface RecordLocation {
  /** The file as the user named it, or `stdin`. */
  file: string;
  line?: number;
  /** `[3].claimReview[0]`, `@graph[2]`, `script 2 [0]`. */
  path?: string;
}

/** One problem with one record (or with the whole file when it could not be read at all). */
export interface ImportIssue {
  location: RecordLocation;
  /** The record's id, when it has one. */
  id?: string;
  /** The field at fault, as the source names it when known (`reviewRating.ratingValue`, `url`). */
  field?: string;
  reason: string;
}

/** A field problem found while mapping a record, before schema validation. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/**
 * A record read from a source and mapped onto the model, not yet validated. `sourceFields`
 * names, for each model field, the source field it came from, so errors speak the file's language.
 */
export type Draft =
  | {
      kind: 'claim';
      location: RecordLocation;
      value: Record<string, unknown>;
      sourceFields: Partial<Record<keyof ClaimReview, string>>;
      problems: FieldProblem[];
      /** The rating text when the verdict table did not recognise it. */
      unknownRating?: string;
      /** True when the source gave no rating at all. */
      notRated?: boolean;
      /** True when neither the record nor its address named who checked it. */
      unnamedReviewer?: boolean;
    }
  | {
      kind: 'article';
      location: RecordLocation;
      value: Record<string, unknown>;
      sourceFields: Partial<Record<keyof Article, string>>;
      problems: FieldProblem[];
    };

/** What a parser returns: the records it could read, and the ones it could not. */
export interface ParsedSource {
  format: KnownFormat;
  drafts: Draft[];
  issues: ImportIssue[];
  /** Things worth saying that do not make a record invalid (ignored CSV columns). */
  warnings: string[];
}

/** A validated record, still carrying where it came from. */
export interface Located<T> {
  location: RecordLocation;
  value: T;
  unknownRating?: string;
  notRated?: boolean;
  unnamedReviewer?: boolean;
}

/** Formats a location for a message: `claims.jsonl line 12`, `feed.json [3].claimReview[0]`. */
export function describeLocation(location: RecordLocation): string {
  if (location.line !== undefined) return `${location.file} line ${location.line}`;
  return location.path ? `${location.file} ${location.path}` : location.file;
}

/** One line per issue: `claims.jsonl line 12 (id "x"): url: must be an http(s) URL`. */
export function describeIssue(issue: ImportIssue): string {
  const id = issue.id ? ` (id "${issue.id}")` : '';
  const field = issue.field ? `${issue.field}: ` : '';
  return `${describeLocation(issue.location)}${id}: ${field}${issue.reason}`;
}
