/**
 * The composer's live validator (capability P1): counts a draft in each network's unit, checks it
 * against a channel's limits and lists its entities. Isomorphic: the server refuses to schedule a
 * variant over a limit with it, the web app draws its counters with it.
 */
export type { TextRule, TextUnit } from './types';
export { countText } from './countText';
export { validateText } from './validateText';
export type { TextLimitFailure, TextRuleResult, TextValidation } from './validateText';
export { extractEntities } from './extractEntities';
export type { HashtagEntity, MentionEntity, TextEntities, TextEntity, UrlEntity } from './extractEntities';
export { TEXT_WARNING_CODES, textWarnings } from './textWarnings';
export type { TextWarning, TextWarningCode, TextWarningOptions } from './textWarnings';
export { countGraphemes } from './graphemes';
export { MASTODON_URL_LENGTH } from './mastodonLength';
