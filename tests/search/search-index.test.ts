import { describe, expect, it } from 'vitest';
import { CONFIDENT_MATCH } from '../../src/search/config.js';
import { SearchIndex } from '../../src/search/search-index.js';
import type { SearchDocument } from '../../src/search/types.js';

const claim = (id: string, text: string, extra: Partial<SearchDocument> = {}): SearchDocument => ({ id, kind: 'claim', claim: text, ...extra });

const FIXTURES: SearchDocument[] = [
  claim('alliance', 'Russia has de facto concluded a military alliance with China', {
    title: 'Did Russia and China sign a military pact?',
    summary: 'No treaty was signed; officials described close cooperation.',
  }),
  claim('guantanamo', '122 detainees released from Guantanamo Bay under President Obama have re-engaged in terrorist activities.', {
    title: 'Did 122 prisoners released from Guantanamo return to the battlefield?',
  }),
  claim('5g', '5G towers spread the coronavirus.', { title: 'No, 5G does not spread COVID-19' }),
  claim('bleach', 'Drinking bleach cures COVID-19.', { summary: 'Health authorities warn that bleach is poisonous.' }),
  claim('moon', 'The 1969 moon landing was filmed in a studio.', { title: 'Was the moon landing staged?' }),
  claim('vaccine-chip', 'Vaccines contain microchips to track people.', { title: 'Bill Gates microchip vaccine conspiracy' }),
  claim('charlotte', '70 per cent of the persons arrested during protests in Charlotte had out-of-state IDs.'),
  claim('dorian', 'Hurricane Dorian washed up bricks of cocaine on the Florida coast.'),
  claim('incest', 'Alabama legalized marriage between siblings.', { title: 'Did Alabama legalize incest marriage?' }),
  { id: 'article-wind', kind: 'article', claim: 'Wind turbines cause cancer, study finds', summary: 'An opinion piece misreads a noise study.' },
  claim('kremlin', 'Москва объявила о военном союзе с Пекином.', { language: 'ru' }),
  claim('summary-only', 'A politician said the budget was balanced.', { summary: 'The budget included a large subsidy for solar panels.' }),
];

function seeded(): SearchIndex {
  const index = new SearchIndex();
  for (const document of FIXTURES) index.add(document);
  return index;
}

const ids = (index: SearchIndex, query: string, limit?: number): string[] => index.search(query, { limit }).map((hit) => hit.id);

describe('SearchIndex', () => {
  it('finds the claim a query paraphrases, first', () => {
    const index = seeded();
    expect(ids(index, 'Obama released 122 Guantanamo detainees who went back to terrorism')[0]).toBe('guantanamo');
    expect(ids(index, 'do 5G masts spread corona virus?')[0]).toBe('5g');
  });

  it('finds a claim despite typos in every word', () => {
    expect(ids(seeded(), 'rusia chna milatary aliance')[0]).toBe('alliance');
  });

  it('finds run-together words written as one (hashtags, dropped hyphens)', () => {
    expect(ids(seeded(), '#hurricanedorian cocaine')[0]).toBe('dorian');
  });

  it('splits run-together words into parts of at most 40 letters, however long a word the index holds', () => {
    // A pasted blob in one claim must not make every unknown query word costly to split.
    const blob = 'x'.repeat(2_000);
    const index = seeded();
    index.add(claim('blob', `Sample (fictional): ${blob} and ${'q'.repeat(41)}`));
    index.add(claim('long-part', `Sample (fictional): ${'z'.repeat(40)} markets`));
    expect(ids(index, `#${'z'.repeat(40)}markets`)[0]).toBe('long-part');
    expect(ids(index, `#${'q'.repeat(41)}dorian`)).not.toContain('blob');
    expect(ids(index, `#hurricanedorian ${'y'.repeat(3_999 - 17)}`)[0]).toBe('dorian');
  });

  it('cleans tweet clutter from the query before matching', () => {
    const tweet =
      'Alabama just legalized sibling incest marriage 🤮 https://t.co/abc pic.twitter.com/xyz #AlabamaShame — Derek (@hancockderek) August 26, 2019';
    expect(ids(seeded(), tweet)[0]).toBe('incest');
  });

  it('ranks a match in the claim above the same words in a summary only', () => {
    const index = new SearchIndex();
    index.add(claim('in-summary', 'A politician praised the new budget.', { summary: 'It includes a subsidy for solar panels.' }));
    index.add(claim('in-claim', 'The budget includes a subsidy for solar panels.', { summary: 'A politician praised the new budget.' }));
    expect(ids(index, 'subsidy for solar panels')).toEqual(['in-claim', 'in-summary']);
  });

  it('still finds a document through its summary', () => {
    expect(ids(seeded(), 'solar panels subsidy')[0]).toBe('summary-only');
  });

  it('finds claims in other scripts', () => {
    expect(ids(seeded(), 'военный союз Москва')[0]).toBe('kremlin');
  });

  it('returns articles with their kind', () => {
    const [hit] = seeded().search('wind turbines cancer');
    expect(hit).toMatchObject({ id: 'article-wind', kind: 'article' });
  });

  it('honours the limit, defaulting to five', () => {
    const index = seeded();
    expect(index.search('covid', { limit: 1 })).toHaveLength(1);
    expect(index.search('the claim says covid 5g bleach moon vaccine hurricane alabama').length).toBe(5);
    expect(index.search('covid', { limit: 0 })).toEqual([]);
  });

  it('never returns excluded ids', () => {
    const hits = seeded().search('COVID-19', { exclude: new Set(['5g']) });
    expect(hits.map((hit) => hit.id)).toContain('bleach');
    expect(hits.map((hit) => hit.id)).not.toContain('5g');
  });

  it('returns nothing for an empty, stopword-only or unknown query', () => {
    const index = seeded();
    expect(index.search('')).toEqual([]);
    expect(index.search('the of and it was')).toEqual([]);
    expect(index.search('xqzvw plorf')).toEqual([]);
  });

  describe('confidence', () => {
    it('is above CONFIDENT_MATCH for a paraphrase of a stored claim', () => {
      const [hit] = seeded().search('Guantanamo detainees released under Obama re-engaged in terrorism');
      expect(hit?.id).toBe('guantanamo');
      expect(hit!.confidence).toBeGreaterThanOrEqual(CONFIDENT_MATCH);
    });

    it('is below CONFIDENT_MATCH for an unrelated query that shares a word with a claim', () => {
      const hits = seeded().search('The new studio album was released on vinyl this week');
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.confidence).toBeLessThan(CONFIDENT_MATCH);
    });

    it('lies in 0..1 and never rises down the list', () => {
      const hits = seeded().search('covid vaccine 5g towers coronavirus', { limit: 10 });
      for (const [i, hit] of hits.entries()) {
        expect(hit.confidence).toBeGreaterThanOrEqual(0);
        expect(hit.confidence).toBeLessThanOrEqual(1);
        if (i > 0) expect(hit.confidence).toBeLessThanOrEqual(hits[i - 1]!.confidence);
      }
    });
  });

  describe('incremental updates', () => {
    it('counts documents as they are added and removed', () => {
      const index = seeded();
      expect(index.size).toBe(FIXTURES.length);
      index.remove('moon');
      index.remove('not-there');
      expect(index.size).toBe(FIXTURES.length - 1);
    });

    it('makes an added document findable at once', () => {
      const index = seeded();
      expect(ids(index, 'flat earth horizon curvature')).not.toContain('flat-earth');
      index.add(claim('flat-earth', 'The horizon shows no curvature, so the Earth is flat.'));
      expect(ids(index, 'flat earth horizon curvature')[0]).toBe('flat-earth');
    });

    it('forgets a removed document', () => {
      const index = seeded();
      index.remove('moon');
      expect(ids(index, 'moon landing filmed in a studio')).not.toContain('moon');
    });

    it('replaces a document added again under the same id', () => {
      const index = seeded();
      index.add(claim('moon', 'Wind turbines are bad for birds.'));
      expect(index.size).toBe(FIXTURES.length);
      expect(ids(index, 'moon landing studio')).not.toContain('moon');
      expect(ids(index, 'turbines birds')[0]).toBe('moon');
    });

    it('still corrects typos towards words of documents added later, not of removed ones', () => {
      const index = seeded();
      index.add(claim('pangolin', 'Pangolins carried the virus to humans.'));
      expect(ids(index, 'pangolns')[0]).toBe('pangolin');
      index.remove('pangolin');
      expect(index.search('pangolns')).toEqual([]);
    });

    it('ranks the same after remove and re-add as after a fresh build', () => {
      const index = seeded();
      for (const document of FIXTURES.slice(0, 6)) index.remove(document.id);
      for (const document of FIXTURES.slice(0, 6)) index.add(document);
      const query = 'covid 5g towers bleach';
      expect(index.search(query)).toEqual(seeded().search(query));
    });
  });
});

describe('SearchIndex state', () => {
  const queries = ['Guantanamo detainees re-engaged in terrorism', 'moon landing studio', 'militray aliance', 'covid 5g towers'];

  it('restores without its documents, texts and claimants included, ranking exactly as before', () => {
    const index = seeded();
    index.add(claim('by-obama', 'The economy added jobs every month', { claimant: 'Barack Obama' }));
    const restored = SearchIndex.fromState(index.exportState());
    for (const query of [...queries, 'economy jobs']) expect(restored.search(query, { limit: 5 })).toEqual(index.search(query, { limit: 5 }));
    expect(restored.candidates('economy jobs', 5)[0]?.vector).toEqual(index.candidates('economy jobs', 5)[0]?.vector);
  });

  it('restores given its documents, and refuses documents it does not hold', () => {
    const restored = SearchIndex.fromState(seeded().exportState(), FIXTURES);
    for (const query of queries) expect(restored.search(query)).toEqual(seeded().search(query));
    expect(() => SearchIndex.fromState(seeded().exportState(), [...FIXTURES, claim('stranger', 'Not indexed')])).toThrow(/lacks stranger/);
    expect(() => SearchIndex.fromState(seeded().exportState(), FIXTURES.slice(1))).toThrow(/not given/);
  });

  it('tells the kind of the document in each slot of its state, and none for an emptied slot', () => {
    const index = seeded();
    index.remove('dorian');
    const { ids } = index.exportState().index;
    expect(ids.map((id, slot) => [id, index.kindAt(slot)])).toEqual(ids.map((id) => [id, id === null ? undefined : index.kindOf(id)]));
    expect(ids.map((_, slot) => index.kindAt(slot))).toContain('article');
    expect(ids.map((_, slot) => index.kindAt(slot))).toContain(undefined);
  });

  it('needs its documents when the state holds no texts', () => {
    const state = seeded().exportState();
    expect(() => SearchIndex.fromState({ ...state, index: { ...state.index, texts: undefined } })).toThrow(/needs its documents/);
  });
});

describe('SearchIndex.complete (text still being typed)', () => {
  it('completes the word being typed from the vocabulary', () => {
    const index = seeded();
    expect(index.complete('microc', 5)).toEqual(['vaccine-chip']);
    expect(index.complete('guantan', 5)).toEqual(['guantanamo']);
  });

  it('takes the words before it as typed, typos forgiven, and ranks documents holding all of them first', () => {
    const index = seeded();
    expect(index.complete('moon landin', 5)[0]).toBe('moon');
    expect(index.complete('militray allia', 5)[0]).toBe('alliance');
  });

  it('treats a word followed by a space or punctuation as finished', () => {
    const index = new SearchIndex();
    index.add(claim('tea', 'Tea lowers blood sugar'));
    index.add(claim('teachers', 'Teachers strike in March'));
    expect(index.complete('tea ', 5)).toEqual(['tea']);
    expect(index.complete('tea,', 5)).toEqual(['tea']);
    // Unfinished, it may become either; the word typed in full comes first.
    expect(index.complete('tea', 5)).toEqual(['tea', 'teachers']);
  });

  it('falls back to a typo correction when nothing starts with the unfinished word', () => {
    expect(seeded().complete('hurricane dorain', 5)[0]).toBe('dorian');
  });

  it('finds nothing for an empty or unknown text, or a zero limit', () => {
    const index = seeded();
    expect(index.complete('', 5)).toEqual([]);
    expect(index.complete('xqzvw', 5)).toEqual([]);
    expect(index.complete('moon', 0)).toEqual([]);
  });
});

describe('SearchIndex under churn', () => {
  it('keeps ranking right after many replacements of the same entries', () => {
    const index = new SearchIndex();
    for (let round = 0; round < 300; round++) {
      for (const document of FIXTURES) index.add(document);
    }
    expect(index.size).toBe(FIXTURES.length);
    expect(index.search('covid 5g towers bleach')).toEqual(seeded().search('covid 5g towers bleach'));
    expect(ids(index, 'rusia chna milatary aliance')[0]).toBe('alliance');
  });

  it('keeps each claimant counted right through removals that renumber the slots', () => {
    const claimants = ['Often Checked', 'Often Checked', 'Once Checked'];
    const withClaimants = FIXTURES.map((document, i) => ({ ...document, claimant: claimants[i % claimants.length] }));
    const fresh = new SearchIndex();
    for (const document of withClaimants) fresh.add(document);
    const index = new SearchIndex();
    // 1,500 claims added then removed leave more empty slots than documents: the index renumbers them.
    for (let i = 0; i < 1500; i++) index.add(claim(`passing-${i}`, `A passing claim number ${i}`, { claimant: `Passer ${i % 7}` }));
    for (const document of withClaimants) index.add(document);
    for (let i = 0; i < 1500; i++) index.remove(`passing-${i}`);
    const query = 'Guantanamo detainees re-engaged in terrorism';
    expect(index.candidates(query, 5).map((hit) => [hit.id, ...hit.vector])).toEqual(fresh.candidates(query, 5).map((hit) => [hit.id, ...hit.vector]));
    expect(SearchIndex.fromState(index.exportState()).candidates(query, 5).map((hit) => hit.vector)).toEqual(fresh.candidates(query, 5).map((hit) => hit.vector));
  });
});

describe('SearchIndex ranking signals beyond the words', () => {
  it('prefers, between two equally matching claims, the one by a much-checked claimant', () => {
    const index = new SearchIndex();
    index.add(claim('rare', 'The state budget doubled in four years.', { claimant: 'Pat Nobody' }));
    index.add(claim('often', 'The state budget doubled in four years!', { claimant: 'Sam Senator' }));
    for (let i = 0; i < 5; i++) index.add(claim(`other-${i}`, `Senator statement number ${i} on roads`, { claimant: 'Sam Senator' }));
    expect(index.search('the state budget doubled in four years')[0]?.id).toBe('often');
  });

  it('prefers a fact-check about a picture when the post carries one', () => {
    const index = new SearchIndex();
    index.add(claim('text', 'A report shows wedding rings taken from victims of the war.'));
    index.add(claim('photo', 'A photograph shows wedding rings taken from victims of the war.'));
    expect(index.search('wedding rings taken from war victims pic.twitter.com/abc')[0]?.id).toBe('photo');
  });
});
