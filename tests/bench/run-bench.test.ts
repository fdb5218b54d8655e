import { describe, expect, it } from 'vitest';
import type { BenchSet } from '../../src/bench/bench-set.js';
import { runBench, TIMED_LOOKUPS, WARM_UP_LOOKUPS } from '../../src/bench/run-bench.js';
import { worstCaseQueries } from '../../src/bench/worst-case-queries.js';
import type { ClaimReview } from '../../src/model/claim-review.js';

const claim = (id: string, text: string): ClaimReview => ({
  id,
  claim: text,
  verdict: 'false',
  rating: 'False',
  reviewer: { name: 'Checker' },
  language: 'en',
  appearances: [],
  tags: [],
});

const SET: BenchSet = {
  name: 'tiny',
  claims: [claim('a', 'Wind turbines cause cancer'), claim('b', 'The moon landing was staged'), claim('c', 'Vaccines contain microchips')],
  queries: [
    { id: 'q1', text: 'do wind turbines give you cancer' },
    { id: 'q2', text: 'moon landing staged in a studio' },
  ],
  qrels: new Map([
    ['q1', new Set(['a'])],
    ['q2', new Set(['b'])],
  ]),
};

describe('runBench', () => {
  it("ranks through factdesk's lookup and times warm passes after the warm-up, keeping the first as cold figures", async () => {
    const { report, runLines } = await runBench(SET);
    expect(report['map@5']).toBe(1);
    expect(report.timed_pass).toBe('warm');
    expect(report.timed_lookups).toBe(Math.ceil(TIMED_LOOKUPS / SET.queries.length) * SET.queries.length);
    expect(report.lookups_per_s).toBeGreaterThan(0);
    expect(report.cold_lookups_per_s).toBeGreaterThan(0);
    expect(report.cold_p95_ms).toBeGreaterThan(0);
    // Then the worst-case texts, whose slowest lookup is reported by name.
    expect(report.worst_case_ms).toBeGreaterThan(0);
    expect(worstCaseQueries(SET.claims).map((query) => query.name)).toContain(report.worst_case_query);
    // The run file holds the measured pass only.
    expect(new Set(runLines.map((line) => line.split(' ')[0]))).toEqual(new Set(['q1', 'q2']));
    expect(runLines.filter((line) => line.includes(' 1 '))).toHaveLength(2);
  });

  it('ranks the queries once for a comparison engine and times that pass, unless asked for the warm pass', async () => {
    let ranked = 0;
    const engine = () => ({
      rank: async () => {
        ranked++;
        return [];
      },
    });
    const { report } = await runBench(SET, { engine, engineName: 'none' });
    expect(ranked).toBe(2);
    expect(report.timed_pass).toBe('cold');
    expect(report.timed_lookups).toBe(2);
    expect(report.cold_lookups_per_s).toBeUndefined();
    expect(report.worst_case_ms).toBeUndefined();
    await runBench(SET, { engine, engineName: 'none', warmPass: true });
    // The relevance pass, then whole passes until WARM_UP_LOOKUPS lookups are made, then whole timed
    // passes until TIMED_LOOKUPS, then each worst-case text twice.
    const perPass = SET.queries.length;
    const worstCases = 2 * worstCaseQueries(SET.claims).length;
    expect(ranked).toBe(2 + Math.ceil(WARM_UP_LOOKUPS / perPass) * perPass + Math.ceil(TIMED_LOOKUPS / perPass) * perPass + worstCases);
  });
});
