import { describe, expect, test } from 'vitest';
import { buildIndex, matchSentences } from '../../lib/match/matcher';
import { segmentSentences } from '../../lib/text/segment';
import { SEED_CLAIMS } from './match-seed-claims';

/**
 * Sentence/claim pairs in real news wording, read the way the extension reads a page: the
 * text is one paragraph, split into sentences and matched in page mode (no speaker), at
 * default strictness. Must-match: the claim is marked. Must-not-match: decoys that share
 * words with a claim but state something else (another number, year, subject or event);
 * the claim must not be marked.
 */
const index = buildIndex(SEED_CLAIMS);

function annotated(paragraph: string): string[] {
  const sentences = segmentSentences(paragraph).map((s) => ({ ...s, block: 0 }));
  return matchSentences(index, sentences).map((m) => index.src.ids[m.row] ?? '');
}

const MUST_MATCH: [string, string][] = [
  ['ru-holds-fifth-of-ukraine', "Russia presently holds about 20 percent of Ukraine's territory."],
  ['ru-holds-fifth-of-ukraine', 'Moscow now controls roughly a fifth of Ukrainian territory.'],
  ['ru-holds-fifth-of-ukraine', "Russian forces occupy about one-fifth of Ukraine's land."],
  [
    'ru-holds-fifth-of-ukraine',
    'Russia holds around 20% of Ukraine’s territory, including Crimea.',
  ],
  ['ru-holds-fifth-of-ukraine', 'The Kremlin holds some twenty per cent of Ukrainian territory.'],
  [
    'ru-holds-fifth-of-ukraine',
    "Roughly one in five square miles of Ukraine's territory is held by Russia.",
  ],
  ['ru-holds-fifth-of-ukraine', 'RUSSIA HOLDS ABOUT 20 PERCENT OF UKRAINE'],
  [
    'ru-holds-fifth-of-ukraine',
    'Russia controls about 20 per cent of Ukraine’s internationally recognised territory.',
  ],
  [
    'ru-holds-fifth-of-ukraine',
    'Nearly a fifth of Ukraine’s territory remains held by Russian troops.',
  ],
  [
    'ru-annexed-four-regions-2022',
    'Moscow claims to have annexed Donetsk, Lugansk, Zaporizhzhia, and Kherson regions in 2022.',
  ],
  [
    'ru-annexed-four-regions-2022',
    'In 2022 Russia annexed the Donetsk, Luhansk, Zaporizhzhia and Kherson regions after staged votes.',
  ],
  [
    'ru-annexed-four-regions-2022',
    'Putin proclaimed the annexation of Donetsk, Luhansk, Zaporizhia and Kherson in September 2022.',
  ],
  [
    'ru-annexed-four-regions-2022',
    'The Kremlin annexed four Ukrainian regions — Donetsk, Lugansk, Zaporozhye and Kherson — in 2022.',
  ],
  [
    'ru-annexed-four-regions-2022',
    'Russia formally annexed the Donetsk, Luhansk, Kherson and Zaporizhzhia regions of Ukraine in 2022.',
  ],
  [
    'ru-annexed-four-regions-2022',
    "Russia's 2022 annexation of Donetsk, Luhansk, Zaporizhzhia and Kherson is not recognised by the UN.",
  ],
  [
    'ru-annexed-four-regions-2022',
    'Moscow annexed Ukraine’s Donetsk, Luhansk, Zaporizhzhia and Kherson regions in 2022.',
  ],
  ['ru-annexed-crimea-2014', 'Russia annexed Crimea in 2014.'],
  ['ru-annexed-crimea-2014', 'Moscow annexed the Crimean peninsula in 2014.'],
  ['ru-annexed-crimea-2014', 'Crimea was annexed by Russia in 2014 after a disputed referendum.'],
  ['ru-annexed-crimea-2014', 'Russia seized and annexed Crimea from Ukraine in 2014.'],
  [
    'ru-annexed-crimea-2014',
    'Since Russia annexed Crimea in 2014, the peninsula has been heavily militarised.',
  ],
  ['ru-annexed-crimea-2014', 'The Kremlin annexed Crimea in March 2014.'],
  [
    'ru-annexed-crimea-2014',
    "Russia's annexation of Crimea in 2014 was condemned by the United Nations.",
  ],
  [
    'trump-end-war-24-hours',
    'President Trump, who has vowed to end the war in Ukraine within 24 hours of taking office, said talks continue.',
  ],
  ['trump-end-war-24-hours', 'Trump vowed to end the Russia-Ukraine war within 24 hours.'],
  ['trump-end-war-24-hours', 'Donald Trump promised to end the war in Ukraine in 24 hours.'],
  [
    'trump-end-war-24-hours',
    'Trump had vowed to end the conflict between Russia and Ukraine within 24 hours.',
  ],
  [
    'trump-end-war-24-hours',
    'On the campaign trail Trump vowed he would end the Ukraine war within twenty-four hours.',
  ],
  [
    'trump-end-war-24-hours',
    "Trump's vow to end Russia's war in Ukraine within 24 hours has not been met.",
  ],
  ['trump-end-war-24-hours', 'TRUMP VOWED TO END UKRAINE WAR WITHIN 24 HOURS'],
  [
    'trump-end-war-24-hours',
    'Trump once vowed to end the war between Russia and Ukraine within 24 hours of taking office.',
  ],
  [
    'us-28-point-peace-plan',
    'The 28-point US peace plan asks Ukraine to give up territory and shrink its army.',
  ],
  [
    'us-28-point-peace-plan',
    'The US peace plan has 28 points and would require Ukraine to cede territory and shrink its army.',
  ],
  [
    'us-28-point-peace-plan',
    "Washington's 28-point peace plan asks Kyiv to give up territory and shrink its army.",
  ],
  [
    'us-28-point-peace-plan',
    'Under the U.S. 28-point peace proposal, Ukraine would give up territory and shrink its army.',
  ],
  [
    'us-28-point-peace-plan',
    'The American 28-point plan asks Ukraine to surrender territory and scale down its army.',
  ],
  [
    'us-28-point-peace-plan',
    'The United States peace plan, with its 28 points, asks Ukraine to give up land and shrink its army.',
  ],
  [
    'us-28-point-peace-plan',
    "The US plan's twenty-eight points ask Ukraine to give up territory and to shrink its army.",
  ],
  ['gaza-ceasefire-trump', 'Trump brokered the ceasefire between Israel and Hamas in Gaza.'],
  ['gaza-ceasefire-trump', 'The Gaza ceasefire between Israel and Hamas was brokered by Trump.'],
  ['gaza-ceasefire-trump', "Trump's team brokered the ceasefire between Israel and Hamas in Gaza."],
  [
    'gaza-ceasefire-trump',
    'She cited Trump’s successes in the Middle East, including the fragile ceasefire between Israel and Hamas in Gaza.',
  ],
  ['gaza-ceasefire-trump', 'President Trump brokered a truce between Israel and Hamas in Gaza.'],
  ['gaza-ceasefire-trump', 'Donald Trump helped broker the Israel-Hamas ceasefire in Gaza.'],
  ['gaza-ceasefire-trump', 'TRUMP BROKERED GAZA CEASEFIRE BETWEEN ISRAEL AND HAMAS'],
  [
    'gaza-ceasefire-trump',
    'The Trump-brokered ceasefire between Israel and Hamas in Gaza is holding, officials said.',
  ],
  [
    'gaza-ceasefire-trump',
    'Trump brokered the cease-fire between Israel and Hamas in the Gaza Strip.',
  ],
  [
    'ru-holds-fifth-of-ukraine',
    'Russia holds about 20 percent of Ukraine’s territory, according to the ISW.',
  ],
  [
    'ru-annexed-crimea-2014',
    'Russia illegally annexed Crimea in 2014, and the West imposed sanctions.',
  ],
  [
    'trump-end-war-24-hours',
    'Trump vowed on the campaign trail to end the war in Ukraine within 24 hours.',
  ],
  [
    'gaza-ceasefire-trump',
    'Trump brokered the October ceasefire between Israel and Hamas in Gaza.',
  ],
];

const MUST_NOT_MATCH: [string, string][] = [
  // A different number or share.
  ['ru-holds-fifth-of-ukraine', 'Russia holds about 11 percent of Ukraine’s territory.'],
  [
    'ru-holds-fifth-of-ukraine',
    'Russia holds about 7 percent of Ukraine’s territory, excluding Crimea.',
  ],
  ['ru-holds-fifth-of-ukraine', 'Russia holds about a third of Ukraine’s territory.'],
  ['ru-holds-fifth-of-ukraine', 'Russia holds about 40 percent of Ukraine’s grain exports.'],
  [
    'ru-holds-fifth-of-ukraine',
    'Russia holds about half of Ukraine’s territory, the official claimed.',
  ],
  ['ru-holds-fifth-of-ukraine', 'Russia holds about 25% of Ukraine’s territory.'],
  // A different year: a different claim.
  ['ru-annexed-crimea-2014', 'Russia annexed Crimea in 2015.'],
  ['ru-annexed-crimea-2014', 'Russia annexed Crimea in 1783, under Catherine the Great.'],
  [
    'ru-annexed-four-regions-2022',
    'Russia annexed Donetsk, Luhansk, Zaporizhzhia and Kherson regions in 2014.',
  ],
  [
    'ru-annexed-four-regions-2022',
    'Russia annexed Donetsk, Luhansk, Zaporizhzhia and Kherson regions in 2024.',
  ],
  // A different number of points or hours.
  [
    'us-28-point-peace-plan',
    'The US peace plan has 20 points and asks Ukraine to give up territory and shrink its army.',
  ],
  ['us-28-point-peace-plan', 'The European 12-point peace plan asks Russia to withdraw its army.'],
  ['trump-end-war-24-hours', 'Trump vowed to end the Russia-Ukraine war within 100 days.'],
  ['trump-end-war-24-hours', 'Trump vowed to end the war within six months.'],
  ['trump-end-war-24-hours', 'Trump vowed to end the Russia-Ukraine war within 48 hours.'],
  // A different subject or event with shared words.
  ['trump-end-war-24-hours', 'Trump vowed to end inflation within 24 hours.'],
  ['trump-end-war-24-hours', 'Trump vowed to end the government shutdown within 24 hours.'],
  ['trump-end-war-24-hours', 'Biden vowed to end the war in Afghanistan.'],
  ['trump-end-war-24-hours', 'The storm is expected to end within 24 hours, forecasters said.'],
  ['gaza-ceasefire-trump', 'Biden brokered the ceasefire between Israel and Hamas in Gaza.'],
  ['gaza-ceasefire-trump', 'Qatar brokered the ceasefire between Israel and Hezbollah in Lebanon.'],
  ['gaza-ceasefire-trump', 'Trump brokered a ceasefire between India and Pakistan.'],
  ['gaza-ceasefire-trump', 'Egypt brokered the 2021 ceasefire between Israel and Hamas in Gaza.'],
  ['gaza-ceasefire-trump', 'Trump brokered a trade deal between Japan and South Korea.'],
  ['gaza-ceasefire-trump', 'Hamas accused Israel of violating the ceasefire in Gaza on Sunday.'],
  ['ru-annexed-crimea-2014', 'Ukraine vowed to retake Crimea.'],
  ['ru-annexed-crimea-2014', 'Crimea is a popular holiday destination for Russian tourists.'],
  ['ru-annexed-crimea-2014', 'The 2014 Winter Olympics were held in Sochi, Russia.'],
  ['ru-annexed-four-regions-2022', 'Fighting continued in the Donetsk region on Tuesday.'],
  ['ru-annexed-four-regions-2022', 'Ukraine recaptured the city of Kherson in November 2022.'],
  [
    'ru-annexed-four-regions-2022',
    'Russian shelling hit Zaporizhzhia and Kherson overnight, officials said.',
  ],
  ['ru-holds-fifth-of-ukraine', 'Ukraine holds about 20 percent of Europe’s arable land.'],
  ['ru-holds-fifth-of-ukraine', 'Russia holds elections in March, the Kremlin said.'],
  ['ru-holds-fifth-of-ukraine', 'Ukraine’s territory is the largest in Europe after Russia.'],
  ['us-28-point-peace-plan', 'The US plan to shrink the army was announced by the Pentagon.'],
  ['us-28-point-peace-plan', 'Ukraine’s army has grown to about 900,000 troops.'],
  [
    'us-28-point-peace-plan',
    'The Pentagon’s budget plan for 2026 would increase the size of the army.',
  ],
  ['us-28-point-peace-plan', 'Zelensky said Ukraine will never give up territory.'],
  ['us-28-point-peace-plan', 'The US women’s team scored 28 points in the second half.'],
  ['trump-end-war-24-hours', 'Trump said he spoke with Putin for two hours on Tuesday.'],
  ['trump-end-war-24-hours', 'The war in Ukraine has lasted more than 1,000 days.'],
  ['trump-end-war-24-hours', 'Zelensky vowed to fight on until Russia ends the war.'],
  ['gaza-ceasefire-trump', 'Trump criticised Hamas in a post on Truth Social.'],
  ['gaza-ceasefire-trump', 'Israel and Hamas exchanged hostages and prisoners on Monday.'],
  ['gaza-ceasefire-trump', 'The ceasefire in Gaza was brokered by Egypt and Qatar.'],
  // Generic or very short sentences.
  ['ru-annexed-crimea-2014', 'Crimea, 2014.'],
  ['ru-holds-fifth-of-ukraine', 'Russia and Ukraine.'],
  ['gaza-ceasefire-trump', 'Trump on Gaza.'],
  ['trump-end-war-24-hours', 'Trump: 24 hours.'],
  ['us-28-point-peace-plan', 'The peace plan.'],
  ['ru-annexed-four-regions-2022', 'Donetsk and Luhansk.'],
];

describe('must-match pairs', () => {
  test('the table holds at least 50 pairs', () =>
    expect(MUST_MATCH.length).toBeGreaterThanOrEqual(50));
  test.each(MUST_MATCH)('%s ← %s', (claim, sentence) => {
    expect(annotated(sentence)).toContain(claim);
  });
});

describe('must-not-match pairs', () => {
  test('the table holds at least 50 pairs', () =>
    expect(MUST_NOT_MATCH.length).toBeGreaterThanOrEqual(50));
  test.each(MUST_NOT_MATCH)('%s ✗ %s', (claim, sentence) => {
    expect(annotated(sentence)).not.toContain(claim);
  });
});
