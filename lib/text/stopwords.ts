/**
 * English function words dropped before indexing. Kept small on purpose: words
 * such as "not", "no", "never", "all", "most" change a claim's meaning, but are
 * so frequent that they add noise to lexical scores; negation is handled (if at
 * all) by features, not by terms.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further ' +
    'had has have having he her here hers herself him himself his how i if in into is it its itself ' +
    'just me more most my myself no nor not now of off on once only or other our ours ourselves out ' +
    'over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which ' +
    'while who whom why will with would you your yours yourself yourselves also says said say ' +
    'saying according would could might must shall may us let get got go going gonna wanna ' +
    'yes yeah oh okay ok well really actually know think mean thing things lot way like just ' +
    'one ones every even still much many ever already since per via s t d ll m re ve amp http https www com rt'
  ).split(' '),
);
