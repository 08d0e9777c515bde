// Which proof segments a verifier replays, and how many it takes to catch a cheater.
export { DEFAULT_CHEAT_FRACTION, DEFAULT_TARGET_PROBABILITY, challengePlanFor, defaultChallengePlan, replayedSegments, type ChallengePlan } from './challengePlan.ts'
export { detectionProbability, segmentsForDetection, type SegmentsForDetectionParameters } from './detection.ts'
export { selectChallengeSegments, type SelectChallengeSegmentsParameters } from './selectChallengeSegments.ts'
export { commitmentsInRound, type CommitmentsInRoundParameters, type RoundCommitment } from './commitmentsInRound.ts'
export { challengeWindowSeconds } from './challengeWindow.ts'
