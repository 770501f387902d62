/**
 * Alias table for names and places: every spelling on the left becomes the
 * canonical term on the right before stemming, so "Kiev" and "Kyiv" (or "U.S.",
 * "US", "United States", "America") index and query as one term.
 *
 * Keys are lower-case, diacritic-free word sequences (up to 4 words) as the
 * tokenizer sees them; values are final index terms (not stemmed again).
 * Canonical country terms avoid stopword clashes ("usa", not "us").
 * Demonyms map to the country: "Russian forces" is evidence for "Russia".
 */
const TABLE: Record<string, string[]> = {
  usa: [
    'us',
    'u s',
    'usa',
    'u s a',
    'united states',
    'united states of america',
    'america',
    'american',
    'americans',
    'the states',
  ],
  uk: ['uk', 'u k', 'united kingdom', 'britain', 'great britain', 'british'],
  un: ['un', 'u n', 'united nations'],
  eu: ['eu', 'e u', 'european union'],
  nato: ['nato', 'n a t o'],
  russia: ['russia', 'russian', 'russians', 'russian federation', 'moscow', 'kremlin'],
  ukrain: ['ukraine', 'ukrainian', 'ukrainians', 'the ukraine'],
  kyiv: ['kyiv', 'kiev', 'kyyiv'],
  kharkiv: ['kharkiv', 'kharkov'],
  odesa: ['odesa', 'odessa'],
  luhansk: ['luhansk', 'lugansk'],
  donetsk: ['donetsk'],
  donba: ['donbas', 'donbass'],
  zaporizhzhia: ['zaporizhzhia', 'zaporizhia', 'zaporozhye', 'zaporizhzhya', 'zaporozhzhia'],
  kherson: ['kherson', 'cherson'],
  crimea: ['crimea', 'crimean', 'krym'],
  zelenski: ['zelensky', 'zelenskyy', 'zelenskiy', 'zelenskyi', 'zelenskii', 'zelenski'],
  putin: ['putin', 'poutine'],
  israel: ['israel', 'israeli', 'israelis'],
  palestin: ['palestine', 'palestinian', 'palestinians'],
  china: ['china', 'chinese', 'prc', 'beijing'],
  mexico: ['mexico', 'mexican', 'mexicans'],
  iran: ['iran', 'iranian', 'iranians', 'tehran'],
  iraq: ['iraq', 'iraqi', 'iraqis'],
  syria: ['syria', 'syrian', 'syrians'],
  canada: ['canada', 'canadian', 'canadians'],
  germany: ['germany', 'german', 'germans'],
  france: ['france', 'french'],
  japan: ['japan', 'japanese'],
  india: ['india', 'indian', 'indians'],
  korea: ['korea', 'korean', 'koreans'],
  afghanistan: ['afghanistan', 'afghan', 'afghans'],
  republican: ['republican', 'republicans', 'gop', 'republican party'],
  democrat: ['democrat', 'democrats', 'democratic', 'dems'],
  obamacar: ['obamacare', 'affordable care act', 'aca'],
  covid: ['covid', 'covid 19', 'coronavirus', 'sars cov 2', 'covid19'],
  vaccin: ['vaccine', 'vaccines', 'vaccination', 'vaccinations', 'vaccinated', 'jab', 'jabs'],
  ceasefir: ['ceasefire', 'cease fire', 'truce', 'ceasefires'],
  isi: ['isis', 'isil', 'islamic state', 'daesh'],
  alqaeda: ['al qaeda', 'al qaida', 'alqaeda'],
  biden: ['biden', 'joe biden', 'joseph biden'],
  obama: ['obama', 'barack obama'],
  trump: ['trump', 'donald trump', 'donald j trump'],
  clinton: ['clinton', 'hillary clinton', 'hillary', 'hillary rodham clinton'],
  whitehous: ['white house'],
  dc: ['dc', 'd c', 'washington dc'],
  percent: ['percent', 'per cent', 'pct', 'percentage'],
  war: ['war', 'wars', 'conflict'],
  troop: ['troops', 'troop', 'soldiers'],
  armi: ['army', 'armies', 'military', 'armed forces'],
  ga: ['gas', 'gasoline', 'petrol'],
  refuge: ['refugee', 'refugees', 'asylum seekers'],
  // A few news synonyms for the verbs and nouns of territorial and military
  // claims ("give up territory" = "cede land" = "surrender territory").
  cede: [
    'cede',
    'cedes',
    'ceded',
    'ceding',
    'give up',
    'gives up',
    'giving up',
    'surrender',
    'surrendering',
    'surrenders',
    'hand over',
    'handing over',
  ],
  territori: ['territory', 'territories', 'land', 'lands'],
  shrink: [
    'shrink',
    'shrinking',
    'scale down',
    'scaling down',
    'scaled down',
    'downsize',
    'downsizing',
    'cut back',
  ],
  plan: ['plan', 'plans', 'proposal', 'proposals', 'peace deal', 'framework'],
  annex: ['annex', 'annexed', 'annexes', 'annexing', 'annexation', 'seized', 'seize', 'absorbed'],
};

/** Lower-case word sequence -> canonical term. Longest sequence wins. */
export const ALIASES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [canonical, spellings] of Object.entries(TABLE)) {
    for (const s of spellings) if (!map.has(s)) map.set(s, canonical);
  }
  return map;
})();

/** Longest key length in words (bounds the tokenizer's look-ahead). */
export const MAX_ALIAS_WORDS = 4;

/**
 * Spellings that are also common English words: only taken as the alias when
 * written in capitals in the original ("US" but not "us"; "UN" but not "un").
 */
export const CASE_SENSITIVE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['us', 'US'],
  ['un', 'UN'],
  ['aca', 'ACA'],
  ['isis', 'ISIS'],
]);

/** Canonical alias terms that are names (places, people, organisations). */
export const NAME_TERMS: ReadonlySet<string> = new Set(
  Object.keys(TABLE).filter(
    (k) =>
      ![
        'percent',
        'war',
        'troop',
        'armi',
        'ga',
        'refuge',
        'cede',
        'territori',
        'shrink',
        'plan',
        'annex',
        'vaccin',
        'ceasefir',
        'covid',
        'obamacar',
      ].includes(k),
  ),
);

/**
 * Names that stand for a country as the actor of a sentence (news metonymy:
 * "Putin annexed", "Washington's plan", "Kyiv rejected"). Used only to accept
 * a claim's subject, never as index terms.
 */
export const ACTOR_EQUIVALENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['russia', ['putin']],
  ['usa', ['washington', 'whitehous', 'trump', 'biden', 'obama', 'pentagon']],
  ['ukrain', ['zelenski', 'kyiv']],
  ['israel', ['netanyahu', 'jerusalem']],
  ['china', ['xi']],
  ['uk', ['london', 'downing']],
]);
