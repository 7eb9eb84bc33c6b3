export { KeyIndex, type ApplyOutcome, type IndexedKey, type SecretEntry } from './key-index/key-index';
export { MalformedEventError } from './key-index/index-event.parser';
export { Freshness } from './freshness/freshness';
export { answerVerify, type VerifyContext } from './verify/answer-verify';
