import { describe, expect, it } from 'vitest';
import { isFreshTimestamp } from '../../../src/adapters/slack/request-freshness.js';

const nowMs = Date.UTC(2026, 10, 28, 12);
const nowSec = nowMs / 1000;

describe('isFreshTimestamp', () => {
  it('accepts timestamps within five minutes either way', () => {
    expect(isFreshTimestamp(String(nowSec), nowMs)).toBe(true);
    expect(isFreshTimestamp(String(nowSec - 299), nowMs)).toBe(true);
    expect(isFreshTimestamp(String(nowSec + 299), nowMs)).toBe(true);
  });

  it('rejects timestamps more than five minutes in the past or in the future', () => {
    expect(isFreshTimestamp(String(nowSec - 600), nowMs)).toBe(false);
    expect(isFreshTimestamp(String(nowSec + 600), nowMs)).toBe(false);
  });

  it('rejects missing, repeated or non-numeric headers', () => {
    expect(isFreshTimestamp(undefined, nowMs)).toBe(false);
    expect(isFreshTimestamp([String(nowSec)], nowMs)).toBe(false);
    expect(isFreshTimestamp('soon', nowMs)).toBe(false);
    expect(isFreshTimestamp(`${nowSec}.5`, nowMs)).toBe(false);
  });
});
