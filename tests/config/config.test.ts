import { describe, expect, it } from 'vitest';
import { loadEnv, storeConfigFrom } from '../../src/config/config.js';

describe('storeConfigFrom', () => {
  it('ranks without the sentence encoder unless FACTDESK_SEMANTIC=on', () => {
    expect(storeConfigFrom(loadEnv({})).semantic).toBe(false);
    expect(storeConfigFrom(loadEnv({ FACTDESK_SEMANTIC: 'off' })).semantic).toBe(false);
    expect(storeConfigFrom(loadEnv({ FACTDESK_SEMANTIC: 'on' })).semantic).toBe(true);
  });

  it('refuses another value of FACTDESK_SEMANTIC, naming the variable', () => {
    expect(() => loadEnv({ FACTDESK_SEMANTIC: 'yes' })).toThrow(/FACTDESK_SEMANTIC/);
  });
});
