export { KeyIndex, type ApplyOutcome, type FoundSecret, type IndexedKey } from './key-index/key-index';
export { INDEX_SNAPSHOT_FORMAT, type IndexSnapshot } from './snapshot/index-snapshot';
export { MalformedEventError } from './key-index/index-event.parser';
export { Freshness } from './freshness/freshness';
export { answerVerify, answerVerifyKeyId, type VerifyContext } from './verify/answer-verify';
export { DescribedAnswers } from './verify/described-answers';
export { encodeVerifyAnswer } from './verify/verify-answer.encoding';
export { decodeIndexSnapshot, encodeIndexSnapshot } from './snapshot/index-snapshot.codec';
export { UnusableSnapshotError } from './snapshot/index-snapshot.parser';
