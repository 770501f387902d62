import type { MatchableClaim } from '../../lib/types';

/** The six seed claims, from the table in DESIGN.md (ids and text only). */
export const SEED_CLAIMS: MatchableClaim[] = [
  ['ru-holds-fifth-of-ukraine', "Russia holds about 20 percent (a fifth) of Ukraine's territory."],
  [
    'ru-annexed-four-regions-2022',
    'Russia annexed Donetsk, Luhansk, Zaporizhzhia and Kherson regions in 2022.',
  ],
  ['ru-annexed-crimea-2014', 'Russia annexed Crimea in 2014.'],
  ['trump-end-war-24-hours', 'Trump vowed to end the Russia–Ukraine war within 24 hours.'],
  [
    'us-28-point-peace-plan',
    'The US peace plan has 28 points and asks Ukraine to give up territory and shrink its army.',
  ],
  ['gaza-ceasefire-trump', 'Trump brokered the ceasefire between Israel and Hamas in Gaza.'],
].map(([id, text]) => ({ id: id as string, text: text as string, priority: 10 }));
