import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace cotrain {

    namespace v1 {

        interface IAssignmentRequest extends cotrain.v1.AssignmentRequest.$Properties {
        }

        class AssignmentRequest {
            constructor(properties?: cotrain.v1.AssignmentRequest.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            workerAddress: Uint8Array;
            static create(properties: cotrain.v1.AssignmentRequest.$Shape): cotrain.v1.AssignmentRequest & cotrain.v1.AssignmentRequest.$Shape;
            static create(properties?: cotrain.v1.AssignmentRequest.$Properties): cotrain.v1.AssignmentRequest;
            static encode(message: cotrain.v1.AssignmentRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.AssignmentRequest & cotrain.v1.AssignmentRequest.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.AssignmentRequest;
            static toObject(message: cotrain.v1.AssignmentRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace AssignmentRequest {
            interface $Properties {
                round?: (number|null);
                workerAddress?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.AssignmentRequest.$Properties;
        }

        interface IShardRef extends cotrain.v1.ShardRef.$Properties {
        }

        class ShardRef {
            constructor(properties?: cotrain.v1.ShardRef.$Properties);
            $unknowns?: Uint8Array[];
            contentId: Uint8Array;
            index: number;
            samples: number;
            size: number;
            static create(properties: cotrain.v1.ShardRef.$Shape): cotrain.v1.ShardRef & cotrain.v1.ShardRef.$Shape;
            static create(properties?: cotrain.v1.ShardRef.$Properties): cotrain.v1.ShardRef;
            static encode(message: cotrain.v1.ShardRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.ShardRef & cotrain.v1.ShardRef.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.ShardRef;
            static toObject(message: cotrain.v1.ShardRef, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace ShardRef {
            interface $Properties {
                contentId?: (Uint8Array|null);
                index?: (number|null);
                samples?: (number|null);
                size?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.ShardRef.$Properties;
        }

        interface IAssignment extends cotrain.v1.Assignment.$Properties {
        }

        class Assignment {
            constructor(properties?: cotrain.v1.Assignment.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            workerAddress: Uint8Array;
            shards: cotrain.v1.ShardRef.$Properties[];
            totalSamples: number;
            announcement?: (cotrain.v1.RoundAnnouncement.$Properties|null);
            retryAfter: number;
            waitReason: string;
            providers: cotrain.v1.ContentProviders.$Properties[];
            static create(properties: cotrain.v1.Assignment.$Shape): cotrain.v1.Assignment & cotrain.v1.Assignment.$Shape;
            static create(properties?: cotrain.v1.Assignment.$Properties): cotrain.v1.Assignment;
            static encode(message: cotrain.v1.Assignment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.Assignment & cotrain.v1.Assignment.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.Assignment;
            static toObject(message: cotrain.v1.Assignment, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Assignment {
            interface $Properties {
                round?: (number|null);
                workerAddress?: (Uint8Array|null);
                shards?: (cotrain.v1.ShardRef.$Properties[]|null);
                totalSamples?: (number|null);
                announcement?: (cotrain.v1.RoundAnnouncement.$Properties|null);
                retryAfter?: (number|null);
                waitReason?: (string|null);
                providers?: (cotrain.v1.ContentProviders.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.Assignment.$Properties;
        }

        interface IContentProviders extends cotrain.v1.ContentProviders.$Properties {
        }

        class ContentProviders {
            constructor(properties?: cotrain.v1.ContentProviders.$Properties);
            $unknowns?: Uint8Array[];
            contentId: Uint8Array;
            size: number;
            providers: cotrain.v1.Provider.$Properties[];
            static create(properties: cotrain.v1.ContentProviders.$Shape): cotrain.v1.ContentProviders & cotrain.v1.ContentProviders.$Shape;
            static create(properties?: cotrain.v1.ContentProviders.$Properties): cotrain.v1.ContentProviders;
            static encode(message: cotrain.v1.ContentProviders.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.ContentProviders & cotrain.v1.ContentProviders.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.ContentProviders;
            static toObject(message: cotrain.v1.ContentProviders, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace ContentProviders {
            interface $Properties {
                contentId?: (Uint8Array|null);
                size?: (number|null);
                providers?: (cotrain.v1.Provider.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.ContentProviders.$Properties;
        }

        interface IProvider extends cotrain.v1.Provider.$Properties {
        }

        class Provider {
            constructor(properties?: cotrain.v1.Provider.$Properties);
            $unknowns?: Uint8Array[];
            peerId: string;
            addrs: string[];
            static create(properties: cotrain.v1.Provider.$Shape): cotrain.v1.Provider & cotrain.v1.Provider.$Shape;
            static create(properties?: cotrain.v1.Provider.$Properties): cotrain.v1.Provider;
            static encode(message: cotrain.v1.Provider.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.Provider & cotrain.v1.Provider.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.Provider;
            static toObject(message: cotrain.v1.Provider, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Provider {
            interface $Properties {
                peerId?: (string|null);
                addrs?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.Provider.$Properties;
        }

        interface IAssignmentResponse extends cotrain.v1.AssignmentResponse.$Properties {
        }

        class AssignmentResponse {
            constructor(properties?: cotrain.v1.AssignmentResponse.$Properties);
            $unknowns?: Uint8Array[];
            assignment?: (cotrain.v1.Assignment.$Properties|null);
            error?: (cotrain.v1.Error.$Properties|null);
            result?: ("assignment"|"error");
            static create(properties: cotrain.v1.AssignmentResponse.$Shape): cotrain.v1.AssignmentResponse & cotrain.v1.AssignmentResponse.$Shape;
            static create(properties?: cotrain.v1.AssignmentResponse.$Properties): cotrain.v1.AssignmentResponse;
            static encode(message: cotrain.v1.AssignmentResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.AssignmentResponse & cotrain.v1.AssignmentResponse.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.AssignmentResponse;
            static toObject(message: cotrain.v1.AssignmentResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace AssignmentResponse {
            interface $Properties {
                assignment?: (cotrain.v1.Assignment.$Properties|null);
                error?: (cotrain.v1.Error.$Properties|null);
                result?: ("assignment"|"error");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              assignment?: cotrain.v1.Assignment.$Shape|null;
              error?: cotrain.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ result?: undefined; assignment?: null; error?: null }|{ result?: "assignment"; assignment: cotrain.v1.Assignment.$Shape; error?: null }|{ result?: "error"; assignment?: null; error: cotrain.v1.Error.$Shape })
            );
        }

        enum ErrorCode {
            ERROR_CODE_UNSPECIFIED = 0,
            ERROR_CODE_MALFORMED = 1,
            ERROR_CODE_TOO_LARGE = 2,
            ERROR_CODE_UNAUTHENTICATED = 3,
            ERROR_CODE_FORBIDDEN = 4,
            ERROR_CODE_STALE = 5,
            ERROR_CODE_DUPLICATE = 6,
            ERROR_CODE_NOT_FOUND = 7,
            ERROR_CODE_OUT_OF_RANGE = 8,
            ERROR_CODE_INVALID = 9,
            ERROR_CODE_BUSY = 10,
            ERROR_CODE_TIMEOUT = 11,
            ERROR_CODE_UNSUPPORTED = 12,
            ERROR_CODE_INTERNAL = 13,
            ERROR_CODE_NOT_STAKED = 14
        }

        interface IError extends cotrain.v1.Error.$Properties {
        }

        class Error {
            constructor(properties?: cotrain.v1.Error.$Properties);
            $unknowns?: Uint8Array[];
            code: cotrain.v1.ErrorCode;
            message: string;
            retryAfterMs: number;
            static create(properties: cotrain.v1.Error.$Shape): cotrain.v1.Error & cotrain.v1.Error.$Shape;
            static create(properties?: cotrain.v1.Error.$Properties): cotrain.v1.Error;
            static encode(message: cotrain.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.Error & cotrain.v1.Error.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.Error;
            static toObject(message: cotrain.v1.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Error {
            interface $Properties {
                code?: (cotrain.v1.ErrorCode|null);
                message?: (string|null);
                retryAfterMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.Error.$Properties;
        }

        interface IHyperParameters extends cotrain.v1.HyperParameters.$Properties {
        }

        class HyperParameters {
            constructor(properties?: cotrain.v1.HyperParameters.$Properties);
            $unknowns?: Uint8Array[];
            innerSteps: number;
            batchSize: number;
            learningRate: number;
            checkpointInterval: number;
            optimizer: string;
            beta1: number;
            beta2: number;
            epsilon: number;
            deltaEncoding: cotrain.v1.DeltaEncoding;
            deltaChunk: number;
            static create(properties: cotrain.v1.HyperParameters.$Shape): cotrain.v1.HyperParameters & cotrain.v1.HyperParameters.$Shape;
            static create(properties?: cotrain.v1.HyperParameters.$Properties): cotrain.v1.HyperParameters;
            static encode(message: cotrain.v1.HyperParameters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.HyperParameters & cotrain.v1.HyperParameters.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.HyperParameters;
            static toObject(message: cotrain.v1.HyperParameters, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace HyperParameters {
            interface $Properties {
                innerSteps?: (number|null);
                batchSize?: (number|null);
                learningRate?: (number|null);
                checkpointInterval?: (number|null);
                optimizer?: (string|null);
                beta1?: (number|null);
                beta2?: (number|null);
                epsilon?: (number|null);
                deltaEncoding?: (cotrain.v1.DeltaEncoding|null);
                deltaChunk?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.HyperParameters.$Properties;
        }

        interface IRoundAnnouncement extends cotrain.v1.RoundAnnouncement.$Properties {
        }

        class RoundAnnouncement {
            constructor(properties?: cotrain.v1.RoundAnnouncement.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            modelId: Uint8Array;
            hyperParameters?: (cotrain.v1.HyperParameters.$Properties|null);
            roundSeed: Uint8Array;
            modelConfigJson: string;
            openedAt: number;
            trainDeadline: number;
            submitDeadline: number;
            datasetId: Uint8Array;
            static create(properties: cotrain.v1.RoundAnnouncement.$Shape): cotrain.v1.RoundAnnouncement & cotrain.v1.RoundAnnouncement.$Shape;
            static create(properties?: cotrain.v1.RoundAnnouncement.$Properties): cotrain.v1.RoundAnnouncement;
            static encode(message: cotrain.v1.RoundAnnouncement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.RoundAnnouncement & cotrain.v1.RoundAnnouncement.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.RoundAnnouncement;
            static toObject(message: cotrain.v1.RoundAnnouncement, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace RoundAnnouncement {
            interface $Properties {
                round?: (number|null);
                modelId?: (Uint8Array|null);
                hyperParameters?: (cotrain.v1.HyperParameters.$Properties|null);
                roundSeed?: (Uint8Array|null);
                modelConfigJson?: (string|null);
                openedAt?: (number|null);
                trainDeadline?: (number|null);
                submitDeadline?: (number|null);
                datasetId?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.RoundAnnouncement.$Properties;
        }

        enum DeltaEncoding {
            DELTA_ENCODING_UNSPECIFIED = 0,
            DELTA_ENCODING_FLOAT32 = 1,
            DELTA_ENCODING_INT8_SCALED = 2
        }

        interface ILeafSummary extends cotrain.v1.LeafSummary.$Properties {
        }

        class LeafSummary {
            constructor(properties?: cotrain.v1.LeafSummary.$Properties);
            $unknowns?: Uint8Array[];
            loss: number;
            updateNorm: number;
            static create(properties: cotrain.v1.LeafSummary.$Shape): cotrain.v1.LeafSummary & cotrain.v1.LeafSummary.$Shape;
            static create(properties?: cotrain.v1.LeafSummary.$Properties): cotrain.v1.LeafSummary;
            static encode(message: cotrain.v1.LeafSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.LeafSummary & cotrain.v1.LeafSummary.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.LeafSummary;
            static toObject(message: cotrain.v1.LeafSummary, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace LeafSummary {
            interface $Properties {
                loss?: (number|null);
                updateNorm?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.LeafSummary.$Properties;
        }

        interface IUpdateSubmission extends cotrain.v1.UpdateSubmission.$Properties {
        }

        class UpdateSubmission {
            constructor(properties?: cotrain.v1.UpdateSubmission.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            workerAddress: Uint8Array;
            baseModelId: Uint8Array;
            commitment: Uint8Array;
            encoding: cotrain.v1.DeltaEncoding;
            delta: Uint8Array;
            scales: Uint8Array;
            scaleBlock: number;
            numParams: number;
            deltaHash: Uint8Array;
            proofRoot: Uint8Array;
            leafCount: number;
            leaves: cotrain.v1.LeafSummary.$Properties[];
            samples: number;
            contributionId: string;
            txHash: Uint8Array;
            backendClass: string;
            microBatches: number;
            static create(properties: cotrain.v1.UpdateSubmission.$Shape): cotrain.v1.UpdateSubmission & cotrain.v1.UpdateSubmission.$Shape;
            static create(properties?: cotrain.v1.UpdateSubmission.$Properties): cotrain.v1.UpdateSubmission;
            static encode(message: cotrain.v1.UpdateSubmission.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.UpdateSubmission & cotrain.v1.UpdateSubmission.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.UpdateSubmission;
            static toObject(message: cotrain.v1.UpdateSubmission, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace UpdateSubmission {
            interface $Properties {
                round?: (number|null);
                workerAddress?: (Uint8Array|null);
                baseModelId?: (Uint8Array|null);
                commitment?: (Uint8Array|null);
                encoding?: (cotrain.v1.DeltaEncoding|null);
                delta?: (Uint8Array|null);
                scales?: (Uint8Array|null);
                scaleBlock?: (number|null);
                numParams?: (number|null);
                deltaHash?: (Uint8Array|null);
                proofRoot?: (Uint8Array|null);
                leafCount?: (number|null);
                leaves?: (cotrain.v1.LeafSummary.$Properties[]|null);
                samples?: (number|null);
                contributionId?: (string|null);
                txHash?: (Uint8Array|null);
                backendClass?: (string|null);
                microBatches?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.UpdateSubmission.$Properties;
        }

        interface ISubmissionAck extends cotrain.v1.SubmissionAck.$Properties {
        }

        class SubmissionAck {
            constructor(properties?: cotrain.v1.SubmissionAck.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            commitment: Uint8Array;
            receivedAt: number;
            retryAfter: number;
            static create(properties: cotrain.v1.SubmissionAck.$Shape): cotrain.v1.SubmissionAck & cotrain.v1.SubmissionAck.$Shape;
            static create(properties?: cotrain.v1.SubmissionAck.$Properties): cotrain.v1.SubmissionAck;
            static encode(message: cotrain.v1.SubmissionAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.SubmissionAck & cotrain.v1.SubmissionAck.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.SubmissionAck;
            static toObject(message: cotrain.v1.SubmissionAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace SubmissionAck {
            interface $Properties {
                round?: (number|null);
                commitment?: (Uint8Array|null);
                receivedAt?: (number|null);
                retryAfter?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.SubmissionAck.$Properties;
        }

        interface ISubmitResponse extends cotrain.v1.SubmitResponse.$Properties {
        }

        class SubmitResponse {
            constructor(properties?: cotrain.v1.SubmitResponse.$Properties);
            $unknowns?: Uint8Array[];
            ack?: (cotrain.v1.SubmissionAck.$Properties|null);
            error?: (cotrain.v1.Error.$Properties|null);
            result?: ("ack"|"error");
            static create(properties: cotrain.v1.SubmitResponse.$Shape): cotrain.v1.SubmitResponse & cotrain.v1.SubmitResponse.$Shape;
            static create(properties?: cotrain.v1.SubmitResponse.$Properties): cotrain.v1.SubmitResponse;
            static encode(message: cotrain.v1.SubmitResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.SubmitResponse & cotrain.v1.SubmitResponse.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.SubmitResponse;
            static toObject(message: cotrain.v1.SubmitResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace SubmitResponse {
            interface $Properties {
                ack?: (cotrain.v1.SubmissionAck.$Properties|null);
                error?: (cotrain.v1.Error.$Properties|null);
                result?: ("ack"|"error");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              ack?: cotrain.v1.SubmissionAck.$Shape|null;
              error?: cotrain.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ result?: undefined; ack?: null; error?: null }|{ result?: "ack"; ack: cotrain.v1.SubmissionAck.$Shape; error?: null }|{ result?: "error"; ack?: null; error: cotrain.v1.Error.$Shape })
            );
        }

        interface ICheckpointRequest extends cotrain.v1.CheckpointRequest.$Properties {
        }

        class CheckpointRequest {
            constructor(properties?: cotrain.v1.CheckpointRequest.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            index: number;
            openingOnly: boolean;
            static create(properties: cotrain.v1.CheckpointRequest.$Shape): cotrain.v1.CheckpointRequest & cotrain.v1.CheckpointRequest.$Shape;
            static create(properties?: cotrain.v1.CheckpointRequest.$Properties): cotrain.v1.CheckpointRequest;
            static encode(message: cotrain.v1.CheckpointRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.CheckpointRequest & cotrain.v1.CheckpointRequest.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.CheckpointRequest;
            static toObject(message: cotrain.v1.CheckpointRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace CheckpointRequest {
            interface $Properties {
                round?: (number|null);
                index?: (number|null);
                openingOnly?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.CheckpointRequest.$Properties;
        }

        interface ILeaf extends cotrain.v1.Leaf.$Properties {
        }

        class Leaf {
            constructor(properties?: cotrain.v1.Leaf.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            workerAddress: Uint8Array;
            index: number;
            weightsHash: Uint8Array;
            optimizerHash: Uint8Array;
            batchHash: Uint8Array;
            loss: number;
            updateNorm: number;
            static create(properties: cotrain.v1.Leaf.$Shape): cotrain.v1.Leaf & cotrain.v1.Leaf.$Shape;
            static create(properties?: cotrain.v1.Leaf.$Properties): cotrain.v1.Leaf;
            static encode(message: cotrain.v1.Leaf.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.Leaf & cotrain.v1.Leaf.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.Leaf;
            static toObject(message: cotrain.v1.Leaf, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Leaf {
            interface $Properties {
                round?: (number|null);
                workerAddress?: (Uint8Array|null);
                index?: (number|null);
                weightsHash?: (Uint8Array|null);
                optimizerHash?: (Uint8Array|null);
                batchHash?: (Uint8Array|null);
                loss?: (number|null);
                updateNorm?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.Leaf.$Properties;
        }

        interface ICheckpointReply extends cotrain.v1.CheckpointReply.$Properties {
        }

        class CheckpointReply {
            constructor(properties?: cotrain.v1.CheckpointReply.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            index: number;
            leaf?: (cotrain.v1.Leaf.$Properties|null);
            proof: Uint8Array[];
            checkpointId: Uint8Array;
            checkpointSize: number;
            checkpoint: Uint8Array;
            static create(properties: cotrain.v1.CheckpointReply.$Shape): cotrain.v1.CheckpointReply & cotrain.v1.CheckpointReply.$Shape;
            static create(properties?: cotrain.v1.CheckpointReply.$Properties): cotrain.v1.CheckpointReply;
            static encode(message: cotrain.v1.CheckpointReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.CheckpointReply & cotrain.v1.CheckpointReply.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.CheckpointReply;
            static toObject(message: cotrain.v1.CheckpointReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace CheckpointReply {
            interface $Properties {
                round?: (number|null);
                index?: (number|null);
                leaf?: (cotrain.v1.Leaf.$Properties|null);
                proof?: (Uint8Array[]|null);
                checkpointId?: (Uint8Array|null);
                checkpointSize?: (number|null);
                checkpoint?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.CheckpointReply.$Properties;
        }

        interface ICheckpointResponse extends cotrain.v1.CheckpointResponse.$Properties {
        }

        class CheckpointResponse {
            constructor(properties?: cotrain.v1.CheckpointResponse.$Properties);
            $unknowns?: Uint8Array[];
            reply?: (cotrain.v1.CheckpointReply.$Properties|null);
            error?: (cotrain.v1.Error.$Properties|null);
            result?: ("reply"|"error");
            static create(properties: cotrain.v1.CheckpointResponse.$Shape): cotrain.v1.CheckpointResponse & cotrain.v1.CheckpointResponse.$Shape;
            static create(properties?: cotrain.v1.CheckpointResponse.$Properties): cotrain.v1.CheckpointResponse;
            static encode(message: cotrain.v1.CheckpointResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.CheckpointResponse & cotrain.v1.CheckpointResponse.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.CheckpointResponse;
            static toObject(message: cotrain.v1.CheckpointResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace CheckpointResponse {
            interface $Properties {
                reply?: (cotrain.v1.CheckpointReply.$Properties|null);
                error?: (cotrain.v1.Error.$Properties|null);
                result?: ("reply"|"error");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              reply?: cotrain.v1.CheckpointReply.$Shape|null;
              error?: cotrain.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ result?: undefined; reply?: null; error?: null }|{ result?: "reply"; reply: cotrain.v1.CheckpointReply.$Shape; error?: null }|{ result?: "error"; reply?: null; error: cotrain.v1.Error.$Shape })
            );
        }

        interface IContentRequest extends cotrain.v1.ContentRequest.$Properties {
        }

        class ContentRequest {
            constructor(properties?: cotrain.v1.ContentRequest.$Properties);
            $unknowns?: Uint8Array[];
            contentId: Uint8Array;
            offset: number;
            maxLength: number;
            static create(properties: cotrain.v1.ContentRequest.$Shape): cotrain.v1.ContentRequest & cotrain.v1.ContentRequest.$Shape;
            static create(properties?: cotrain.v1.ContentRequest.$Properties): cotrain.v1.ContentRequest;
            static encode(message: cotrain.v1.ContentRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.ContentRequest & cotrain.v1.ContentRequest.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.ContentRequest;
            static toObject(message: cotrain.v1.ContentRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace ContentRequest {
            interface $Properties {
                contentId?: (Uint8Array|null);
                offset?: (number|null);
                maxLength?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.ContentRequest.$Properties;
        }

        interface IContentChunk extends cotrain.v1.ContentChunk.$Properties {
        }

        class ContentChunk {
            constructor(properties?: cotrain.v1.ContentChunk.$Properties);
            $unknowns?: Uint8Array[];
            offset: number;
            totalSize: number;
            data: Uint8Array;
            static create(properties: cotrain.v1.ContentChunk.$Shape): cotrain.v1.ContentChunk & cotrain.v1.ContentChunk.$Shape;
            static create(properties?: cotrain.v1.ContentChunk.$Properties): cotrain.v1.ContentChunk;
            static encode(message: cotrain.v1.ContentChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.ContentChunk & cotrain.v1.ContentChunk.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.ContentChunk;
            static toObject(message: cotrain.v1.ContentChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace ContentChunk {
            interface $Properties {
                offset?: (number|null);
                totalSize?: (number|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.ContentChunk.$Properties;
        }

        interface IContentResponse extends cotrain.v1.ContentResponse.$Properties {
        }

        class ContentResponse {
            constructor(properties?: cotrain.v1.ContentResponse.$Properties);
            $unknowns?: Uint8Array[];
            chunk?: (cotrain.v1.ContentChunk.$Properties|null);
            error?: (cotrain.v1.Error.$Properties|null);
            result?: ("chunk"|"error");
            static create(properties: cotrain.v1.ContentResponse.$Shape): cotrain.v1.ContentResponse & cotrain.v1.ContentResponse.$Shape;
            static create(properties?: cotrain.v1.ContentResponse.$Properties): cotrain.v1.ContentResponse;
            static encode(message: cotrain.v1.ContentResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.ContentResponse & cotrain.v1.ContentResponse.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.ContentResponse;
            static toObject(message: cotrain.v1.ContentResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace ContentResponse {
            interface $Properties {
                chunk?: (cotrain.v1.ContentChunk.$Properties|null);
                error?: (cotrain.v1.Error.$Properties|null);
                result?: ("chunk"|"error");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              chunk?: cotrain.v1.ContentChunk.$Shape|null;
              error?: cotrain.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ result?: undefined; chunk?: null; error?: null }|{ result?: "chunk"; chunk: cotrain.v1.ContentChunk.$Shape; error?: null }|{ result?: "error"; chunk?: null; error: cotrain.v1.Error.$Shape })
            );
        }

        interface IDatasetShardInfo extends cotrain.v1.DatasetShardInfo.$Properties {
        }

        class DatasetShardInfo {
            constructor(properties?: cotrain.v1.DatasetShardInfo.$Properties);
            $unknowns?: Uint8Array[];
            contentId: Uint8Array;
            samples: number;
            size: number;
            static create(properties: cotrain.v1.DatasetShardInfo.$Shape): cotrain.v1.DatasetShardInfo & cotrain.v1.DatasetShardInfo.$Shape;
            static create(properties?: cotrain.v1.DatasetShardInfo.$Properties): cotrain.v1.DatasetShardInfo;
            static encode(message: cotrain.v1.DatasetShardInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetShardInfo & cotrain.v1.DatasetShardInfo.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetShardInfo;
            static toObject(message: cotrain.v1.DatasetShardInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetShardInfo {
            interface $Properties {
                contentId?: (Uint8Array|null);
                samples?: (number|null);
                size?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.DatasetShardInfo.$Properties;
        }

        interface IDatasetManifest extends cotrain.v1.DatasetManifest.$Properties {
        }

        class DatasetManifest {
            constructor(properties?: cotrain.v1.DatasetManifest.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            sampleShape: number[];
            numClasses: number;
            totalSamples: number;
            labelHistogram: number[];
            shards: cotrain.v1.DatasetShardInfo.$Properties[];
            tokenizerJson: string;
            heldOut: cotrain.v1.DatasetShardInfo.$Properties[];
            static create(properties: cotrain.v1.DatasetManifest.$Shape): cotrain.v1.DatasetManifest & cotrain.v1.DatasetManifest.$Shape;
            static create(properties?: cotrain.v1.DatasetManifest.$Properties): cotrain.v1.DatasetManifest;
            static encode(message: cotrain.v1.DatasetManifest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetManifest & cotrain.v1.DatasetManifest.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetManifest;
            static toObject(message: cotrain.v1.DatasetManifest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetManifest {
            interface $Properties {
                version?: (number|null);
                sampleShape?: (number[]|null);
                numClasses?: (number|null);
                totalSamples?: (number|null);
                labelHistogram?: (number[]|null);
                shards?: (cotrain.v1.DatasetShardInfo.$Properties[]|null);
                tokenizerJson?: (string|null);
                heldOut?: (cotrain.v1.DatasetShardInfo.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.DatasetManifest.$Properties;
        }

        interface IDatasetOffer extends cotrain.v1.DatasetOffer.$Properties {
        }

        class DatasetOffer {
            constructor(properties?: cotrain.v1.DatasetOffer.$Properties);
            $unknowns?: Uint8Array[];
            manifest?: (cotrain.v1.DatasetManifest.$Properties|null);
            contributorAddress: Uint8Array;
            issuedAt: number;
            nonce: Uint8Array;
            signature: Uint8Array;
            static create(properties: cotrain.v1.DatasetOffer.$Shape): cotrain.v1.DatasetOffer & cotrain.v1.DatasetOffer.$Shape;
            static create(properties?: cotrain.v1.DatasetOffer.$Properties): cotrain.v1.DatasetOffer;
            static encode(message: cotrain.v1.DatasetOffer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetOffer & cotrain.v1.DatasetOffer.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetOffer;
            static toObject(message: cotrain.v1.DatasetOffer, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetOffer {
            interface $Properties {
                manifest?: (cotrain.v1.DatasetManifest.$Properties|null);
                contributorAddress?: (Uint8Array|null);
                issuedAt?: (number|null);
                nonce?: (Uint8Array|null);
                signature?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.DatasetOffer.$Properties;
        }

        interface IDatasetShardUpload extends cotrain.v1.DatasetShardUpload.$Properties {
        }

        class DatasetShardUpload {
            constructor(properties?: cotrain.v1.DatasetShardUpload.$Properties);
            $unknowns?: Uint8Array[];
            datasetId: Uint8Array;
            index: number;
            data: Uint8Array;
            static create(properties: cotrain.v1.DatasetShardUpload.$Shape): cotrain.v1.DatasetShardUpload & cotrain.v1.DatasetShardUpload.$Shape;
            static create(properties?: cotrain.v1.DatasetShardUpload.$Properties): cotrain.v1.DatasetShardUpload;
            static encode(message: cotrain.v1.DatasetShardUpload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetShardUpload & cotrain.v1.DatasetShardUpload.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetShardUpload;
            static toObject(message: cotrain.v1.DatasetShardUpload, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetShardUpload {
            interface $Properties {
                datasetId?: (Uint8Array|null);
                index?: (number|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.DatasetShardUpload.$Properties;
        }

        interface IDatasetListRequest extends cotrain.v1.DatasetListRequest.$Properties {
        }

        class DatasetListRequest {
            constructor(properties?: cotrain.v1.DatasetListRequest.$Properties);
            $unknowns?: Uint8Array[];
            start: number;
            limit: number;
            static create(properties: cotrain.v1.DatasetListRequest.$Shape): cotrain.v1.DatasetListRequest & cotrain.v1.DatasetListRequest.$Shape;
            static create(properties?: cotrain.v1.DatasetListRequest.$Properties): cotrain.v1.DatasetListRequest;
            static encode(message: cotrain.v1.DatasetListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetListRequest & cotrain.v1.DatasetListRequest.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetListRequest;
            static toObject(message: cotrain.v1.DatasetListRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetListRequest {
            interface $Properties {
                start?: (number|null);
                limit?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.DatasetListRequest.$Properties;
        }

        interface IDatasetRequest extends cotrain.v1.DatasetRequest.$Properties {
        }

        class DatasetRequest {
            constructor(properties?: cotrain.v1.DatasetRequest.$Properties);
            $unknowns?: Uint8Array[];
            offer?: (cotrain.v1.DatasetOffer.$Properties|null);
            shard?: (cotrain.v1.DatasetShardUpload.$Properties|null);
            list?: (cotrain.v1.DatasetListRequest.$Properties|null);
            kind?: ("offer"|"shard"|"list");
            static create(properties: cotrain.v1.DatasetRequest.$Shape): cotrain.v1.DatasetRequest & cotrain.v1.DatasetRequest.$Shape;
            static create(properties?: cotrain.v1.DatasetRequest.$Properties): cotrain.v1.DatasetRequest;
            static encode(message: cotrain.v1.DatasetRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetRequest & cotrain.v1.DatasetRequest.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetRequest;
            static toObject(message: cotrain.v1.DatasetRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetRequest {
            interface $Properties {
                offer?: (cotrain.v1.DatasetOffer.$Properties|null);
                shard?: (cotrain.v1.DatasetShardUpload.$Properties|null);
                list?: (cotrain.v1.DatasetListRequest.$Properties|null);
                kind?: ("offer"|"shard"|"list");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              offer?: cotrain.v1.DatasetOffer.$Shape|null;
              shard?: cotrain.v1.DatasetShardUpload.$Shape|null;
              list?: cotrain.v1.DatasetListRequest.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; offer?: null; shard?: null; list?: null }|{ kind?: "offer"; offer: cotrain.v1.DatasetOffer.$Shape; shard?: null; list?: null }|{ kind?: "shard"; offer?: null; shard: cotrain.v1.DatasetShardUpload.$Shape; list?: null }|{ kind?: "list"; offer?: null; shard?: null; list: cotrain.v1.DatasetListRequest.$Shape })
            );
        }

        interface IDatasetOfferAccepted extends cotrain.v1.DatasetOfferAccepted.$Properties {
        }

        class DatasetOfferAccepted {
            constructor(properties?: cotrain.v1.DatasetOfferAccepted.$Properties);
            $unknowns?: Uint8Array[];
            datasetId: Uint8Array;
            missing: number[];
            static create(properties: cotrain.v1.DatasetOfferAccepted.$Shape): cotrain.v1.DatasetOfferAccepted & cotrain.v1.DatasetOfferAccepted.$Shape;
            static create(properties?: cotrain.v1.DatasetOfferAccepted.$Properties): cotrain.v1.DatasetOfferAccepted;
            static encode(message: cotrain.v1.DatasetOfferAccepted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetOfferAccepted & cotrain.v1.DatasetOfferAccepted.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetOfferAccepted;
            static toObject(message: cotrain.v1.DatasetOfferAccepted, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetOfferAccepted {
            interface $Properties {
                datasetId?: (Uint8Array|null);
                missing?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.DatasetOfferAccepted.$Properties;
        }

        interface IDatasetShardStored extends cotrain.v1.DatasetShardStored.$Properties {
        }

        class DatasetShardStored {
            constructor(properties?: cotrain.v1.DatasetShardStored.$Properties);
            $unknowns?: Uint8Array[];
            datasetId: Uint8Array;
            index: number;
            complete: boolean;
            static create(properties: cotrain.v1.DatasetShardStored.$Shape): cotrain.v1.DatasetShardStored & cotrain.v1.DatasetShardStored.$Shape;
            static create(properties?: cotrain.v1.DatasetShardStored.$Properties): cotrain.v1.DatasetShardStored;
            static encode(message: cotrain.v1.DatasetShardStored.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetShardStored & cotrain.v1.DatasetShardStored.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetShardStored;
            static toObject(message: cotrain.v1.DatasetShardStored, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetShardStored {
            interface $Properties {
                datasetId?: (Uint8Array|null);
                index?: (number|null);
                complete?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.DatasetShardStored.$Properties;
        }

        interface IDatasetSummary extends cotrain.v1.DatasetSummary.$Properties {
        }

        class DatasetSummary {
            constructor(properties?: cotrain.v1.DatasetSummary.$Properties);
            $unknowns?: Uint8Array[];
            datasetId: Uint8Array;
            manifest?: (cotrain.v1.DatasetManifest.$Properties|null);
            contributorAddress: Uint8Array;
            receivedAt: number;
            complete: boolean;
            knownShardIds: Uint8Array[];
            static create(properties: cotrain.v1.DatasetSummary.$Shape): cotrain.v1.DatasetSummary & cotrain.v1.DatasetSummary.$Shape;
            static create(properties?: cotrain.v1.DatasetSummary.$Properties): cotrain.v1.DatasetSummary;
            static encode(message: cotrain.v1.DatasetSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetSummary & cotrain.v1.DatasetSummary.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetSummary;
            static toObject(message: cotrain.v1.DatasetSummary, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetSummary {
            interface $Properties {
                datasetId?: (Uint8Array|null);
                manifest?: (cotrain.v1.DatasetManifest.$Properties|null);
                contributorAddress?: (Uint8Array|null);
                receivedAt?: (number|null);
                complete?: (boolean|null);
                knownShardIds?: (Uint8Array[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.DatasetSummary.$Properties;
        }

        interface IDatasetList extends cotrain.v1.DatasetList.$Properties {
        }

        class DatasetList {
            constructor(properties?: cotrain.v1.DatasetList.$Properties);
            $unknowns?: Uint8Array[];
            datasets: cotrain.v1.DatasetSummary.$Properties[];
            total: number;
            static create(properties: cotrain.v1.DatasetList.$Shape): cotrain.v1.DatasetList & cotrain.v1.DatasetList.$Shape;
            static create(properties?: cotrain.v1.DatasetList.$Properties): cotrain.v1.DatasetList;
            static encode(message: cotrain.v1.DatasetList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetList & cotrain.v1.DatasetList.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetList;
            static toObject(message: cotrain.v1.DatasetList, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetList {
            interface $Properties {
                datasets?: (cotrain.v1.DatasetSummary.$Properties[]|null);
                total?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.DatasetList.$Properties;
        }

        interface IDatasetReply extends cotrain.v1.DatasetReply.$Properties {
        }

        class DatasetReply {
            constructor(properties?: cotrain.v1.DatasetReply.$Properties);
            $unknowns?: Uint8Array[];
            offered?: (cotrain.v1.DatasetOfferAccepted.$Properties|null);
            stored?: (cotrain.v1.DatasetShardStored.$Properties|null);
            list?: (cotrain.v1.DatasetList.$Properties|null);
            kind?: ("offered"|"stored"|"list");
            static create(properties: cotrain.v1.DatasetReply.$Shape): cotrain.v1.DatasetReply & cotrain.v1.DatasetReply.$Shape;
            static create(properties?: cotrain.v1.DatasetReply.$Properties): cotrain.v1.DatasetReply;
            static encode(message: cotrain.v1.DatasetReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetReply & cotrain.v1.DatasetReply.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetReply;
            static toObject(message: cotrain.v1.DatasetReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetReply {
            interface $Properties {
                offered?: (cotrain.v1.DatasetOfferAccepted.$Properties|null);
                stored?: (cotrain.v1.DatasetShardStored.$Properties|null);
                list?: (cotrain.v1.DatasetList.$Properties|null);
                kind?: ("offered"|"stored"|"list");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              offered?: cotrain.v1.DatasetOfferAccepted.$Shape|null;
              stored?: cotrain.v1.DatasetShardStored.$Shape|null;
              list?: cotrain.v1.DatasetList.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; offered?: null; stored?: null; list?: null }|{ kind?: "offered"; offered: cotrain.v1.DatasetOfferAccepted.$Shape; stored?: null; list?: null }|{ kind?: "stored"; offered?: null; stored: cotrain.v1.DatasetShardStored.$Shape; list?: null }|{ kind?: "list"; offered?: null; stored?: null; list: cotrain.v1.DatasetList.$Shape })
            );
        }

        interface IDatasetResponse extends cotrain.v1.DatasetResponse.$Properties {
        }

        class DatasetResponse {
            constructor(properties?: cotrain.v1.DatasetResponse.$Properties);
            $unknowns?: Uint8Array[];
            reply?: (cotrain.v1.DatasetReply.$Properties|null);
            error?: (cotrain.v1.Error.$Properties|null);
            result?: ("reply"|"error");
            static create(properties: cotrain.v1.DatasetResponse.$Shape): cotrain.v1.DatasetResponse & cotrain.v1.DatasetResponse.$Shape;
            static create(properties?: cotrain.v1.DatasetResponse.$Properties): cotrain.v1.DatasetResponse;
            static encode(message: cotrain.v1.DatasetResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.DatasetResponse & cotrain.v1.DatasetResponse.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.DatasetResponse;
            static toObject(message: cotrain.v1.DatasetResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace DatasetResponse {
            interface $Properties {
                reply?: (cotrain.v1.DatasetReply.$Properties|null);
                error?: (cotrain.v1.Error.$Properties|null);
                result?: ("reply"|"error");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              reply?: cotrain.v1.DatasetReply.$Shape|null;
              error?: cotrain.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ result?: undefined; reply?: null; error?: null }|{ result?: "reply"; reply: cotrain.v1.DatasetReply.$Shape; error?: null }|{ result?: "error"; reply?: null; error: cotrain.v1.Error.$Shape })
            );
        }

        interface IHaveNotice extends cotrain.v1.HaveNotice.$Properties {
        }

        class HaveNotice {
            constructor(properties?: cotrain.v1.HaveNotice.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            workerAddress: Uint8Array;
            contentIds: Uint8Array[];
            failedProviders: cotrain.v1.ProviderFailure.$Properties[];
            static create(properties: cotrain.v1.HaveNotice.$Shape): cotrain.v1.HaveNotice & cotrain.v1.HaveNotice.$Shape;
            static create(properties?: cotrain.v1.HaveNotice.$Properties): cotrain.v1.HaveNotice;
            static encode(message: cotrain.v1.HaveNotice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.HaveNotice & cotrain.v1.HaveNotice.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.HaveNotice;
            static toObject(message: cotrain.v1.HaveNotice, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace HaveNotice {
            interface $Properties {
                round?: (number|null);
                workerAddress?: (Uint8Array|null);
                contentIds?: (Uint8Array[]|null);
                failedProviders?: (cotrain.v1.ProviderFailure.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.HaveNotice.$Properties;
        }

        enum ProviderFault {
            PROVIDER_FAULT_UNSPECIFIED = 0,
            PROVIDER_FAULT_WRONG_BYTES = 1,
            PROVIDER_FAULT_UNAVAILABLE = 2
        }

        interface IProviderFailure extends cotrain.v1.ProviderFailure.$Properties {
        }

        class ProviderFailure {
            constructor(properties?: cotrain.v1.ProviderFailure.$Properties);
            $unknowns?: Uint8Array[];
            contentId: Uint8Array;
            peerId: string;
            fault: cotrain.v1.ProviderFault;
            static create(properties: cotrain.v1.ProviderFailure.$Shape): cotrain.v1.ProviderFailure & cotrain.v1.ProviderFailure.$Shape;
            static create(properties?: cotrain.v1.ProviderFailure.$Properties): cotrain.v1.ProviderFailure;
            static encode(message: cotrain.v1.ProviderFailure.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.ProviderFailure & cotrain.v1.ProviderFailure.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.ProviderFailure;
            static toObject(message: cotrain.v1.ProviderFailure, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace ProviderFailure {
            interface $Properties {
                contentId?: (Uint8Array|null);
                peerId?: (string|null);
                fault?: (cotrain.v1.ProviderFault|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.ProviderFailure.$Properties;
        }

        interface IHaveAck extends cotrain.v1.HaveAck.$Properties {
        }

        class HaveAck {
            constructor(properties?: cotrain.v1.HaveAck.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            recorded: number;
            static create(properties: cotrain.v1.HaveAck.$Shape): cotrain.v1.HaveAck & cotrain.v1.HaveAck.$Shape;
            static create(properties?: cotrain.v1.HaveAck.$Properties): cotrain.v1.HaveAck;
            static encode(message: cotrain.v1.HaveAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.HaveAck & cotrain.v1.HaveAck.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.HaveAck;
            static toObject(message: cotrain.v1.HaveAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace HaveAck {
            interface $Properties {
                round?: (number|null);
                recorded?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.HaveAck.$Properties;
        }

        interface IHaveResponse extends cotrain.v1.HaveResponse.$Properties {
        }

        class HaveResponse {
            constructor(properties?: cotrain.v1.HaveResponse.$Properties);
            $unknowns?: Uint8Array[];
            ack?: (cotrain.v1.HaveAck.$Properties|null);
            error?: (cotrain.v1.Error.$Properties|null);
            result?: ("ack"|"error");
            static create(properties: cotrain.v1.HaveResponse.$Shape): cotrain.v1.HaveResponse & cotrain.v1.HaveResponse.$Shape;
            static create(properties?: cotrain.v1.HaveResponse.$Properties): cotrain.v1.HaveResponse;
            static encode(message: cotrain.v1.HaveResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.HaveResponse & cotrain.v1.HaveResponse.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.HaveResponse;
            static toObject(message: cotrain.v1.HaveResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace HaveResponse {
            interface $Properties {
                ack?: (cotrain.v1.HaveAck.$Properties|null);
                error?: (cotrain.v1.Error.$Properties|null);
                result?: ("ack"|"error");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              ack?: cotrain.v1.HaveAck.$Shape|null;
              error?: cotrain.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ result?: undefined; ack?: null; error?: null }|{ result?: "ack"; ack: cotrain.v1.HaveAck.$Shape; error?: null }|{ result?: "error"; ack?: null; error: cotrain.v1.Error.$Shape })
            );
        }

        interface ICapabilities extends cotrain.v1.Capabilities.$Properties {
        }

        class Capabilities {
            constructor(properties?: cotrain.v1.Capabilities.$Properties);
            $unknowns?: Uint8Array[];
            backend: string;
            tfjsVersion: string;
            simd: boolean;
            samplesPerSecond: number;
            gflops: number;
            cpuCores: number;
            memoryMib: number;
            gpu: string;
            gpuMemoryMib: number;
            static create(properties: cotrain.v1.Capabilities.$Shape): cotrain.v1.Capabilities & cotrain.v1.Capabilities.$Shape;
            static create(properties?: cotrain.v1.Capabilities.$Properties): cotrain.v1.Capabilities;
            static encode(message: cotrain.v1.Capabilities.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.Capabilities & cotrain.v1.Capabilities.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.Capabilities;
            static toObject(message: cotrain.v1.Capabilities, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Capabilities {
            interface $Properties {
                backend?: (string|null);
                tfjsVersion?: (string|null);
                simd?: (boolean|null);
                samplesPerSecond?: (number|null);
                gflops?: (number|null);
                cpuCores?: (number|null);
                memoryMib?: (number|null);
                gpu?: (string|null);
                gpuMemoryMib?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.Capabilities.$Properties;
        }

        interface IJoin extends cotrain.v1.Join.$Properties {
        }

        class Join {
            constructor(properties?: cotrain.v1.Join.$Properties);
            $unknowns?: Uint8Array[];
            capabilities?: (cotrain.v1.Capabilities.$Properties|null);
            workerAddress: Uint8Array;
            issuedAt: number;
            nonce: Uint8Array;
            signature: Uint8Array;
            clientVersion: string;
            static create(properties: cotrain.v1.Join.$Shape): cotrain.v1.Join & cotrain.v1.Join.$Shape;
            static create(properties?: cotrain.v1.Join.$Properties): cotrain.v1.Join;
            static encode(message: cotrain.v1.Join.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.Join & cotrain.v1.Join.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.Join;
            static toObject(message: cotrain.v1.Join, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Join {
            interface $Properties {
                capabilities?: (cotrain.v1.Capabilities.$Properties|null);
                workerAddress?: (Uint8Array|null);
                issuedAt?: (number|null);
                nonce?: (Uint8Array|null);
                signature?: (Uint8Array|null);
                clientVersion?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.Join.$Properties;
        }

        interface IJoinAccepted extends cotrain.v1.JoinAccepted.$Properties {
        }

        class JoinAccepted {
            constructor(properties?: cotrain.v1.JoinAccepted.$Properties);
            $unknowns?: Uint8Array[];
            workerAddress: Uint8Array;
            serverTime: number;
            announcementTopic: string;
            currentRound?: (cotrain.v1.RoundAnnouncement.$Properties|null);
            retryAfter: number;
            static create(properties: cotrain.v1.JoinAccepted.$Shape): cotrain.v1.JoinAccepted & cotrain.v1.JoinAccepted.$Shape;
            static create(properties?: cotrain.v1.JoinAccepted.$Properties): cotrain.v1.JoinAccepted;
            static encode(message: cotrain.v1.JoinAccepted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.JoinAccepted & cotrain.v1.JoinAccepted.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.JoinAccepted;
            static toObject(message: cotrain.v1.JoinAccepted, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace JoinAccepted {
            interface $Properties {
                workerAddress?: (Uint8Array|null);
                serverTime?: (number|null);
                announcementTopic?: (string|null);
                currentRound?: (cotrain.v1.RoundAnnouncement.$Properties|null);
                retryAfter?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.JoinAccepted.$Properties;
        }

        interface IJoinResponse extends cotrain.v1.JoinResponse.$Properties {
        }

        class JoinResponse {
            constructor(properties?: cotrain.v1.JoinResponse.$Properties);
            $unknowns?: Uint8Array[];
            accepted?: (cotrain.v1.JoinAccepted.$Properties|null);
            error?: (cotrain.v1.Error.$Properties|null);
            result?: ("accepted"|"error");
            static create(properties: cotrain.v1.JoinResponse.$Shape): cotrain.v1.JoinResponse & cotrain.v1.JoinResponse.$Shape;
            static create(properties?: cotrain.v1.JoinResponse.$Properties): cotrain.v1.JoinResponse;
            static encode(message: cotrain.v1.JoinResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.JoinResponse & cotrain.v1.JoinResponse.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.JoinResponse;
            static toObject(message: cotrain.v1.JoinResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace JoinResponse {
            interface $Properties {
                accepted?: (cotrain.v1.JoinAccepted.$Properties|null);
                error?: (cotrain.v1.Error.$Properties|null);
                result?: ("accepted"|"error");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              accepted?: cotrain.v1.JoinAccepted.$Shape|null;
              error?: cotrain.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ result?: undefined; accepted?: null; error?: null }|{ result?: "accepted"; accepted: cotrain.v1.JoinAccepted.$Shape; error?: null }|{ result?: "error"; accepted?: null; error: cotrain.v1.Error.$Shape })
            );
        }

        interface ISubmissionsRequest extends cotrain.v1.SubmissionsRequest.$Properties {
        }

        class SubmissionsRequest {
            constructor(properties?: cotrain.v1.SubmissionsRequest.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            start: number;
            limit: number;
            static create(properties: cotrain.v1.SubmissionsRequest.$Shape): cotrain.v1.SubmissionsRequest & cotrain.v1.SubmissionsRequest.$Shape;
            static create(properties?: cotrain.v1.SubmissionsRequest.$Properties): cotrain.v1.SubmissionsRequest;
            static encode(message: cotrain.v1.SubmissionsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.SubmissionsRequest & cotrain.v1.SubmissionsRequest.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.SubmissionsRequest;
            static toObject(message: cotrain.v1.SubmissionsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace SubmissionsRequest {
            interface $Properties {
                round?: (number|null);
                start?: (number|null);
                limit?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.SubmissionsRequest.$Properties;
        }

        interface ISubmissionSummary extends cotrain.v1.SubmissionSummary.$Properties {
        }

        class SubmissionSummary {
            constructor(properties?: cotrain.v1.SubmissionSummary.$Properties);
            $unknowns?: Uint8Array[];
            workerPeerId: string;
            workerAddrs: string[];
            submission?: (cotrain.v1.UpdateSubmission.$Properties|null);
            deltaId: Uint8Array;
            deltaSize: number;
            status: string;
            shardIds: Uint8Array[];
            announcement?: (cotrain.v1.RoundAnnouncement.$Properties|null);
            static create(properties: cotrain.v1.SubmissionSummary.$Shape): cotrain.v1.SubmissionSummary & cotrain.v1.SubmissionSummary.$Shape;
            static create(properties?: cotrain.v1.SubmissionSummary.$Properties): cotrain.v1.SubmissionSummary;
            static encode(message: cotrain.v1.SubmissionSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.SubmissionSummary & cotrain.v1.SubmissionSummary.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.SubmissionSummary;
            static toObject(message: cotrain.v1.SubmissionSummary, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace SubmissionSummary {
            interface $Properties {
                workerPeerId?: (string|null);
                workerAddrs?: (string[]|null);
                submission?: (cotrain.v1.UpdateSubmission.$Properties|null);
                deltaId?: (Uint8Array|null);
                deltaSize?: (number|null);
                status?: (string|null);
                shardIds?: (Uint8Array[]|null);
                announcement?: (cotrain.v1.RoundAnnouncement.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.SubmissionSummary.$Properties;
        }

        interface ISubmissionList extends cotrain.v1.SubmissionList.$Properties {
        }

        class SubmissionList {
            constructor(properties?: cotrain.v1.SubmissionList.$Properties);
            $unknowns?: Uint8Array[];
            round: number;
            submissions: cotrain.v1.SubmissionSummary.$Properties[];
            total: number;
            static create(properties: cotrain.v1.SubmissionList.$Shape): cotrain.v1.SubmissionList & cotrain.v1.SubmissionList.$Shape;
            static create(properties?: cotrain.v1.SubmissionList.$Properties): cotrain.v1.SubmissionList;
            static encode(message: cotrain.v1.SubmissionList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.SubmissionList & cotrain.v1.SubmissionList.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.SubmissionList;
            static toObject(message: cotrain.v1.SubmissionList, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace SubmissionList {
            interface $Properties {
                round?: (number|null);
                submissions?: (cotrain.v1.SubmissionSummary.$Properties[]|null);
                total?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = cotrain.v1.SubmissionList.$Properties;
        }

        interface ISubmissionsResponse extends cotrain.v1.SubmissionsResponse.$Properties {
        }

        class SubmissionsResponse {
            constructor(properties?: cotrain.v1.SubmissionsResponse.$Properties);
            $unknowns?: Uint8Array[];
            list?: (cotrain.v1.SubmissionList.$Properties|null);
            error?: (cotrain.v1.Error.$Properties|null);
            result?: ("list"|"error");
            static create(properties: cotrain.v1.SubmissionsResponse.$Shape): cotrain.v1.SubmissionsResponse & cotrain.v1.SubmissionsResponse.$Shape;
            static create(properties?: cotrain.v1.SubmissionsResponse.$Properties): cotrain.v1.SubmissionsResponse;
            static encode(message: cotrain.v1.SubmissionsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cotrain.v1.SubmissionsResponse & cotrain.v1.SubmissionsResponse.$Shape;
            static fromObject(object: { [k: string]: any }): cotrain.v1.SubmissionsResponse;
            static toObject(message: cotrain.v1.SubmissionsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace SubmissionsResponse {
            interface $Properties {
                list?: (cotrain.v1.SubmissionList.$Properties|null);
                error?: (cotrain.v1.Error.$Properties|null);
                result?: ("list"|"error");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              list?: cotrain.v1.SubmissionList.$Shape|null;
              error?: cotrain.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ result?: undefined; list?: null; error?: null }|{ result?: "list"; list: cotrain.v1.SubmissionList.$Shape; error?: null }|{ result?: "error"; list?: null; error: cotrain.v1.Error.$Shape })
            );
        }
    }
}
