import { HashMismatchError, InvalidInputError } from '../../lib/errors.ts'
import { ErrorCode, ProtocolError, toProtocolError } from '../../lib/net/index.ts'
import { ProofFormatError } from '../../lib/proof/errors.ts'
import {
  AssignmentError, DuplicateSubmissionError, InvalidDeltaError, NotEnoughWorkersError, NotFoundError,
  RoundStateError, StaleRoundError, WorkerAddressTakenError, WorkerBannedError
} from '../errors.ts'

/**
 * The wire error for a refusal of the coordinator core, so a worker gets the
 * right code (STALE, DUPLICATE, FORBIDDEN, INVALID...) and one line saying why;
 * anything unexpected stays INTERNAL without details.
 */
export function toProtocolRefusal (err: unknown): ProtocolError {
  if (err instanceof ProtocolError) return err
  const code = codeOf(err)
  if (code === undefined) return toProtocolError(err)
  return new ProtocolError(code, (err as Error & { shortMessage?: string }).shortMessage ?? (err as Error).message, { cause: err })
}

function codeOf (err: unknown): ErrorCode | undefined {
  if (err instanceof StaleRoundError || err instanceof RoundStateError) return ErrorCode.ERROR_CODE_STALE
  if (err instanceof DuplicateSubmissionError) return ErrorCode.ERROR_CODE_DUPLICATE
  if (err instanceof AssignmentError || err instanceof WorkerBannedError || err instanceof WorkerAddressTakenError) return ErrorCode.ERROR_CODE_FORBIDDEN
  if (err instanceof InvalidDeltaError || err instanceof HashMismatchError || err instanceof InvalidInputError || err instanceof ProofFormatError) return ErrorCode.ERROR_CODE_INVALID
  if (err instanceof NotFoundError) return ErrorCode.ERROR_CODE_NOT_FOUND
  if (err instanceof NotEnoughWorkersError) return ErrorCode.ERROR_CODE_BUSY
  return undefined
}
