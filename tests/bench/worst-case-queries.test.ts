import { describe, expect, it } from 'vitest';
import { worstCaseQueries } from '../../src/bench/worst-case-queries.js';
import { MAX_QUERY_LENGTH } from '../../src/core/lookup.js';
import { queryTextSchema } from '../../src/core/query-input.js';

const CLAIMS = [{ claim: 'Wind turbines cause cancer in nearby towns' }, { claim: 'The moon landing was staged in a studio' }];

describe('worstCaseQueries', () => {
  it('gives only texts a user can send to /factcheck, most of them as long as it takes', () => {
    const queries = worstCaseQueries(CLAIMS);
    for (const query of queries) expect(queryTextSchema.safeParse(query.text).success, query.name).toBe(true);
    expect(queries.filter((query) => query.text.length === MAX_QUERY_LENGTH).length).toBeGreaterThan(queries.length / 2);
  });

  it('names each text once', () => {
    const names = worstCaseQueries(CLAIMS).map((query) => query.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("draws its words from the set's claims, the same ones every time", () => {
    const queries = worstCaseQueries(CLAIMS);
    expect(worstCaseQueries(CLAIMS)).toEqual(queries);
    const distinct = queries.find((query) => query.name === 'distinct claim words')!;
    expect(distinct.text.split(' ').every((word) => CLAIMS.some(({ claim }) => claim.split(' ').includes(word)))).toBe(true);
  });

  it('includes one word of a single letter as long as a query may be, which the compound split once took 17 s over', () => {
    expect(worstCaseQueries(CLAIMS).map((query) => query.text)).toContain('a'.repeat(MAX_QUERY_LENGTH));
  });

  it('still gives texts for a set without claims', () => {
    expect(worstCaseQueries([]).every((query) => query.text.length > 0)).toBe(true);
  });
});
