import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/ingest/fold-text.js';

describe('foldText', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(foldText('  ¡Engañoso!  ')).toBe('enganoso');
    expect(foldText('A "law" to  separate families')).toBe(foldText("A 'law' to separate families"));
  });

  it('ignores Arabic vowel marks and letter variants', () => {
    expect(foldText('مضلّل')).toBe(foldText('مضلل'));
    expect(foldText('إشاعة')).toBe(foldText('اشاعه'));
  });

  it('keeps letters of every script', () => {
    expect(foldText('Фейк')).toBe('феик');
    expect(foldText('زائف')).not.toBe('');
  });
});
