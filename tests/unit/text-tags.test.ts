import { describe, expect, test } from 'vitest';
import { buildIndex, rankQuery } from '../../lib/match/matcher';
import { statementEmbeddingText } from '../../lib/semantic/claim-text';
import { spellTags, tagParts } from '../../lib/text/tags';
import { tokenize } from '../../lib/text/tokenize';

const words = (body: string): string[] =>
  (tagParts(body) ?? [[0, body.length]]).map(([a, b]) => body.slice(a, b));

describe('handles and hashtags', () => {
  test('are cut into words at case changes and digits, digits left out', () => {
    expect(words('MichaelKors')).toEqual(['Michael', 'Kors']);
    expect(words('realDonaldTrump')).toEqual(['real', 'Donald', 'Trump']);
    expect(words('NASAFacts')).toEqual(['NASA', 'Facts']);
    expect(words('Emma4Change')).toEqual(['Emma', 'Change']);
    expect(words('MarchForOurLives')).toEqual(['March', 'For', 'Our', 'Lives']);
    // One word, or nothing to cut by: left whole.
    expect(tagParts('peta')).toBeNull();
    expect(tagParts('POTUS')).toBeNull();
    expect(tagParts('fercdoesntwork')).toBeNull();
    expect(tagParts('Zoë')).toBeNull();
  });

  test('the tokenizer reads their words with offsets into the text', () => {
    const text = 'Who knew? @peta says @MichaelKors uses dog fur #BoycottMK';
    const toks = tokenize(text);
    expect(toks.map((t) => t.term)).toEqual(
      expect.arrayContaining(['michael', 'kor', 'boycott', 'mk']),
    );
    const kors = toks.find((t) => t.term === 'kor');
    expect(text.slice(kors?.start, kors?.end)).toBe('Kors');
    expect(kors?.cap).toBe(true);
    // A word after anything else, or a handle's digits, is read as before: no number appears.
    expect(tokenize('McDonald sells burgers').map((t) => t.term)).toEqual([
      'mcdonald',
      'sell',
      'burger',
    ]);
    expect(tokenize('@user2019 wrote').some((t) => t.kind === 'number')).toBe(false);
    // A tag of stopwords only is kept whole, as the same word without "#" is read.
    expect(tokenize('the #MeToo movement').map((t) => t.term)).toEqual(
      tokenize('the MeToo movement').map((t) => t.term),
    );
  });

  test('the sentence model reads them as words, claims as written', () => {
    expect(spellTags('@danney_williams and #RevolutionaryWarAirports, @2019')).toBe(
      '@danney williams and #Revolutionary War Airports, @2019',
    );
    expect(statementEmbeddingText('  Hi\n@SnoopDogg  ')).toBe('Hi @Snoop Dogg');
  });

  test('a tweet naming its subject by handle finds the fact check about them', () => {
    const index = buildIndex([
      // Two claims of the 2021-2a set (the second was this tweet's top match before).
      {
        id: 'kors',
        text: "Michael Kors uses fur from dogs that were skinned alive in manufacturing the brand's products.",
      },
      {
        id: 'chewy',
        text: "Chewy.com refunded the purchase of two bags of dog food and sent flowers when a customer's two dogs died.",
      },
    ]);
    const ranked = rankQuery(index, {
      id: 'q',
      text: 'Who would have known? @peta tells us that @MichaelKors uses dogskin in the luxury bags! NEVER again MK for me.',
    });
    expect(ranked[0]?.claim).toBe('kors');
  });
});
