import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_RATED, UNKNOWN_REVIEWER } from '../../src/ingest/claim-draft.js';
import { detectFormat, parseSource } from '../../src/ingest/parse/parse-source.js';
import { describeIssue } from '../../src/ingest/types.js';
import { validateDrafts } from '../../src/ingest/validate-drafts.js';
import { REPO_ROOT } from '../helpers/seed-core.js';

const read = (text: string, file: string, format: 'auto' | 'csv' | 'jsonl' = 'auto', reviewer?: string) => {
  const parsed = parseSource(text, { file, format, defaults: reviewer ? { reviewer } : {} });
  return { parsed, checked: validateDrafts(parsed.drafts) };
};

describe('JSONL', () => {
  it('reads the benchmark shape: slug verdicts, speaker, prose dates, review URL, publisher from the URL', () => {
    const line = JSON.stringify({
      id: 'vclaim-pol-00001',
      claim: 'Murders dropped by more than 10%.',
      title: 'Trump dead wrong about murders',
      verdict: 'pants-fire',
      speaker: 'Donald Trump',
      date: 'stated on October 28, 2019 in a speech:',
      url: 'https://www.politifact.com/factchecks/2019/oct/29/donald-trump/trump-dead-wrong/',
      summary: 'During his first visit…',
    });
    const { checked } = read(`${line}\n`, 'claims.jsonl');
    expect(checked.issues).toEqual([]);
    expect(checked.claims[0]?.value).toEqual({
      id: 'vclaim-pol-00001',
      claim: 'Murders dropped by more than 10%.',
      title: 'Trump dead wrong about murders',
      verdict: 'false',
      rating: 'Pants on Fire',
      reviewer: { name: 'PolitiFact', url: 'https://www.politifact.com' },
      reviewUrl: 'https://www.politifact.com/factchecks/2019/oct/29/donald-trump/trump-dead-wrong/',
      reviewDate: '2019-10-29',
      claimant: 'Donald Trump',
      claimDate: '2019-10-28',
      language: 'en',
      summary: 'During his first visit…',
      appearances: [],
      tags: [],
    });
  });

  it('stores a record with no rating as other, "Not rated", and says so; --reviewer names an unnamed publisher', () => {
    const line = JSON.stringify({ id: '0', claim: '122 detainees re-engaged.', title: 'Did 122 prisoners return?' });
    const unnamed = read(line, 'ct.jsonl').checked.claims[0]!;
    expect(unnamed).toMatchObject({ notRated: true, unnamedReviewer: true, value: { verdict: 'other', rating: NOT_RATED, reviewer: { name: UNKNOWN_REVIEWER } } });
    const named = read(line, 'ct.jsonl', 'auto', 'Snopes').checked.claims[0]!;
    expect(named.value.reviewer).toEqual({ name: 'Snopes' });
    expect(named.unnamedReviewer).toBeUndefined();
  });

  it('names a line that is not JSON and a field that is invalid, by line number', () => {
    const text = ['{"claim":"a","rating":"False","reviewer":"D"}', '{not json', '', '{"claim":"b","rating":"False","reviewer":"D","reviewUrl":"mailto:x@y.z"}'].join('\n');
    const { parsed, checked } = read(text, 'x.jsonl');
    expect([...parsed.issues, ...checked.issues].map(describeIssue)).toEqual([
      expect.stringMatching(/^x\.jsonl line 2: is not valid JSON/),
      expect.stringMatching(/^x\.jsonl line 4 \(id "[^"]+"\): reviewUrl: must be an http\(s\) URL$/),
    ]);
    expect(checked.claims.map((claim) => claim.value.claim)).toEqual(['a']);
  });

  it('reads articles marked "kind": "article" as articles', () => {
    const line = JSON.stringify({ kind: 'article', id: 'a1', title: 'Headline', publisher: 'News', label: 'Fact-checked' });
    const { checked } = read(line, 'x.jsonl');
    expect(checked.articles.map((article) => article.value)).toEqual([expect.objectContaining({ id: 'a1', title: 'Headline', claimIds: [] })]);
  });
});

describe('CSV', () => {
  it('imports the template in data/, with lists split at "|"', async () => {
    const text = await readFile(path.join(REPO_ROOT, 'data/import-template.csv'), 'utf8');
    const { parsed, checked } = read(text, 'import-template.csv');
    expect(parsed.format).toBe('csv');
    expect([...parsed.issues, ...checked.issues]).toEqual([]);
    expect(checked.claims.map((claim) => claim.value)).toEqual([
      expect.objectContaining({
        claim: 'Drinking hot water every hour cures the flu.',
        verdict: 'false',
        reviewer: { name: 'Example Desk', url: 'https://desk.example.org' },
        reviewDate: '2024-05-02',
        appearances: ['https://social.example.com/p/123', 'https://video.example.net/v/456'],
        tags: ['health', 'flu'],
      }),
      expect.objectContaining({ claim: 'El agua caliente cura la gripe.', verdict: 'false', rating: 'Falso', language: 'es' }),
    ]);
  });

  it('accepts column names in any case and spelling (review_url, Review URL, reviewUrl)', () => {
    const { checked } = read('Claim,Rating,Reviewer,Review URL\nX is Y,Misleading,Desk,https://desk.example.org/x\n', 'a.csv');
    expect(checked.claims[0]?.value).toMatchObject({ claim: 'X is Y', verdict: 'misleading', reviewUrl: 'https://desk.example.org/x' });
  });

  it('names a row with the wrong number of cells by its line, counting quoted line breaks', () => {
    const text = 'claim,rating,reviewer\n"A claim\nover two lines",False,Desk\nshort row,False\nok,True,Desk\n';
    const { parsed, checked } = read(text, 'b.csv');
    expect(parsed.issues.map(describeIssue)).toEqual(['b.csv line 4: has 2 cells, the header has 3']);
    expect(checked.claims.map((claim) => claim.location.line)).toEqual([2, 5]);
  });

  it('warns about columns it does not know, and stops at a broken quote', () => {
    expect(read('claim,rating,reviewer,notes\nx,False,D,n\n', 'c.csv').parsed.warnings).toEqual([expect.stringContaining('"notes" ignored')]);
    expect(read('claim,rating\n"unclosed,False\n', 'd.csv').parsed.issues.map(describeIssue)[0]).toMatch(/^d\.csv.*is not valid CSV/);
  });
});

describe('detectFormat', () => {
  it.each([
    ['claims.jsonl', '{"claim":"x"}', 'jsonl'],
    ['feed.csv', 'claim,rating', 'csv'],
    ['page.html', '<html>', 'claimreview'],
    ['stdin', '<!doctype html><html>', 'claimreview'],
    ['stdin', '{"claim":"x"}\n{"claim":"y"}\n', 'jsonl'],
    ['stdin', '{"@type":"ClaimReview"}', 'claimreview'],
    ['stdin', '{"claims":[]}', 'factcheck-api'],
    ['stdin', '[{"text":"x","claimReview":[]}]', 'factcheck-api'],
    ['stdin', '[{"claim":"x"}]', 'jsonl'],
    ['stdin', 'claim,rating\nx,False', 'csv'],
  ])('%s starting %j is %s', (file, text, format) => {
    expect(detectFormat(text, file)).toBe(format);
  });
});
