/** The indexed fields, in the order their counts are stored in postings. */
export const FIELDS = ['claim', 'title', 'summary'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
export const CLAIM_FIELD = FIELDS.indexOf('claim');
export const TITLE_FIELD = FIELDS.indexOf('title');
