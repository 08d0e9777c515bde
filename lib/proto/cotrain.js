/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $Array = $util.global.Array, $isFinite = $util.global.isFinite, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const cotrain = $root.cotrain = (() => {

    /**
     * Namespace cotrain.
     * @exports cotrain
     * @namespace
     */
    const cotrain = {};

    cotrain.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof cotrain
         * @namespace
         */
        const v1 = {};

        v1.AssignmentRequest = (function() {

            /**
             * Properties of an AssignmentRequest.
             * @typedef {Object} cotrain.v1.AssignmentRequest.$Properties
             * @property {number|null} [round] AssignmentRequest round
             * @property {Uint8Array|null} [workerAddress] AssignmentRequest workerAddress
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AssignmentRequest.
             * @memberof cotrain.v1
             * @interface IAssignmentRequest
             * @augments cotrain.v1.AssignmentRequest.$Properties
             * @deprecated Use cotrain.v1.AssignmentRequest.$Properties instead.
             */

            /**
             * Shape of an AssignmentRequest.
             * @typedef {cotrain.v1.AssignmentRequest.$Properties} cotrain.v1.AssignmentRequest.$Shape
             */

            /**
             * Constructs a new AssignmentRequest.
             * @memberof cotrain.v1
             * @classdesc Represents an AssignmentRequest.
             * @constructor
             * @param {cotrain.v1.AssignmentRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AssignmentRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AssignmentRequest round.
             * @member {number} round
             * @memberof cotrain.v1.AssignmentRequest
             * @instance
             */
            AssignmentRequest.prototype.round = 0;

            /**
             * AssignmentRequest workerAddress.
             * @member {Uint8Array} workerAddress
             * @memberof cotrain.v1.AssignmentRequest
             * @instance
             */
            AssignmentRequest.prototype.workerAddress = $util.newBuffer([]);

            /**
             * Creates a new AssignmentRequest instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.AssignmentRequest
             * @static
             * @param {cotrain.v1.AssignmentRequest.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.AssignmentRequest} AssignmentRequest instance
             * @type {{
             *   (properties: cotrain.v1.AssignmentRequest.$Shape): cotrain.v1.AssignmentRequest & cotrain.v1.AssignmentRequest.$Shape;
             *   (properties?: cotrain.v1.AssignmentRequest.$Properties): cotrain.v1.AssignmentRequest;
             * }}
             */
            AssignmentRequest.create = function(properties) {
                return new AssignmentRequest(properties);
            };

            /**
             * Encodes the specified AssignmentRequest message. Does not implicitly {@link cotrain.v1.AssignmentRequest.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.AssignmentRequest
             * @static
             * @param {cotrain.v1.AssignmentRequest.$Properties} message AssignmentRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AssignmentRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress") && message.workerAddress.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.workerAddress);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AssignmentRequest message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.AssignmentRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.AssignmentRequest & cotrain.v1.AssignmentRequest.$Shape} AssignmentRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AssignmentRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.AssignmentRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.workerAddress = value;
                            else
                                delete message.workerAddress;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an AssignmentRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.AssignmentRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.AssignmentRequest} AssignmentRequest
             */
            AssignmentRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.AssignmentRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.AssignmentRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.AssignmentRequest();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.workerAddress != null)
                    if (object.workerAddress.length)
                        if (typeof object.workerAddress === "string")
                            $util.base64.decode(object.workerAddress, message.workerAddress = $util.newBuffer($util.base64.length(object.workerAddress)), 0);
                        else if (object.workerAddress.length >= 0)
                            message.workerAddress = object.workerAddress;
                return message;
            };

            /**
             * Creates a plain object from an AssignmentRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.AssignmentRequest
             * @static
             * @param {cotrain.v1.AssignmentRequest} message AssignmentRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AssignmentRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.round = 0;
                    if (options.bytes === $String)
                        object.workerAddress = "";
                    else {
                        object.workerAddress = [];
                        if (options.bytes !== $Array)
                            object.workerAddress = $util.newBuffer(object.workerAddress);
                    }
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress"))
                    object.workerAddress = options.bytes === $String ? $util.base64.encode(message.workerAddress, 0, message.workerAddress.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.workerAddress) : message.workerAddress;
                return object;
            };

            /**
             * Converts this AssignmentRequest to JSON.
             * @function toJSON
             * @memberof cotrain.v1.AssignmentRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AssignmentRequest.prototype.toJSON = function() {
                return AssignmentRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AssignmentRequest;
        })();

        v1.ShardRef = (function() {

            /**
             * Properties of a ShardRef.
             * @typedef {Object} cotrain.v1.ShardRef.$Properties
             * @property {Uint8Array|null} [contentId] ShardRef contentId
             * @property {number|null} [index] ShardRef index
             * @property {number|null} [samples] ShardRef samples
             * @property {number|null} [size] ShardRef size
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ShardRef.
             * @memberof cotrain.v1
             * @interface IShardRef
             * @augments cotrain.v1.ShardRef.$Properties
             * @deprecated Use cotrain.v1.ShardRef.$Properties instead.
             */

            /**
             * Shape of a ShardRef.
             * @typedef {cotrain.v1.ShardRef.$Properties} cotrain.v1.ShardRef.$Shape
             */

            /**
             * Constructs a new ShardRef.
             * @memberof cotrain.v1
             * @classdesc Represents a ShardRef.
             * @constructor
             * @param {cotrain.v1.ShardRef.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ShardRef = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ShardRef contentId.
             * @member {Uint8Array} contentId
             * @memberof cotrain.v1.ShardRef
             * @instance
             */
            ShardRef.prototype.contentId = $util.newBuffer([]);

            /**
             * ShardRef index.
             * @member {number} index
             * @memberof cotrain.v1.ShardRef
             * @instance
             */
            ShardRef.prototype.index = 0;

            /**
             * ShardRef samples.
             * @member {number} samples
             * @memberof cotrain.v1.ShardRef
             * @instance
             */
            ShardRef.prototype.samples = 0;

            /**
             * ShardRef size.
             * @member {number} size
             * @memberof cotrain.v1.ShardRef
             * @instance
             */
            ShardRef.prototype.size = 0;

            /**
             * Creates a new ShardRef instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.ShardRef
             * @static
             * @param {cotrain.v1.ShardRef.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.ShardRef} ShardRef instance
             * @type {{
             *   (properties: cotrain.v1.ShardRef.$Shape): cotrain.v1.ShardRef & cotrain.v1.ShardRef.$Shape;
             *   (properties?: cotrain.v1.ShardRef.$Properties): cotrain.v1.ShardRef;
             * }}
             */
            ShardRef.create = function(properties) {
                return new ShardRef(properties);
            };

            /**
             * Encodes the specified ShardRef message. Does not implicitly {@link cotrain.v1.ShardRef.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.ShardRef
             * @static
             * @param {cotrain.v1.ShardRef.$Properties} message ShardRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ShardRef.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId") && message.contentId.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.contentId);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.index);
                if (message.samples != null && $Object.hasOwnProperty.call(message, "samples") && message.samples !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.samples);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && message.size !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.size);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ShardRef message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.ShardRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.ShardRef & cotrain.v1.ShardRef.$Shape} ShardRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ShardRef.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.ShardRef();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.contentId = value;
                            else
                                delete message.contentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.samples = value;
                            else
                                delete message.samples;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ShardRef message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.ShardRef
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.ShardRef} ShardRef
             */
            ShardRef.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.ShardRef)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.ShardRef: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.ShardRef();
                if (object.contentId != null)
                    if (object.contentId.length)
                        if (typeof object.contentId === "string")
                            $util.base64.decode(object.contentId, message.contentId = $util.newBuffer($util.base64.length(object.contentId)), 0);
                        else if (object.contentId.length >= 0)
                            message.contentId = object.contentId;
                if (object.index != null)
                    if ($Number(object.index) !== 0)
                        message.index = object.index >>> 0;
                if (object.samples != null)
                    if ($Number(object.samples) !== 0)
                        message.samples = object.samples >>> 0;
                if (object.size != null)
                    if ($Number(object.size) !== 0)
                        message.size = object.size >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a ShardRef message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.ShardRef
             * @static
             * @param {cotrain.v1.ShardRef} message ShardRef
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ShardRef.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.contentId = "";
                    else {
                        object.contentId = [];
                        if (options.bytes !== $Array)
                            object.contentId = $util.newBuffer(object.contentId);
                    }
                    object.index = 0;
                    object.samples = 0;
                    object.size = 0;
                }
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId"))
                    object.contentId = options.bytes === $String ? $util.base64.encode(message.contentId, 0, message.contentId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.contentId) : message.contentId;
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    object.index = message.index;
                if (message.samples != null && $Object.hasOwnProperty.call(message, "samples"))
                    object.samples = message.samples;
                if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                    object.size = message.size;
                return object;
            };

            /**
             * Converts this ShardRef to JSON.
             * @function toJSON
             * @memberof cotrain.v1.ShardRef
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ShardRef.prototype.toJSON = function() {
                return ShardRef.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ShardRef;
        })();

        v1.Assignment = (function() {

            /**
             * Properties of an Assignment.
             * @typedef {Object} cotrain.v1.Assignment.$Properties
             * @property {number|null} [round] Assignment round
             * @property {Uint8Array|null} [workerAddress] Assignment workerAddress
             * @property {Array.<cotrain.v1.ShardRef.$Properties>|null} [shards] Assignment shards
             * @property {number|null} [totalSamples] Assignment totalSamples
             * @property {cotrain.v1.RoundAnnouncement.$Properties|null} [announcement] Assignment announcement
             * @property {number|null} [retryAfter] Assignment retryAfter
             * @property {string|null} [waitReason] Assignment waitReason
             * @property {Array.<cotrain.v1.ContentProviders.$Properties>|null} [providers] Assignment providers
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Assignment.
             * @memberof cotrain.v1
             * @interface IAssignment
             * @augments cotrain.v1.Assignment.$Properties
             * @deprecated Use cotrain.v1.Assignment.$Properties instead.
             */

            /**
             * Shape of an Assignment.
             * @typedef {cotrain.v1.Assignment.$Properties} cotrain.v1.Assignment.$Shape
             */

            /**
             * Constructs a new Assignment.
             * @memberof cotrain.v1
             * @classdesc Represents an Assignment.
             * @constructor
             * @param {cotrain.v1.Assignment.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Assignment = function (properties) {
                this.shards = [];
                this.providers = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Assignment round.
             * @member {number} round
             * @memberof cotrain.v1.Assignment
             * @instance
             */
            Assignment.prototype.round = 0;

            /**
             * Assignment workerAddress.
             * @member {Uint8Array} workerAddress
             * @memberof cotrain.v1.Assignment
             * @instance
             */
            Assignment.prototype.workerAddress = $util.newBuffer([]);

            /**
             * Assignment shards.
             * @member {Array.<cotrain.v1.ShardRef.$Properties>} shards
             * @memberof cotrain.v1.Assignment
             * @instance
             */
            Assignment.prototype.shards = $util.emptyArray;

            /**
             * Assignment totalSamples.
             * @member {number} totalSamples
             * @memberof cotrain.v1.Assignment
             * @instance
             */
            Assignment.prototype.totalSamples = 0;

            /**
             * Assignment announcement.
             * @member {cotrain.v1.RoundAnnouncement.$Properties|null|undefined} announcement
             * @memberof cotrain.v1.Assignment
             * @instance
             */
            Assignment.prototype.announcement = null;

            /**
             * Assignment retryAfter.
             * @member {number} retryAfter
             * @memberof cotrain.v1.Assignment
             * @instance
             */
            Assignment.prototype.retryAfter = 0;

            /**
             * Assignment waitReason.
             * @member {string} waitReason
             * @memberof cotrain.v1.Assignment
             * @instance
             */
            Assignment.prototype.waitReason = "";

            /**
             * Assignment providers.
             * @member {Array.<cotrain.v1.ContentProviders.$Properties>} providers
             * @memberof cotrain.v1.Assignment
             * @instance
             */
            Assignment.prototype.providers = $util.emptyArray;

            /**
             * Creates a new Assignment instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.Assignment
             * @static
             * @param {cotrain.v1.Assignment.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.Assignment} Assignment instance
             * @type {{
             *   (properties: cotrain.v1.Assignment.$Shape): cotrain.v1.Assignment & cotrain.v1.Assignment.$Shape;
             *   (properties?: cotrain.v1.Assignment.$Properties): cotrain.v1.Assignment;
             * }}
             */
            Assignment.create = function(properties) {
                return new Assignment(properties);
            };

            /**
             * Encodes the specified Assignment message. Does not implicitly {@link cotrain.v1.Assignment.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.Assignment
             * @static
             * @param {cotrain.v1.Assignment.$Properties} message Assignment message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Assignment.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress") && message.workerAddress.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.workerAddress);
                if (message.shards != null && message.shards.length)
                    for (let i = 0; i < message.shards.length; ++i)
                        $root.cotrain.v1.ShardRef.encode(message.shards[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.totalSamples != null && $Object.hasOwnProperty.call(message, "totalSamples") && message.totalSamples !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.totalSamples);
                if (message.announcement != null && $Object.hasOwnProperty.call(message, "announcement"))
                    $root.cotrain.v1.RoundAnnouncement.encode(message.announcement, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.retryAfter != null && $Object.hasOwnProperty.call(message, "retryAfter") && message.retryAfter !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.retryAfter);
                if (message.waitReason != null && $Object.hasOwnProperty.call(message, "waitReason") && message.waitReason !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.waitReason);
                if (message.providers != null && message.providers.length)
                    for (let i = 0; i < message.providers.length; ++i)
                        $root.cotrain.v1.ContentProviders.encode(message.providers[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Assignment message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.Assignment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.Assignment & cotrain.v1.Assignment.$Shape} Assignment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Assignment.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.Assignment();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.workerAddress = value;
                            else
                                delete message.workerAddress;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.shards && message.shards.length))
                                message.shards = [];
                            message.shards.push($root.cotrain.v1.ShardRef.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.totalSamples = value;
                            else
                                delete message.totalSamples;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.announcement = $root.cotrain.v1.RoundAnnouncement.decode(reader, reader.size(), $undefined, _depth + 1, message.announcement);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.retryAfter = value;
                            else
                                delete message.retryAfter;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.waitReason = value;
                            else
                                delete message.waitReason;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.providers && message.providers.length))
                                message.providers = [];
                            message.providers.push($root.cotrain.v1.ContentProviders.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an Assignment message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.Assignment
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.Assignment} Assignment
             */
            Assignment.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.Assignment)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.Assignment: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.Assignment();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.workerAddress != null)
                    if (object.workerAddress.length)
                        if (typeof object.workerAddress === "string")
                            $util.base64.decode(object.workerAddress, message.workerAddress = $util.newBuffer($util.base64.length(object.workerAddress)), 0);
                        else if (object.workerAddress.length >= 0)
                            message.workerAddress = object.workerAddress;
                if (object.shards) {
                    if (!$Array.isArray(object.shards))
                        throw $TypeError(".cotrain.v1.Assignment.shards: array expected");
                    message.shards = $Array(object.shards.length);
                    for (let i = 0; i < object.shards.length; ++i) {
                        if (!$util.isObject(object.shards[i]))
                            throw $TypeError(".cotrain.v1.Assignment.shards: object expected");
                        message.shards[i] = $root.cotrain.v1.ShardRef.fromObject(object.shards[i], _depth + 1);
                    }
                }
                if (object.totalSamples != null)
                    if ($Number(object.totalSamples) !== 0)
                        message.totalSamples = object.totalSamples >>> 0;
                if (object.announcement != null) {
                    if (!$util.isObject(object.announcement))
                        throw $TypeError(".cotrain.v1.Assignment.announcement: object expected");
                    message.announcement = $root.cotrain.v1.RoundAnnouncement.fromObject(object.announcement, _depth + 1);
                }
                if (object.retryAfter != null)
                    if ($Number(object.retryAfter) !== 0)
                        message.retryAfter = object.retryAfter >>> 0;
                if (object.waitReason != null)
                    if (typeof object.waitReason !== "string" || object.waitReason.length)
                        message.waitReason = $String(object.waitReason);
                if (object.providers) {
                    if (!$Array.isArray(object.providers))
                        throw $TypeError(".cotrain.v1.Assignment.providers: array expected");
                    message.providers = $Array(object.providers.length);
                    for (let i = 0; i < object.providers.length; ++i) {
                        if (!$util.isObject(object.providers[i]))
                            throw $TypeError(".cotrain.v1.Assignment.providers: object expected");
                        message.providers[i] = $root.cotrain.v1.ContentProviders.fromObject(object.providers[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an Assignment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.Assignment
             * @static
             * @param {cotrain.v1.Assignment} message Assignment
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Assignment.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.shards = [];
                    object.providers = [];
                }
                if (options.defaults) {
                    object.round = 0;
                    if (options.bytes === $String)
                        object.workerAddress = "";
                    else {
                        object.workerAddress = [];
                        if (options.bytes !== $Array)
                            object.workerAddress = $util.newBuffer(object.workerAddress);
                    }
                    object.totalSamples = 0;
                    object.announcement = null;
                    object.retryAfter = 0;
                    object.waitReason = "";
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress"))
                    object.workerAddress = options.bytes === $String ? $util.base64.encode(message.workerAddress, 0, message.workerAddress.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.workerAddress) : message.workerAddress;
                if (message.shards && message.shards.length) {
                    object.shards = $Array(message.shards.length);
                    for (let j = 0; j < message.shards.length; ++j)
                        object.shards[j] = $root.cotrain.v1.ShardRef.toObject(message.shards[j], options, _depth + 1);
                }
                if (message.totalSamples != null && $Object.hasOwnProperty.call(message, "totalSamples"))
                    object.totalSamples = message.totalSamples;
                if (message.announcement != null && $Object.hasOwnProperty.call(message, "announcement"))
                    object.announcement = $root.cotrain.v1.RoundAnnouncement.toObject(message.announcement, options, _depth + 1);
                if (message.retryAfter != null && $Object.hasOwnProperty.call(message, "retryAfter"))
                    object.retryAfter = message.retryAfter;
                if (message.waitReason != null && $Object.hasOwnProperty.call(message, "waitReason"))
                    object.waitReason = message.waitReason;
                if (message.providers && message.providers.length) {
                    object.providers = $Array(message.providers.length);
                    for (let j = 0; j < message.providers.length; ++j)
                        object.providers[j] = $root.cotrain.v1.ContentProviders.toObject(message.providers[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this Assignment to JSON.
             * @function toJSON
             * @memberof cotrain.v1.Assignment
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Assignment.prototype.toJSON = function() {
                return Assignment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Assignment;
        })();

        v1.ContentProviders = (function() {

            /**
             * Properties of a ContentProviders.
             * @typedef {Object} cotrain.v1.ContentProviders.$Properties
             * @property {Uint8Array|null} [contentId] ContentProviders contentId
             * @property {number|null} [size] ContentProviders size
             * @property {Array.<cotrain.v1.Provider.$Properties>|null} [providers] ContentProviders providers
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ContentProviders.
             * @memberof cotrain.v1
             * @interface IContentProviders
             * @augments cotrain.v1.ContentProviders.$Properties
             * @deprecated Use cotrain.v1.ContentProviders.$Properties instead.
             */

            /**
             * Shape of a ContentProviders.
             * @typedef {cotrain.v1.ContentProviders.$Properties} cotrain.v1.ContentProviders.$Shape
             */

            /**
             * Constructs a new ContentProviders.
             * @memberof cotrain.v1
             * @classdesc Represents a ContentProviders.
             * @constructor
             * @param {cotrain.v1.ContentProviders.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ContentProviders = function (properties) {
                this.providers = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ContentProviders contentId.
             * @member {Uint8Array} contentId
             * @memberof cotrain.v1.ContentProviders
             * @instance
             */
            ContentProviders.prototype.contentId = $util.newBuffer([]);

            /**
             * ContentProviders size.
             * @member {number} size
             * @memberof cotrain.v1.ContentProviders
             * @instance
             */
            ContentProviders.prototype.size = 0;

            /**
             * ContentProviders providers.
             * @member {Array.<cotrain.v1.Provider.$Properties>} providers
             * @memberof cotrain.v1.ContentProviders
             * @instance
             */
            ContentProviders.prototype.providers = $util.emptyArray;

            /**
             * Creates a new ContentProviders instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.ContentProviders
             * @static
             * @param {cotrain.v1.ContentProviders.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.ContentProviders} ContentProviders instance
             * @type {{
             *   (properties: cotrain.v1.ContentProviders.$Shape): cotrain.v1.ContentProviders & cotrain.v1.ContentProviders.$Shape;
             *   (properties?: cotrain.v1.ContentProviders.$Properties): cotrain.v1.ContentProviders;
             * }}
             */
            ContentProviders.create = function(properties) {
                return new ContentProviders(properties);
            };

            /**
             * Encodes the specified ContentProviders message. Does not implicitly {@link cotrain.v1.ContentProviders.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.ContentProviders
             * @static
             * @param {cotrain.v1.ContentProviders.$Properties} message ContentProviders message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ContentProviders.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId") && message.contentId.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.contentId);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && message.size !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.size);
                if (message.providers != null && message.providers.length)
                    for (let i = 0; i < message.providers.length; ++i)
                        $root.cotrain.v1.Provider.encode(message.providers[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ContentProviders message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.ContentProviders
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.ContentProviders & cotrain.v1.ContentProviders.$Shape} ContentProviders
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ContentProviders.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.ContentProviders();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.contentId = value;
                            else
                                delete message.contentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.providers && message.providers.length))
                                message.providers = [];
                            message.providers.push($root.cotrain.v1.Provider.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ContentProviders message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.ContentProviders
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.ContentProviders} ContentProviders
             */
            ContentProviders.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.ContentProviders)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.ContentProviders: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.ContentProviders();
                if (object.contentId != null)
                    if (object.contentId.length)
                        if (typeof object.contentId === "string")
                            $util.base64.decode(object.contentId, message.contentId = $util.newBuffer($util.base64.length(object.contentId)), 0);
                        else if (object.contentId.length >= 0)
                            message.contentId = object.contentId;
                if (object.size != null)
                    if ($Number(object.size) !== 0)
                        message.size = object.size >>> 0;
                if (object.providers) {
                    if (!$Array.isArray(object.providers))
                        throw $TypeError(".cotrain.v1.ContentProviders.providers: array expected");
                    message.providers = $Array(object.providers.length);
                    for (let i = 0; i < object.providers.length; ++i) {
                        if (!$util.isObject(object.providers[i]))
                            throw $TypeError(".cotrain.v1.ContentProviders.providers: object expected");
                        message.providers[i] = $root.cotrain.v1.Provider.fromObject(object.providers[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a ContentProviders message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.ContentProviders
             * @static
             * @param {cotrain.v1.ContentProviders} message ContentProviders
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ContentProviders.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.providers = [];
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.contentId = "";
                    else {
                        object.contentId = [];
                        if (options.bytes !== $Array)
                            object.contentId = $util.newBuffer(object.contentId);
                    }
                    object.size = 0;
                }
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId"))
                    object.contentId = options.bytes === $String ? $util.base64.encode(message.contentId, 0, message.contentId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.contentId) : message.contentId;
                if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                    object.size = message.size;
                if (message.providers && message.providers.length) {
                    object.providers = $Array(message.providers.length);
                    for (let j = 0; j < message.providers.length; ++j)
                        object.providers[j] = $root.cotrain.v1.Provider.toObject(message.providers[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this ContentProviders to JSON.
             * @function toJSON
             * @memberof cotrain.v1.ContentProviders
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ContentProviders.prototype.toJSON = function() {
                return ContentProviders.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ContentProviders;
        })();

        v1.Provider = (function() {

            /**
             * Properties of a Provider.
             * @typedef {Object} cotrain.v1.Provider.$Properties
             * @property {string|null} [peerId] Provider peerId
             * @property {Array.<string>|null} [addrs] Provider addrs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Provider.
             * @memberof cotrain.v1
             * @interface IProvider
             * @augments cotrain.v1.Provider.$Properties
             * @deprecated Use cotrain.v1.Provider.$Properties instead.
             */

            /**
             * Shape of a Provider.
             * @typedef {cotrain.v1.Provider.$Properties} cotrain.v1.Provider.$Shape
             */

            /**
             * Constructs a new Provider.
             * @memberof cotrain.v1
             * @classdesc Represents a Provider.
             * @constructor
             * @param {cotrain.v1.Provider.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Provider = function (properties) {
                this.addrs = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Provider peerId.
             * @member {string} peerId
             * @memberof cotrain.v1.Provider
             * @instance
             */
            Provider.prototype.peerId = "";

            /**
             * Provider addrs.
             * @member {Array.<string>} addrs
             * @memberof cotrain.v1.Provider
             * @instance
             */
            Provider.prototype.addrs = $util.emptyArray;

            /**
             * Creates a new Provider instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.Provider
             * @static
             * @param {cotrain.v1.Provider.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.Provider} Provider instance
             * @type {{
             *   (properties: cotrain.v1.Provider.$Shape): cotrain.v1.Provider & cotrain.v1.Provider.$Shape;
             *   (properties?: cotrain.v1.Provider.$Properties): cotrain.v1.Provider;
             * }}
             */
            Provider.create = function(properties) {
                return new Provider(properties);
            };

            /**
             * Encodes the specified Provider message. Does not implicitly {@link cotrain.v1.Provider.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.Provider
             * @static
             * @param {cotrain.v1.Provider.$Properties} message Provider message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Provider.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId") && message.peerId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.peerId);
                if (message.addrs != null && message.addrs.length)
                    for (let i = 0; i < message.addrs.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.addrs[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Provider message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.Provider
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.Provider & cotrain.v1.Provider.$Shape} Provider
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Provider.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.Provider();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.peerId = value;
                            else
                                delete message.peerId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.addrs && message.addrs.length))
                                message.addrs = [];
                            message.addrs.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Provider message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.Provider
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.Provider} Provider
             */
            Provider.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.Provider)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.Provider: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.Provider();
                if (object.peerId != null)
                    if (typeof object.peerId !== "string" || object.peerId.length)
                        message.peerId = $String(object.peerId);
                if (object.addrs) {
                    if (!$Array.isArray(object.addrs))
                        throw $TypeError(".cotrain.v1.Provider.addrs: array expected");
                    message.addrs = $Array(object.addrs.length);
                    for (let i = 0; i < object.addrs.length; ++i)
                        message.addrs[i] = $String(object.addrs[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a Provider message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.Provider
             * @static
             * @param {cotrain.v1.Provider} message Provider
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Provider.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.addrs = [];
                if (options.defaults)
                    object.peerId = "";
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId"))
                    object.peerId = message.peerId;
                if (message.addrs && message.addrs.length) {
                    object.addrs = $Array(message.addrs.length);
                    for (let j = 0; j < message.addrs.length; ++j)
                        object.addrs[j] = message.addrs[j];
                }
                return object;
            };

            /**
             * Converts this Provider to JSON.
             * @function toJSON
             * @memberof cotrain.v1.Provider
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Provider.prototype.toJSON = function() {
                return Provider.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Provider;
        })();

        v1.AssignmentResponse = (function() {

            /**
             * Properties of an AssignmentResponse.
             * @typedef {Object} cotrain.v1.AssignmentResponse.$Properties
             * @property {cotrain.v1.Assignment.$Properties|null} [assignment] AssignmentResponse assignment
             * @property {cotrain.v1.Error.$Properties|null} [error] AssignmentResponse error
             * @property {"assignment"|"error"} [result] AssignmentResponse result
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AssignmentResponse.
             * @memberof cotrain.v1
             * @interface IAssignmentResponse
             * @augments cotrain.v1.AssignmentResponse.$Properties
             * @deprecated Use cotrain.v1.AssignmentResponse.$Properties instead.
             */

            /**
             * Narrowed shape of an AssignmentResponse.
             * @typedef {{
             *   assignment?: cotrain.v1.Assignment.$Shape|null;
             *   error?: cotrain.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ result?: undefined; assignment?: null; error?: null }|{ result?: "assignment"; assignment: cotrain.v1.Assignment.$Shape; error?: null }|{ result?: "error"; assignment?: null; error: cotrain.v1.Error.$Shape })
             * )} cotrain.v1.AssignmentResponse.$Shape
             */

            /**
             * Constructs a new AssignmentResponse.
             * @memberof cotrain.v1
             * @classdesc Represents an AssignmentResponse.
             * @constructor
             * @param {cotrain.v1.AssignmentResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AssignmentResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AssignmentResponse assignment.
             * @member {cotrain.v1.Assignment.$Properties|null|undefined} assignment
             * @memberof cotrain.v1.AssignmentResponse
             * @instance
             */
            AssignmentResponse.prototype.assignment = null;

            /**
             * AssignmentResponse error.
             * @member {cotrain.v1.Error.$Properties|null|undefined} error
             * @memberof cotrain.v1.AssignmentResponse
             * @instance
             */
            AssignmentResponse.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * AssignmentResponse result.
             * @member {"assignment"|"error"|undefined} result
             * @memberof cotrain.v1.AssignmentResponse
             * @instance
             */
            $Object.defineProperty(AssignmentResponse.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["assignment", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new AssignmentResponse instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.AssignmentResponse
             * @static
             * @param {cotrain.v1.AssignmentResponse.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.AssignmentResponse} AssignmentResponse instance
             * @type {{
             *   (properties: cotrain.v1.AssignmentResponse.$Shape): cotrain.v1.AssignmentResponse & cotrain.v1.AssignmentResponse.$Shape;
             *   (properties?: cotrain.v1.AssignmentResponse.$Properties): cotrain.v1.AssignmentResponse;
             * }}
             */
            AssignmentResponse.create = function(properties) {
                return new AssignmentResponse(properties);
            };

            /**
             * Encodes the specified AssignmentResponse message. Does not implicitly {@link cotrain.v1.AssignmentResponse.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.AssignmentResponse
             * @static
             * @param {cotrain.v1.AssignmentResponse.$Properties} message AssignmentResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AssignmentResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.assignment != null && $Object.hasOwnProperty.call(message, "assignment"))
                    $root.cotrain.v1.Assignment.encode(message.assignment, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.cotrain.v1.Error.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AssignmentResponse message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.AssignmentResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.AssignmentResponse & cotrain.v1.AssignmentResponse.$Shape} AssignmentResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AssignmentResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.AssignmentResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.assignment = $root.cotrain.v1.Assignment.decode(reader, reader.size(), $undefined, _depth + 1, message.assignment);
                            message.result = "assignment";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.cotrain.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.result = "error";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an AssignmentResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.AssignmentResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.AssignmentResponse} AssignmentResponse
             */
            AssignmentResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.AssignmentResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.AssignmentResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.AssignmentResponse();
                if (object.assignment != null) {
                    if (!$util.isObject(object.assignment))
                        throw $TypeError(".cotrain.v1.AssignmentResponse.assignment: object expected");
                    message.assignment = $root.cotrain.v1.Assignment.fromObject(object.assignment, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".cotrain.v1.AssignmentResponse.error: object expected");
                    message.error = $root.cotrain.v1.Error.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an AssignmentResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.AssignmentResponse
             * @static
             * @param {cotrain.v1.AssignmentResponse} message AssignmentResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AssignmentResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.assignment != null && $Object.hasOwnProperty.call(message, "assignment")) {
                    object.assignment = $root.cotrain.v1.Assignment.toObject(message.assignment, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "assignment";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.cotrain.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "error";
                }
                return object;
            };

            /**
             * Converts this AssignmentResponse to JSON.
             * @function toJSON
             * @memberof cotrain.v1.AssignmentResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AssignmentResponse.prototype.toJSON = function() {
                return AssignmentResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AssignmentResponse;
        })();

        /**
         * ErrorCode enum.
         * @name cotrain.v1.ErrorCode
         * @enum {number}
         * @property {number} ERROR_CODE_UNSPECIFIED=0 ERROR_CODE_UNSPECIFIED value
         * @property {number} ERROR_CODE_MALFORMED=1 ERROR_CODE_MALFORMED value
         * @property {number} ERROR_CODE_TOO_LARGE=2 ERROR_CODE_TOO_LARGE value
         * @property {number} ERROR_CODE_UNAUTHENTICATED=3 ERROR_CODE_UNAUTHENTICATED value
         * @property {number} ERROR_CODE_FORBIDDEN=4 ERROR_CODE_FORBIDDEN value
         * @property {number} ERROR_CODE_STALE=5 ERROR_CODE_STALE value
         * @property {number} ERROR_CODE_DUPLICATE=6 ERROR_CODE_DUPLICATE value
         * @property {number} ERROR_CODE_NOT_FOUND=7 ERROR_CODE_NOT_FOUND value
         * @property {number} ERROR_CODE_OUT_OF_RANGE=8 ERROR_CODE_OUT_OF_RANGE value
         * @property {number} ERROR_CODE_INVALID=9 ERROR_CODE_INVALID value
         * @property {number} ERROR_CODE_BUSY=10 ERROR_CODE_BUSY value
         * @property {number} ERROR_CODE_TIMEOUT=11 ERROR_CODE_TIMEOUT value
         * @property {number} ERROR_CODE_UNSUPPORTED=12 ERROR_CODE_UNSUPPORTED value
         * @property {number} ERROR_CODE_INTERNAL=13 ERROR_CODE_INTERNAL value
         * @property {number} ERROR_CODE_NOT_STAKED=14 ERROR_CODE_NOT_STAKED value
         */
        v1.ErrorCode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ERROR_CODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ERROR_CODE_MALFORMED"] = 1;
            values[valuesById[2] = "ERROR_CODE_TOO_LARGE"] = 2;
            values[valuesById[3] = "ERROR_CODE_UNAUTHENTICATED"] = 3;
            values[valuesById[4] = "ERROR_CODE_FORBIDDEN"] = 4;
            values[valuesById[5] = "ERROR_CODE_STALE"] = 5;
            values[valuesById[6] = "ERROR_CODE_DUPLICATE"] = 6;
            values[valuesById[7] = "ERROR_CODE_NOT_FOUND"] = 7;
            values[valuesById[8] = "ERROR_CODE_OUT_OF_RANGE"] = 8;
            values[valuesById[9] = "ERROR_CODE_INVALID"] = 9;
            values[valuesById[10] = "ERROR_CODE_BUSY"] = 10;
            values[valuesById[11] = "ERROR_CODE_TIMEOUT"] = 11;
            values[valuesById[12] = "ERROR_CODE_UNSUPPORTED"] = 12;
            values[valuesById[13] = "ERROR_CODE_INTERNAL"] = 13;
            values[valuesById[14] = "ERROR_CODE_NOT_STAKED"] = 14;
            return values;
        })();

        v1.Error = (function() {

            /**
             * Properties of an Error.
             * @typedef {Object} cotrain.v1.Error.$Properties
             * @property {cotrain.v1.ErrorCode|null} [code] Error code
             * @property {string|null} [message] Error message
             * @property {number|null} [retryAfterMs] Error retryAfterMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Error.
             * @memberof cotrain.v1
             * @interface IError
             * @augments cotrain.v1.Error.$Properties
             * @deprecated Use cotrain.v1.Error.$Properties instead.
             */

            /**
             * Shape of an Error.
             * @typedef {cotrain.v1.Error.$Properties} cotrain.v1.Error.$Shape
             */

            /**
             * Constructs a new Error.
             * @memberof cotrain.v1
             * @classdesc Represents an Error.
             * @constructor
             * @param {cotrain.v1.Error.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Error = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Error code.
             * @member {cotrain.v1.ErrorCode} code
             * @memberof cotrain.v1.Error
             * @instance
             */
            Error.prototype.code = 0;

            /**
             * Error message.
             * @member {string} message
             * @memberof cotrain.v1.Error
             * @instance
             */
            Error.prototype.message = "";

            /**
             * Error retryAfterMs.
             * @member {number} retryAfterMs
             * @memberof cotrain.v1.Error
             * @instance
             */
            Error.prototype.retryAfterMs = 0;

            /**
             * Creates a new Error instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.Error
             * @static
             * @param {cotrain.v1.Error.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.Error} Error instance
             * @type {{
             *   (properties: cotrain.v1.Error.$Shape): cotrain.v1.Error & cotrain.v1.Error.$Shape;
             *   (properties?: cotrain.v1.Error.$Properties): cotrain.v1.Error;
             * }}
             */
            Error.create = function(properties) {
                return new Error(properties);
            };

            /**
             * Encodes the specified Error message. Does not implicitly {@link cotrain.v1.Error.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.Error
             * @static
             * @param {cotrain.v1.Error.$Properties} message Error message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs") && message.retryAfterMs !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.retryAfterMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.Error & cotrain.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.Error();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.retryAfterMs = value;
                            else
                                delete message.retryAfterMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.Error
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.Error} Error
             */
            Error.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.Error)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.Error: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.Error();
                if (object.code !== 0 && (typeof object.code !== "string" || $root.cotrain.v1.ErrorCode[object.code] !== 0))
                    switch (object.code) {
                    case "ERROR_CODE_UNSPECIFIED":
                    case 0:
                        message.code = 0;
                        break;
                    case "ERROR_CODE_MALFORMED":
                    case 1:
                        message.code = 1;
                        break;
                    case "ERROR_CODE_TOO_LARGE":
                    case 2:
                        message.code = 2;
                        break;
                    case "ERROR_CODE_UNAUTHENTICATED":
                    case 3:
                        message.code = 3;
                        break;
                    case "ERROR_CODE_FORBIDDEN":
                    case 4:
                        message.code = 4;
                        break;
                    case "ERROR_CODE_STALE":
                    case 5:
                        message.code = 5;
                        break;
                    case "ERROR_CODE_DUPLICATE":
                    case 6:
                        message.code = 6;
                        break;
                    case "ERROR_CODE_NOT_FOUND":
                    case 7:
                        message.code = 7;
                        break;
                    case "ERROR_CODE_OUT_OF_RANGE":
                    case 8:
                        message.code = 8;
                        break;
                    case "ERROR_CODE_INVALID":
                    case 9:
                        message.code = 9;
                        break;
                    case "ERROR_CODE_BUSY":
                    case 10:
                        message.code = 10;
                        break;
                    case "ERROR_CODE_TIMEOUT":
                    case 11:
                        message.code = 11;
                        break;
                    case "ERROR_CODE_UNSUPPORTED":
                    case 12:
                        message.code = 12;
                        break;
                    case "ERROR_CODE_INTERNAL":
                    case 13:
                        message.code = 13;
                        break;
                    case "ERROR_CODE_NOT_STAKED":
                    case 14:
                        message.code = 14;
                        break;
                    default:
                        if (typeof object.code === "number" && (object.code | 0) === object.code)
                            message.code = object.code;
                    }
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.retryAfterMs != null)
                    if ($Number(object.retryAfterMs) !== 0)
                        message.retryAfterMs = object.retryAfterMs >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.Error
             * @static
             * @param {cotrain.v1.Error} message Error
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Error.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = options.enums === $String ? "ERROR_CODE_UNSPECIFIED" : 0;
                    object.message = "";
                    object.retryAfterMs = 0;
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = options.enums === $String ? $root.cotrain.v1.ErrorCode[message.code] === $undefined ? message.code : $root.cotrain.v1.ErrorCode[message.code] : message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs"))
                    object.retryAfterMs = message.retryAfterMs;
                return object;
            };

            /**
             * Converts this Error to JSON.
             * @function toJSON
             * @memberof cotrain.v1.Error
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Error.prototype.toJSON = function() {
                return Error.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Error;
        })();

        v1.HyperParameters = (function() {

            /**
             * Properties of a HyperParameters.
             * @typedef {Object} cotrain.v1.HyperParameters.$Properties
             * @property {number|null} [innerSteps] HyperParameters innerSteps
             * @property {number|null} [batchSize] HyperParameters batchSize
             * @property {number|null} [learningRate] HyperParameters learningRate
             * @property {number|null} [checkpointInterval] HyperParameters checkpointInterval
             * @property {string|null} [optimizer] HyperParameters optimizer
             * @property {number|null} [beta1] HyperParameters beta1
             * @property {number|null} [beta2] HyperParameters beta2
             * @property {number|null} [epsilon] HyperParameters epsilon
             * @property {cotrain.v1.DeltaEncoding|null} [deltaEncoding] HyperParameters deltaEncoding
             * @property {number|null} [deltaChunk] HyperParameters deltaChunk
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HyperParameters.
             * @memberof cotrain.v1
             * @interface IHyperParameters
             * @augments cotrain.v1.HyperParameters.$Properties
             * @deprecated Use cotrain.v1.HyperParameters.$Properties instead.
             */

            /**
             * Shape of a HyperParameters.
             * @typedef {cotrain.v1.HyperParameters.$Properties} cotrain.v1.HyperParameters.$Shape
             */

            /**
             * Constructs a new HyperParameters.
             * @memberof cotrain.v1
             * @classdesc Represents a HyperParameters.
             * @constructor
             * @param {cotrain.v1.HyperParameters.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HyperParameters = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HyperParameters innerSteps.
             * @member {number} innerSteps
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.innerSteps = 0;

            /**
             * HyperParameters batchSize.
             * @member {number} batchSize
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.batchSize = 0;

            /**
             * HyperParameters learningRate.
             * @member {number} learningRate
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.learningRate = 0;

            /**
             * HyperParameters checkpointInterval.
             * @member {number} checkpointInterval
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.checkpointInterval = 0;

            /**
             * HyperParameters optimizer.
             * @member {string} optimizer
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.optimizer = "";

            /**
             * HyperParameters beta1.
             * @member {number} beta1
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.beta1 = 0;

            /**
             * HyperParameters beta2.
             * @member {number} beta2
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.beta2 = 0;

            /**
             * HyperParameters epsilon.
             * @member {number} epsilon
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.epsilon = 0;

            /**
             * HyperParameters deltaEncoding.
             * @member {cotrain.v1.DeltaEncoding} deltaEncoding
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.deltaEncoding = 0;

            /**
             * HyperParameters deltaChunk.
             * @member {number} deltaChunk
             * @memberof cotrain.v1.HyperParameters
             * @instance
             */
            HyperParameters.prototype.deltaChunk = 0;

            /**
             * Creates a new HyperParameters instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.HyperParameters
             * @static
             * @param {cotrain.v1.HyperParameters.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.HyperParameters} HyperParameters instance
             * @type {{
             *   (properties: cotrain.v1.HyperParameters.$Shape): cotrain.v1.HyperParameters & cotrain.v1.HyperParameters.$Shape;
             *   (properties?: cotrain.v1.HyperParameters.$Properties): cotrain.v1.HyperParameters;
             * }}
             */
            HyperParameters.create = function(properties) {
                return new HyperParameters(properties);
            };

            /**
             * Encodes the specified HyperParameters message. Does not implicitly {@link cotrain.v1.HyperParameters.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.HyperParameters
             * @static
             * @param {cotrain.v1.HyperParameters.$Properties} message HyperParameters message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HyperParameters.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.innerSteps != null && $Object.hasOwnProperty.call(message, "innerSteps") && message.innerSteps !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.innerSteps);
                if (message.batchSize != null && $Object.hasOwnProperty.call(message, "batchSize") && message.batchSize !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.batchSize);
                if (message.learningRate != null && $Object.hasOwnProperty.call(message, "learningRate") && !$Object.is(message.learningRate, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.learningRate);
                if (message.checkpointInterval != null && $Object.hasOwnProperty.call(message, "checkpointInterval") && message.checkpointInterval !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.checkpointInterval);
                if (message.optimizer != null && $Object.hasOwnProperty.call(message, "optimizer") && message.optimizer !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.optimizer);
                if (message.beta1 != null && $Object.hasOwnProperty.call(message, "beta1") && !$Object.is(message.beta1, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.beta1);
                if (message.beta2 != null && $Object.hasOwnProperty.call(message, "beta2") && !$Object.is(message.beta2, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.beta2);
                if (message.epsilon != null && $Object.hasOwnProperty.call(message, "epsilon") && !$Object.is(message.epsilon, 0))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.epsilon);
                if (message.deltaEncoding != null && $Object.hasOwnProperty.call(message, "deltaEncoding") && message.deltaEncoding !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).int32(message.deltaEncoding);
                if (message.deltaChunk != null && $Object.hasOwnProperty.call(message, "deltaChunk") && message.deltaChunk !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.deltaChunk);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HyperParameters message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.HyperParameters
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.HyperParameters & cotrain.v1.HyperParameters.$Shape} HyperParameters
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HyperParameters.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.HyperParameters();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.innerSteps = value;
                            else
                                delete message.innerSteps;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.batchSize = value;
                            else
                                delete message.batchSize;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.learningRate = value;
                            else
                                delete message.learningRate;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.checkpointInterval = value;
                            else
                                delete message.checkpointInterval;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.optimizer = value;
                            else
                                delete message.optimizer;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.beta1 = value;
                            else
                                delete message.beta1;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.beta2 = value;
                            else
                                delete message.beta2;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.epsilon = value;
                            else
                                delete message.epsilon;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.deltaEncoding = value;
                            else
                                delete message.deltaEncoding;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deltaChunk = value;
                            else
                                delete message.deltaChunk;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a HyperParameters message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.HyperParameters
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.HyperParameters} HyperParameters
             */
            HyperParameters.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.HyperParameters)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.HyperParameters: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.HyperParameters();
                if (object.innerSteps != null)
                    if ($Number(object.innerSteps) !== 0)
                        message.innerSteps = object.innerSteps >>> 0;
                if (object.batchSize != null)
                    if ($Number(object.batchSize) !== 0)
                        message.batchSize = object.batchSize >>> 0;
                if (object.learningRate != null)
                    if (!$Object.is($Number(object.learningRate), 0))
                        message.learningRate = $Number(object.learningRate);
                if (object.checkpointInterval != null)
                    if ($Number(object.checkpointInterval) !== 0)
                        message.checkpointInterval = object.checkpointInterval >>> 0;
                if (object.optimizer != null)
                    if (typeof object.optimizer !== "string" || object.optimizer.length)
                        message.optimizer = $String(object.optimizer);
                if (object.beta1 != null)
                    if (!$Object.is($Number(object.beta1), 0))
                        message.beta1 = $Number(object.beta1);
                if (object.beta2 != null)
                    if (!$Object.is($Number(object.beta2), 0))
                        message.beta2 = $Number(object.beta2);
                if (object.epsilon != null)
                    if (!$Object.is($Number(object.epsilon), 0))
                        message.epsilon = $Number(object.epsilon);
                if (object.deltaEncoding !== 0 && (typeof object.deltaEncoding !== "string" || $root.cotrain.v1.DeltaEncoding[object.deltaEncoding] !== 0))
                    switch (object.deltaEncoding) {
                    case "DELTA_ENCODING_UNSPECIFIED":
                    case 0:
                        message.deltaEncoding = 0;
                        break;
                    case "DELTA_ENCODING_FLOAT32":
                    case 1:
                        message.deltaEncoding = 1;
                        break;
                    case "DELTA_ENCODING_INT8_SCALED":
                    case 2:
                        message.deltaEncoding = 2;
                        break;
                    default:
                        if (typeof object.deltaEncoding === "number" && (object.deltaEncoding | 0) === object.deltaEncoding)
                            message.deltaEncoding = object.deltaEncoding;
                    }
                if (object.deltaChunk != null)
                    if ($Number(object.deltaChunk) !== 0)
                        message.deltaChunk = object.deltaChunk >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a HyperParameters message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.HyperParameters
             * @static
             * @param {cotrain.v1.HyperParameters} message HyperParameters
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HyperParameters.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.innerSteps = 0;
                    object.batchSize = 0;
                    object.learningRate = 0;
                    object.checkpointInterval = 0;
                    object.optimizer = "";
                    object.beta1 = 0;
                    object.beta2 = 0;
                    object.epsilon = 0;
                    object.deltaEncoding = options.enums === $String ? "DELTA_ENCODING_UNSPECIFIED" : 0;
                    object.deltaChunk = 0;
                }
                if (message.innerSteps != null && $Object.hasOwnProperty.call(message, "innerSteps"))
                    object.innerSteps = message.innerSteps;
                if (message.batchSize != null && $Object.hasOwnProperty.call(message, "batchSize"))
                    object.batchSize = message.batchSize;
                if (message.learningRate != null && $Object.hasOwnProperty.call(message, "learningRate"))
                    object.learningRate = options.json && !$isFinite(message.learningRate) ? $String(message.learningRate) : message.learningRate;
                if (message.checkpointInterval != null && $Object.hasOwnProperty.call(message, "checkpointInterval"))
                    object.checkpointInterval = message.checkpointInterval;
                if (message.optimizer != null && $Object.hasOwnProperty.call(message, "optimizer"))
                    object.optimizer = message.optimizer;
                if (message.beta1 != null && $Object.hasOwnProperty.call(message, "beta1"))
                    object.beta1 = options.json && !$isFinite(message.beta1) ? $String(message.beta1) : message.beta1;
                if (message.beta2 != null && $Object.hasOwnProperty.call(message, "beta2"))
                    object.beta2 = options.json && !$isFinite(message.beta2) ? $String(message.beta2) : message.beta2;
                if (message.epsilon != null && $Object.hasOwnProperty.call(message, "epsilon"))
                    object.epsilon = options.json && !$isFinite(message.epsilon) ? $String(message.epsilon) : message.epsilon;
                if (message.deltaEncoding != null && $Object.hasOwnProperty.call(message, "deltaEncoding"))
                    object.deltaEncoding = options.enums === $String ? $root.cotrain.v1.DeltaEncoding[message.deltaEncoding] === $undefined ? message.deltaEncoding : $root.cotrain.v1.DeltaEncoding[message.deltaEncoding] : message.deltaEncoding;
                if (message.deltaChunk != null && $Object.hasOwnProperty.call(message, "deltaChunk"))
                    object.deltaChunk = message.deltaChunk;
                return object;
            };

            /**
             * Converts this HyperParameters to JSON.
             * @function toJSON
             * @memberof cotrain.v1.HyperParameters
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HyperParameters.prototype.toJSON = function() {
                return HyperParameters.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HyperParameters;
        })();

        v1.RoundAnnouncement = (function() {

            /**
             * Properties of a RoundAnnouncement.
             * @typedef {Object} cotrain.v1.RoundAnnouncement.$Properties
             * @property {number|null} [round] RoundAnnouncement round
             * @property {Uint8Array|null} [modelId] RoundAnnouncement modelId
             * @property {cotrain.v1.HyperParameters.$Properties|null} [hyperParameters] RoundAnnouncement hyperParameters
             * @property {Uint8Array|null} [roundSeed] RoundAnnouncement roundSeed
             * @property {string|null} [modelConfigJson] RoundAnnouncement modelConfigJson
             * @property {number|null} [openedAt] RoundAnnouncement openedAt
             * @property {number|null} [trainDeadline] RoundAnnouncement trainDeadline
             * @property {number|null} [submitDeadline] RoundAnnouncement submitDeadline
             * @property {Uint8Array|null} [datasetId] RoundAnnouncement datasetId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoundAnnouncement.
             * @memberof cotrain.v1
             * @interface IRoundAnnouncement
             * @augments cotrain.v1.RoundAnnouncement.$Properties
             * @deprecated Use cotrain.v1.RoundAnnouncement.$Properties instead.
             */

            /**
             * Shape of a RoundAnnouncement.
             * @typedef {cotrain.v1.RoundAnnouncement.$Properties} cotrain.v1.RoundAnnouncement.$Shape
             */

            /**
             * Constructs a new RoundAnnouncement.
             * @memberof cotrain.v1
             * @classdesc Represents a RoundAnnouncement.
             * @constructor
             * @param {cotrain.v1.RoundAnnouncement.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoundAnnouncement = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RoundAnnouncement round.
             * @member {number} round
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             */
            RoundAnnouncement.prototype.round = 0;

            /**
             * RoundAnnouncement modelId.
             * @member {Uint8Array} modelId
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             */
            RoundAnnouncement.prototype.modelId = $util.newBuffer([]);

            /**
             * RoundAnnouncement hyperParameters.
             * @member {cotrain.v1.HyperParameters.$Properties|null|undefined} hyperParameters
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             */
            RoundAnnouncement.prototype.hyperParameters = null;

            /**
             * RoundAnnouncement roundSeed.
             * @member {Uint8Array} roundSeed
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             */
            RoundAnnouncement.prototype.roundSeed = $util.newBuffer([]);

            /**
             * RoundAnnouncement modelConfigJson.
             * @member {string} modelConfigJson
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             */
            RoundAnnouncement.prototype.modelConfigJson = "";

            /**
             * RoundAnnouncement openedAt.
             * @member {number} openedAt
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             */
            RoundAnnouncement.prototype.openedAt = 0;

            /**
             * RoundAnnouncement trainDeadline.
             * @member {number} trainDeadline
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             */
            RoundAnnouncement.prototype.trainDeadline = 0;

            /**
             * RoundAnnouncement submitDeadline.
             * @member {number} submitDeadline
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             */
            RoundAnnouncement.prototype.submitDeadline = 0;

            /**
             * RoundAnnouncement datasetId.
             * @member {Uint8Array} datasetId
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             */
            RoundAnnouncement.prototype.datasetId = $util.newBuffer([]);

            /**
             * Creates a new RoundAnnouncement instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.RoundAnnouncement
             * @static
             * @param {cotrain.v1.RoundAnnouncement.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.RoundAnnouncement} RoundAnnouncement instance
             * @type {{
             *   (properties: cotrain.v1.RoundAnnouncement.$Shape): cotrain.v1.RoundAnnouncement & cotrain.v1.RoundAnnouncement.$Shape;
             *   (properties?: cotrain.v1.RoundAnnouncement.$Properties): cotrain.v1.RoundAnnouncement;
             * }}
             */
            RoundAnnouncement.create = function(properties) {
                return new RoundAnnouncement(properties);
            };

            /**
             * Encodes the specified RoundAnnouncement message. Does not implicitly {@link cotrain.v1.RoundAnnouncement.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.RoundAnnouncement
             * @static
             * @param {cotrain.v1.RoundAnnouncement.$Properties} message RoundAnnouncement message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoundAnnouncement.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.modelId != null && $Object.hasOwnProperty.call(message, "modelId") && message.modelId.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.modelId);
                if (message.hyperParameters != null && $Object.hasOwnProperty.call(message, "hyperParameters"))
                    $root.cotrain.v1.HyperParameters.encode(message.hyperParameters, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.roundSeed != null && $Object.hasOwnProperty.call(message, "roundSeed") && message.roundSeed.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.roundSeed);
                if (message.modelConfigJson != null && $Object.hasOwnProperty.call(message, "modelConfigJson") && message.modelConfigJson !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.modelConfigJson);
                if (message.openedAt != null && $Object.hasOwnProperty.call(message, "openedAt") && message.openedAt !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.openedAt);
                if (message.trainDeadline != null && $Object.hasOwnProperty.call(message, "trainDeadline") && message.trainDeadline !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.trainDeadline);
                if (message.submitDeadline != null && $Object.hasOwnProperty.call(message, "submitDeadline") && message.submitDeadline !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.submitDeadline);
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId") && message.datasetId.length)
                    writer.uint32(/* id 9, wireType 2 =*/74).bytes(message.datasetId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RoundAnnouncement message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.RoundAnnouncement
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.RoundAnnouncement & cotrain.v1.RoundAnnouncement.$Shape} RoundAnnouncement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoundAnnouncement.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.RoundAnnouncement();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.modelId = value;
                            else
                                delete message.modelId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.hyperParameters = $root.cotrain.v1.HyperParameters.decode(reader, reader.size(), $undefined, _depth + 1, message.hyperParameters);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.roundSeed = value;
                            else
                                delete message.roundSeed;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.modelConfigJson = value;
                            else
                                delete message.modelConfigJson;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.openedAt = value;
                            else
                                delete message.openedAt;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.trainDeadline = value;
                            else
                                delete message.trainDeadline;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.submitDeadline = value;
                            else
                                delete message.submitDeadline;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.datasetId = value;
                            else
                                delete message.datasetId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a RoundAnnouncement message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.RoundAnnouncement
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.RoundAnnouncement} RoundAnnouncement
             */
            RoundAnnouncement.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.RoundAnnouncement)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.RoundAnnouncement: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.RoundAnnouncement();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.modelId != null)
                    if (object.modelId.length)
                        if (typeof object.modelId === "string")
                            $util.base64.decode(object.modelId, message.modelId = $util.newBuffer($util.base64.length(object.modelId)), 0);
                        else if (object.modelId.length >= 0)
                            message.modelId = object.modelId;
                if (object.hyperParameters != null) {
                    if (!$util.isObject(object.hyperParameters))
                        throw $TypeError(".cotrain.v1.RoundAnnouncement.hyperParameters: object expected");
                    message.hyperParameters = $root.cotrain.v1.HyperParameters.fromObject(object.hyperParameters, _depth + 1);
                }
                if (object.roundSeed != null)
                    if (object.roundSeed.length)
                        if (typeof object.roundSeed === "string")
                            $util.base64.decode(object.roundSeed, message.roundSeed = $util.newBuffer($util.base64.length(object.roundSeed)), 0);
                        else if (object.roundSeed.length >= 0)
                            message.roundSeed = object.roundSeed;
                if (object.modelConfigJson != null)
                    if (typeof object.modelConfigJson !== "string" || object.modelConfigJson.length)
                        message.modelConfigJson = $String(object.modelConfigJson);
                if (object.openedAt != null)
                    if ($Number(object.openedAt) !== 0)
                        message.openedAt = object.openedAt >>> 0;
                if (object.trainDeadline != null)
                    if ($Number(object.trainDeadline) !== 0)
                        message.trainDeadline = object.trainDeadline >>> 0;
                if (object.submitDeadline != null)
                    if ($Number(object.submitDeadline) !== 0)
                        message.submitDeadline = object.submitDeadline >>> 0;
                if (object.datasetId != null)
                    if (object.datasetId.length)
                        if (typeof object.datasetId === "string")
                            $util.base64.decode(object.datasetId, message.datasetId = $util.newBuffer($util.base64.length(object.datasetId)), 0);
                        else if (object.datasetId.length >= 0)
                            message.datasetId = object.datasetId;
                return message;
            };

            /**
             * Creates a plain object from a RoundAnnouncement message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.RoundAnnouncement
             * @static
             * @param {cotrain.v1.RoundAnnouncement} message RoundAnnouncement
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RoundAnnouncement.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.round = 0;
                    if (options.bytes === $String)
                        object.modelId = "";
                    else {
                        object.modelId = [];
                        if (options.bytes !== $Array)
                            object.modelId = $util.newBuffer(object.modelId);
                    }
                    object.hyperParameters = null;
                    if (options.bytes === $String)
                        object.roundSeed = "";
                    else {
                        object.roundSeed = [];
                        if (options.bytes !== $Array)
                            object.roundSeed = $util.newBuffer(object.roundSeed);
                    }
                    object.modelConfigJson = "";
                    object.openedAt = 0;
                    object.trainDeadline = 0;
                    object.submitDeadline = 0;
                    if (options.bytes === $String)
                        object.datasetId = "";
                    else {
                        object.datasetId = [];
                        if (options.bytes !== $Array)
                            object.datasetId = $util.newBuffer(object.datasetId);
                    }
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.modelId != null && $Object.hasOwnProperty.call(message, "modelId"))
                    object.modelId = options.bytes === $String ? $util.base64.encode(message.modelId, 0, message.modelId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.modelId) : message.modelId;
                if (message.hyperParameters != null && $Object.hasOwnProperty.call(message, "hyperParameters"))
                    object.hyperParameters = $root.cotrain.v1.HyperParameters.toObject(message.hyperParameters, options, _depth + 1);
                if (message.roundSeed != null && $Object.hasOwnProperty.call(message, "roundSeed"))
                    object.roundSeed = options.bytes === $String ? $util.base64.encode(message.roundSeed, 0, message.roundSeed.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.roundSeed) : message.roundSeed;
                if (message.modelConfigJson != null && $Object.hasOwnProperty.call(message, "modelConfigJson"))
                    object.modelConfigJson = message.modelConfigJson;
                if (message.openedAt != null && $Object.hasOwnProperty.call(message, "openedAt"))
                    object.openedAt = message.openedAt;
                if (message.trainDeadline != null && $Object.hasOwnProperty.call(message, "trainDeadline"))
                    object.trainDeadline = message.trainDeadline;
                if (message.submitDeadline != null && $Object.hasOwnProperty.call(message, "submitDeadline"))
                    object.submitDeadline = message.submitDeadline;
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId"))
                    object.datasetId = options.bytes === $String ? $util.base64.encode(message.datasetId, 0, message.datasetId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.datasetId) : message.datasetId;
                return object;
            };

            /**
             * Converts this RoundAnnouncement to JSON.
             * @function toJSON
             * @memberof cotrain.v1.RoundAnnouncement
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RoundAnnouncement.prototype.toJSON = function() {
                return RoundAnnouncement.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RoundAnnouncement;
        })();

        /**
         * DeltaEncoding enum.
         * @name cotrain.v1.DeltaEncoding
         * @enum {number}
         * @property {number} DELTA_ENCODING_UNSPECIFIED=0 DELTA_ENCODING_UNSPECIFIED value
         * @property {number} DELTA_ENCODING_FLOAT32=1 DELTA_ENCODING_FLOAT32 value
         * @property {number} DELTA_ENCODING_INT8_SCALED=2 DELTA_ENCODING_INT8_SCALED value
         */
        v1.DeltaEncoding = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DELTA_ENCODING_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DELTA_ENCODING_FLOAT32"] = 1;
            values[valuesById[2] = "DELTA_ENCODING_INT8_SCALED"] = 2;
            return values;
        })();

        v1.LeafSummary = (function() {

            /**
             * Properties of a LeafSummary.
             * @typedef {Object} cotrain.v1.LeafSummary.$Properties
             * @property {number|null} [loss] LeafSummary loss
             * @property {number|null} [updateNorm] LeafSummary updateNorm
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LeafSummary.
             * @memberof cotrain.v1
             * @interface ILeafSummary
             * @augments cotrain.v1.LeafSummary.$Properties
             * @deprecated Use cotrain.v1.LeafSummary.$Properties instead.
             */

            /**
             * Shape of a LeafSummary.
             * @typedef {cotrain.v1.LeafSummary.$Properties} cotrain.v1.LeafSummary.$Shape
             */

            /**
             * Constructs a new LeafSummary.
             * @memberof cotrain.v1
             * @classdesc Represents a LeafSummary.
             * @constructor
             * @param {cotrain.v1.LeafSummary.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LeafSummary = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LeafSummary loss.
             * @member {number} loss
             * @memberof cotrain.v1.LeafSummary
             * @instance
             */
            LeafSummary.prototype.loss = 0;

            /**
             * LeafSummary updateNorm.
             * @member {number} updateNorm
             * @memberof cotrain.v1.LeafSummary
             * @instance
             */
            LeafSummary.prototype.updateNorm = 0;

            /**
             * Creates a new LeafSummary instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.LeafSummary
             * @static
             * @param {cotrain.v1.LeafSummary.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.LeafSummary} LeafSummary instance
             * @type {{
             *   (properties: cotrain.v1.LeafSummary.$Shape): cotrain.v1.LeafSummary & cotrain.v1.LeafSummary.$Shape;
             *   (properties?: cotrain.v1.LeafSummary.$Properties): cotrain.v1.LeafSummary;
             * }}
             */
            LeafSummary.create = function(properties) {
                return new LeafSummary(properties);
            };

            /**
             * Encodes the specified LeafSummary message. Does not implicitly {@link cotrain.v1.LeafSummary.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.LeafSummary
             * @static
             * @param {cotrain.v1.LeafSummary.$Properties} message LeafSummary message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeafSummary.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.loss != null && $Object.hasOwnProperty.call(message, "loss") && !$Object.is(message.loss, 0))
                    writer.uint32(/* id 1, wireType 1 =*/9).double(message.loss);
                if (message.updateNorm != null && $Object.hasOwnProperty.call(message, "updateNorm") && !$Object.is(message.updateNorm, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.updateNorm);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LeafSummary message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.LeafSummary
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.LeafSummary & cotrain.v1.LeafSummary.$Shape} LeafSummary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeafSummary.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.LeafSummary();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.loss = value;
                            else
                                delete message.loss;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.updateNorm = value;
                            else
                                delete message.updateNorm;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a LeafSummary message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.LeafSummary
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.LeafSummary} LeafSummary
             */
            LeafSummary.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.LeafSummary)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.LeafSummary: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.LeafSummary();
                if (object.loss != null)
                    if (!$Object.is($Number(object.loss), 0))
                        message.loss = $Number(object.loss);
                if (object.updateNorm != null)
                    if (!$Object.is($Number(object.updateNorm), 0))
                        message.updateNorm = $Number(object.updateNorm);
                return message;
            };

            /**
             * Creates a plain object from a LeafSummary message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.LeafSummary
             * @static
             * @param {cotrain.v1.LeafSummary} message LeafSummary
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LeafSummary.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.loss = 0;
                    object.updateNorm = 0;
                }
                if (message.loss != null && $Object.hasOwnProperty.call(message, "loss"))
                    object.loss = options.json && !$isFinite(message.loss) ? $String(message.loss) : message.loss;
                if (message.updateNorm != null && $Object.hasOwnProperty.call(message, "updateNorm"))
                    object.updateNorm = options.json && !$isFinite(message.updateNorm) ? $String(message.updateNorm) : message.updateNorm;
                return object;
            };

            /**
             * Converts this LeafSummary to JSON.
             * @function toJSON
             * @memberof cotrain.v1.LeafSummary
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LeafSummary.prototype.toJSON = function() {
                return LeafSummary.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LeafSummary;
        })();

        v1.UpdateSubmission = (function() {

            /**
             * Properties of an UpdateSubmission.
             * @typedef {Object} cotrain.v1.UpdateSubmission.$Properties
             * @property {number|null} [round] UpdateSubmission round
             * @property {Uint8Array|null} [workerAddress] UpdateSubmission workerAddress
             * @property {Uint8Array|null} [baseModelId] UpdateSubmission baseModelId
             * @property {Uint8Array|null} [commitment] UpdateSubmission commitment
             * @property {cotrain.v1.DeltaEncoding|null} [encoding] UpdateSubmission encoding
             * @property {Uint8Array|null} [delta] UpdateSubmission delta
             * @property {Uint8Array|null} [scales] UpdateSubmission scales
             * @property {number|null} [scaleBlock] UpdateSubmission scaleBlock
             * @property {number|null} [numParams] UpdateSubmission numParams
             * @property {Uint8Array|null} [deltaHash] UpdateSubmission deltaHash
             * @property {Uint8Array|null} [proofRoot] UpdateSubmission proofRoot
             * @property {number|null} [leafCount] UpdateSubmission leafCount
             * @property {Array.<cotrain.v1.LeafSummary.$Properties>|null} [leaves] UpdateSubmission leaves
             * @property {number|null} [samples] UpdateSubmission samples
             * @property {string|null} [contributionId] UpdateSubmission contributionId
             * @property {Uint8Array|null} [txHash] UpdateSubmission txHash
             * @property {string|null} [backendClass] UpdateSubmission backendClass
             * @property {number|null} [microBatches] UpdateSubmission microBatches
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an UpdateSubmission.
             * @memberof cotrain.v1
             * @interface IUpdateSubmission
             * @augments cotrain.v1.UpdateSubmission.$Properties
             * @deprecated Use cotrain.v1.UpdateSubmission.$Properties instead.
             */

            /**
             * Shape of an UpdateSubmission.
             * @typedef {cotrain.v1.UpdateSubmission.$Properties} cotrain.v1.UpdateSubmission.$Shape
             */

            /**
             * Constructs a new UpdateSubmission.
             * @memberof cotrain.v1
             * @classdesc Represents an UpdateSubmission.
             * @constructor
             * @param {cotrain.v1.UpdateSubmission.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UpdateSubmission = function (properties) {
                this.leaves = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * UpdateSubmission round.
             * @member {number} round
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.round = 0;

            /**
             * UpdateSubmission workerAddress.
             * @member {Uint8Array} workerAddress
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.workerAddress = $util.newBuffer([]);

            /**
             * UpdateSubmission baseModelId.
             * @member {Uint8Array} baseModelId
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.baseModelId = $util.newBuffer([]);

            /**
             * UpdateSubmission commitment.
             * @member {Uint8Array} commitment
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.commitment = $util.newBuffer([]);

            /**
             * UpdateSubmission encoding.
             * @member {cotrain.v1.DeltaEncoding} encoding
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.encoding = 0;

            /**
             * UpdateSubmission delta.
             * @member {Uint8Array} delta
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.delta = $util.newBuffer([]);

            /**
             * UpdateSubmission scales.
             * @member {Uint8Array} scales
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.scales = $util.newBuffer([]);

            /**
             * UpdateSubmission scaleBlock.
             * @member {number} scaleBlock
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.scaleBlock = 0;

            /**
             * UpdateSubmission numParams.
             * @member {number} numParams
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.numParams = 0;

            /**
             * UpdateSubmission deltaHash.
             * @member {Uint8Array} deltaHash
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.deltaHash = $util.newBuffer([]);

            /**
             * UpdateSubmission proofRoot.
             * @member {Uint8Array} proofRoot
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.proofRoot = $util.newBuffer([]);

            /**
             * UpdateSubmission leafCount.
             * @member {number} leafCount
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.leafCount = 0;

            /**
             * UpdateSubmission leaves.
             * @member {Array.<cotrain.v1.LeafSummary.$Properties>} leaves
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.leaves = $util.emptyArray;

            /**
             * UpdateSubmission samples.
             * @member {number} samples
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.samples = 0;

            /**
             * UpdateSubmission contributionId.
             * @member {string} contributionId
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.contributionId = "";

            /**
             * UpdateSubmission txHash.
             * @member {Uint8Array} txHash
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.txHash = $util.newBuffer([]);

            /**
             * UpdateSubmission backendClass.
             * @member {string} backendClass
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.backendClass = "";

            /**
             * UpdateSubmission microBatches.
             * @member {number} microBatches
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             */
            UpdateSubmission.prototype.microBatches = 0;

            /**
             * Creates a new UpdateSubmission instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.UpdateSubmission
             * @static
             * @param {cotrain.v1.UpdateSubmission.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.UpdateSubmission} UpdateSubmission instance
             * @type {{
             *   (properties: cotrain.v1.UpdateSubmission.$Shape): cotrain.v1.UpdateSubmission & cotrain.v1.UpdateSubmission.$Shape;
             *   (properties?: cotrain.v1.UpdateSubmission.$Properties): cotrain.v1.UpdateSubmission;
             * }}
             */
            UpdateSubmission.create = function(properties) {
                return new UpdateSubmission(properties);
            };

            /**
             * Encodes the specified UpdateSubmission message. Does not implicitly {@link cotrain.v1.UpdateSubmission.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.UpdateSubmission
             * @static
             * @param {cotrain.v1.UpdateSubmission.$Properties} message UpdateSubmission message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateSubmission.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress") && message.workerAddress.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.workerAddress);
                if (message.baseModelId != null && $Object.hasOwnProperty.call(message, "baseModelId") && message.baseModelId.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.baseModelId);
                if (message.commitment != null && $Object.hasOwnProperty.call(message, "commitment") && message.commitment.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.commitment);
                if (message.encoding != null && $Object.hasOwnProperty.call(message, "encoding") && message.encoding !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.encoding);
                if (message.delta != null && $Object.hasOwnProperty.call(message, "delta") && message.delta.length)
                    writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.delta);
                if (message.scales != null && $Object.hasOwnProperty.call(message, "scales") && message.scales.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.scales);
                if (message.scaleBlock != null && $Object.hasOwnProperty.call(message, "scaleBlock") && message.scaleBlock !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.scaleBlock);
                if (message.numParams != null && $Object.hasOwnProperty.call(message, "numParams") && message.numParams !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.numParams);
                if (message.deltaHash != null && $Object.hasOwnProperty.call(message, "deltaHash") && message.deltaHash.length)
                    writer.uint32(/* id 10, wireType 2 =*/82).bytes(message.deltaHash);
                if (message.proofRoot != null && $Object.hasOwnProperty.call(message, "proofRoot") && message.proofRoot.length)
                    writer.uint32(/* id 11, wireType 2 =*/90).bytes(message.proofRoot);
                if (message.leafCount != null && $Object.hasOwnProperty.call(message, "leafCount") && message.leafCount !== 0)
                    writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.leafCount);
                if (message.leaves != null && message.leaves.length)
                    for (let i = 0; i < message.leaves.length; ++i)
                        $root.cotrain.v1.LeafSummary.encode(message.leaves[i], writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.samples != null && $Object.hasOwnProperty.call(message, "samples") && message.samples !== 0)
                    writer.uint32(/* id 14, wireType 0 =*/112).uint32(message.samples);
                if (message.contributionId != null && $Object.hasOwnProperty.call(message, "contributionId") && message.contributionId !== "")
                    writer.uint32(/* id 15, wireType 2 =*/122).string(message.contributionId);
                if (message.txHash != null && $Object.hasOwnProperty.call(message, "txHash") && message.txHash.length)
                    writer.uint32(/* id 16, wireType 2 =*/130).bytes(message.txHash);
                if (message.backendClass != null && $Object.hasOwnProperty.call(message, "backendClass") && message.backendClass !== "")
                    writer.uint32(/* id 17, wireType 2 =*/138).string(message.backendClass);
                if (message.microBatches != null && $Object.hasOwnProperty.call(message, "microBatches") && message.microBatches !== 0)
                    writer.uint32(/* id 18, wireType 0 =*/144).uint32(message.microBatches);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an UpdateSubmission message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.UpdateSubmission
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.UpdateSubmission & cotrain.v1.UpdateSubmission.$Shape} UpdateSubmission
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateSubmission.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.UpdateSubmission();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.workerAddress = value;
                            else
                                delete message.workerAddress;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.baseModelId = value;
                            else
                                delete message.baseModelId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.commitment = value;
                            else
                                delete message.commitment;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.encoding = value;
                            else
                                delete message.encoding;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.delta = value;
                            else
                                delete message.delta;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.scales = value;
                            else
                                delete message.scales;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.scaleBlock = value;
                            else
                                delete message.scaleBlock;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.numParams = value;
                            else
                                delete message.numParams;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.deltaHash = value;
                            else
                                delete message.deltaHash;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.proofRoot = value;
                            else
                                delete message.proofRoot;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.leafCount = value;
                            else
                                delete message.leafCount;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if (!(message.leaves && message.leaves.length))
                                message.leaves = [];
                            message.leaves.push($root.cotrain.v1.LeafSummary.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 14: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.samples = value;
                            else
                                delete message.samples;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.contributionId = value;
                            else
                                delete message.contributionId;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.txHash = value;
                            else
                                delete message.txHash;
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.backendClass = value;
                            else
                                delete message.backendClass;
                            continue;
                        }
                    case 18: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.microBatches = value;
                            else
                                delete message.microBatches;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an UpdateSubmission message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.UpdateSubmission
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.UpdateSubmission} UpdateSubmission
             */
            UpdateSubmission.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.UpdateSubmission)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.UpdateSubmission: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.UpdateSubmission();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.workerAddress != null)
                    if (object.workerAddress.length)
                        if (typeof object.workerAddress === "string")
                            $util.base64.decode(object.workerAddress, message.workerAddress = $util.newBuffer($util.base64.length(object.workerAddress)), 0);
                        else if (object.workerAddress.length >= 0)
                            message.workerAddress = object.workerAddress;
                if (object.baseModelId != null)
                    if (object.baseModelId.length)
                        if (typeof object.baseModelId === "string")
                            $util.base64.decode(object.baseModelId, message.baseModelId = $util.newBuffer($util.base64.length(object.baseModelId)), 0);
                        else if (object.baseModelId.length >= 0)
                            message.baseModelId = object.baseModelId;
                if (object.commitment != null)
                    if (object.commitment.length)
                        if (typeof object.commitment === "string")
                            $util.base64.decode(object.commitment, message.commitment = $util.newBuffer($util.base64.length(object.commitment)), 0);
                        else if (object.commitment.length >= 0)
                            message.commitment = object.commitment;
                if (object.encoding !== 0 && (typeof object.encoding !== "string" || $root.cotrain.v1.DeltaEncoding[object.encoding] !== 0))
                    switch (object.encoding) {
                    case "DELTA_ENCODING_UNSPECIFIED":
                    case 0:
                        message.encoding = 0;
                        break;
                    case "DELTA_ENCODING_FLOAT32":
                    case 1:
                        message.encoding = 1;
                        break;
                    case "DELTA_ENCODING_INT8_SCALED":
                    case 2:
                        message.encoding = 2;
                        break;
                    default:
                        if (typeof object.encoding === "number" && (object.encoding | 0) === object.encoding)
                            message.encoding = object.encoding;
                    }
                if (object.delta != null)
                    if (object.delta.length)
                        if (typeof object.delta === "string")
                            $util.base64.decode(object.delta, message.delta = $util.newBuffer($util.base64.length(object.delta)), 0);
                        else if (object.delta.length >= 0)
                            message.delta = object.delta;
                if (object.scales != null)
                    if (object.scales.length)
                        if (typeof object.scales === "string")
                            $util.base64.decode(object.scales, message.scales = $util.newBuffer($util.base64.length(object.scales)), 0);
                        else if (object.scales.length >= 0)
                            message.scales = object.scales;
                if (object.scaleBlock != null)
                    if ($Number(object.scaleBlock) !== 0)
                        message.scaleBlock = object.scaleBlock >>> 0;
                if (object.numParams != null)
                    if ($Number(object.numParams) !== 0)
                        message.numParams = object.numParams >>> 0;
                if (object.deltaHash != null)
                    if (object.deltaHash.length)
                        if (typeof object.deltaHash === "string")
                            $util.base64.decode(object.deltaHash, message.deltaHash = $util.newBuffer($util.base64.length(object.deltaHash)), 0);
                        else if (object.deltaHash.length >= 0)
                            message.deltaHash = object.deltaHash;
                if (object.proofRoot != null)
                    if (object.proofRoot.length)
                        if (typeof object.proofRoot === "string")
                            $util.base64.decode(object.proofRoot, message.proofRoot = $util.newBuffer($util.base64.length(object.proofRoot)), 0);
                        else if (object.proofRoot.length >= 0)
                            message.proofRoot = object.proofRoot;
                if (object.leafCount != null)
                    if ($Number(object.leafCount) !== 0)
                        message.leafCount = object.leafCount >>> 0;
                if (object.leaves) {
                    if (!$Array.isArray(object.leaves))
                        throw $TypeError(".cotrain.v1.UpdateSubmission.leaves: array expected");
                    message.leaves = $Array(object.leaves.length);
                    for (let i = 0; i < object.leaves.length; ++i) {
                        if (!$util.isObject(object.leaves[i]))
                            throw $TypeError(".cotrain.v1.UpdateSubmission.leaves: object expected");
                        message.leaves[i] = $root.cotrain.v1.LeafSummary.fromObject(object.leaves[i], _depth + 1);
                    }
                }
                if (object.samples != null)
                    if ($Number(object.samples) !== 0)
                        message.samples = object.samples >>> 0;
                if (object.contributionId != null)
                    if (typeof object.contributionId !== "string" || object.contributionId.length)
                        message.contributionId = $String(object.contributionId);
                if (object.txHash != null)
                    if (object.txHash.length)
                        if (typeof object.txHash === "string")
                            $util.base64.decode(object.txHash, message.txHash = $util.newBuffer($util.base64.length(object.txHash)), 0);
                        else if (object.txHash.length >= 0)
                            message.txHash = object.txHash;
                if (object.backendClass != null)
                    if (typeof object.backendClass !== "string" || object.backendClass.length)
                        message.backendClass = $String(object.backendClass);
                if (object.microBatches != null)
                    if ($Number(object.microBatches) !== 0)
                        message.microBatches = object.microBatches >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an UpdateSubmission message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.UpdateSubmission
             * @static
             * @param {cotrain.v1.UpdateSubmission} message UpdateSubmission
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            UpdateSubmission.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.leaves = [];
                if (options.defaults) {
                    object.round = 0;
                    if (options.bytes === $String)
                        object.workerAddress = "";
                    else {
                        object.workerAddress = [];
                        if (options.bytes !== $Array)
                            object.workerAddress = $util.newBuffer(object.workerAddress);
                    }
                    if (options.bytes === $String)
                        object.baseModelId = "";
                    else {
                        object.baseModelId = [];
                        if (options.bytes !== $Array)
                            object.baseModelId = $util.newBuffer(object.baseModelId);
                    }
                    if (options.bytes === $String)
                        object.commitment = "";
                    else {
                        object.commitment = [];
                        if (options.bytes !== $Array)
                            object.commitment = $util.newBuffer(object.commitment);
                    }
                    object.encoding = options.enums === $String ? "DELTA_ENCODING_UNSPECIFIED" : 0;
                    if (options.bytes === $String)
                        object.delta = "";
                    else {
                        object.delta = [];
                        if (options.bytes !== $Array)
                            object.delta = $util.newBuffer(object.delta);
                    }
                    if (options.bytes === $String)
                        object.scales = "";
                    else {
                        object.scales = [];
                        if (options.bytes !== $Array)
                            object.scales = $util.newBuffer(object.scales);
                    }
                    object.scaleBlock = 0;
                    object.numParams = 0;
                    if (options.bytes === $String)
                        object.deltaHash = "";
                    else {
                        object.deltaHash = [];
                        if (options.bytes !== $Array)
                            object.deltaHash = $util.newBuffer(object.deltaHash);
                    }
                    if (options.bytes === $String)
                        object.proofRoot = "";
                    else {
                        object.proofRoot = [];
                        if (options.bytes !== $Array)
                            object.proofRoot = $util.newBuffer(object.proofRoot);
                    }
                    object.leafCount = 0;
                    object.samples = 0;
                    object.contributionId = "";
                    if (options.bytes === $String)
                        object.txHash = "";
                    else {
                        object.txHash = [];
                        if (options.bytes !== $Array)
                            object.txHash = $util.newBuffer(object.txHash);
                    }
                    object.backendClass = "";
                    object.microBatches = 0;
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress"))
                    object.workerAddress = options.bytes === $String ? $util.base64.encode(message.workerAddress, 0, message.workerAddress.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.workerAddress) : message.workerAddress;
                if (message.baseModelId != null && $Object.hasOwnProperty.call(message, "baseModelId"))
                    object.baseModelId = options.bytes === $String ? $util.base64.encode(message.baseModelId, 0, message.baseModelId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.baseModelId) : message.baseModelId;
                if (message.commitment != null && $Object.hasOwnProperty.call(message, "commitment"))
                    object.commitment = options.bytes === $String ? $util.base64.encode(message.commitment, 0, message.commitment.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.commitment) : message.commitment;
                if (message.encoding != null && $Object.hasOwnProperty.call(message, "encoding"))
                    object.encoding = options.enums === $String ? $root.cotrain.v1.DeltaEncoding[message.encoding] === $undefined ? message.encoding : $root.cotrain.v1.DeltaEncoding[message.encoding] : message.encoding;
                if (message.delta != null && $Object.hasOwnProperty.call(message, "delta"))
                    object.delta = options.bytes === $String ? $util.base64.encode(message.delta, 0, message.delta.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.delta) : message.delta;
                if (message.scales != null && $Object.hasOwnProperty.call(message, "scales"))
                    object.scales = options.bytes === $String ? $util.base64.encode(message.scales, 0, message.scales.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.scales) : message.scales;
                if (message.scaleBlock != null && $Object.hasOwnProperty.call(message, "scaleBlock"))
                    object.scaleBlock = message.scaleBlock;
                if (message.numParams != null && $Object.hasOwnProperty.call(message, "numParams"))
                    object.numParams = message.numParams;
                if (message.deltaHash != null && $Object.hasOwnProperty.call(message, "deltaHash"))
                    object.deltaHash = options.bytes === $String ? $util.base64.encode(message.deltaHash, 0, message.deltaHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.deltaHash) : message.deltaHash;
                if (message.proofRoot != null && $Object.hasOwnProperty.call(message, "proofRoot"))
                    object.proofRoot = options.bytes === $String ? $util.base64.encode(message.proofRoot, 0, message.proofRoot.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.proofRoot) : message.proofRoot;
                if (message.leafCount != null && $Object.hasOwnProperty.call(message, "leafCount"))
                    object.leafCount = message.leafCount;
                if (message.leaves && message.leaves.length) {
                    object.leaves = $Array(message.leaves.length);
                    for (let j = 0; j < message.leaves.length; ++j)
                        object.leaves[j] = $root.cotrain.v1.LeafSummary.toObject(message.leaves[j], options, _depth + 1);
                }
                if (message.samples != null && $Object.hasOwnProperty.call(message, "samples"))
                    object.samples = message.samples;
                if (message.contributionId != null && $Object.hasOwnProperty.call(message, "contributionId"))
                    object.contributionId = message.contributionId;
                if (message.txHash != null && $Object.hasOwnProperty.call(message, "txHash"))
                    object.txHash = options.bytes === $String ? $util.base64.encode(message.txHash, 0, message.txHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.txHash) : message.txHash;
                if (message.backendClass != null && $Object.hasOwnProperty.call(message, "backendClass"))
                    object.backendClass = message.backendClass;
                if (message.microBatches != null && $Object.hasOwnProperty.call(message, "microBatches"))
                    object.microBatches = message.microBatches;
                return object;
            };

            /**
             * Converts this UpdateSubmission to JSON.
             * @function toJSON
             * @memberof cotrain.v1.UpdateSubmission
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            UpdateSubmission.prototype.toJSON = function() {
                return UpdateSubmission.toObject(this, $protobuf.util.toJSONOptions);
            };

            return UpdateSubmission;
        })();

        v1.SubmissionAck = (function() {

            /**
             * Properties of a SubmissionAck.
             * @typedef {Object} cotrain.v1.SubmissionAck.$Properties
             * @property {number|null} [round] SubmissionAck round
             * @property {Uint8Array|null} [commitment] SubmissionAck commitment
             * @property {number|null} [receivedAt] SubmissionAck receivedAt
             * @property {number|null} [retryAfter] SubmissionAck retryAfter
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SubmissionAck.
             * @memberof cotrain.v1
             * @interface ISubmissionAck
             * @augments cotrain.v1.SubmissionAck.$Properties
             * @deprecated Use cotrain.v1.SubmissionAck.$Properties instead.
             */

            /**
             * Shape of a SubmissionAck.
             * @typedef {cotrain.v1.SubmissionAck.$Properties} cotrain.v1.SubmissionAck.$Shape
             */

            /**
             * Constructs a new SubmissionAck.
             * @memberof cotrain.v1
             * @classdesc Represents a SubmissionAck.
             * @constructor
             * @param {cotrain.v1.SubmissionAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SubmissionAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SubmissionAck round.
             * @member {number} round
             * @memberof cotrain.v1.SubmissionAck
             * @instance
             */
            SubmissionAck.prototype.round = 0;

            /**
             * SubmissionAck commitment.
             * @member {Uint8Array} commitment
             * @memberof cotrain.v1.SubmissionAck
             * @instance
             */
            SubmissionAck.prototype.commitment = $util.newBuffer([]);

            /**
             * SubmissionAck receivedAt.
             * @member {number} receivedAt
             * @memberof cotrain.v1.SubmissionAck
             * @instance
             */
            SubmissionAck.prototype.receivedAt = 0;

            /**
             * SubmissionAck retryAfter.
             * @member {number} retryAfter
             * @memberof cotrain.v1.SubmissionAck
             * @instance
             */
            SubmissionAck.prototype.retryAfter = 0;

            /**
             * Creates a new SubmissionAck instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.SubmissionAck
             * @static
             * @param {cotrain.v1.SubmissionAck.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.SubmissionAck} SubmissionAck instance
             * @type {{
             *   (properties: cotrain.v1.SubmissionAck.$Shape): cotrain.v1.SubmissionAck & cotrain.v1.SubmissionAck.$Shape;
             *   (properties?: cotrain.v1.SubmissionAck.$Properties): cotrain.v1.SubmissionAck;
             * }}
             */
            SubmissionAck.create = function(properties) {
                return new SubmissionAck(properties);
            };

            /**
             * Encodes the specified SubmissionAck message. Does not implicitly {@link cotrain.v1.SubmissionAck.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.SubmissionAck
             * @static
             * @param {cotrain.v1.SubmissionAck.$Properties} message SubmissionAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SubmissionAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.commitment != null && $Object.hasOwnProperty.call(message, "commitment") && message.commitment.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.commitment);
                if (message.receivedAt != null && $Object.hasOwnProperty.call(message, "receivedAt") && message.receivedAt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.receivedAt);
                if (message.retryAfter != null && $Object.hasOwnProperty.call(message, "retryAfter") && message.retryAfter !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.retryAfter);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SubmissionAck message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.SubmissionAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.SubmissionAck & cotrain.v1.SubmissionAck.$Shape} SubmissionAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SubmissionAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.SubmissionAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.commitment = value;
                            else
                                delete message.commitment;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.receivedAt = value;
                            else
                                delete message.receivedAt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.retryAfter = value;
                            else
                                delete message.retryAfter;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a SubmissionAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.SubmissionAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.SubmissionAck} SubmissionAck
             */
            SubmissionAck.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.SubmissionAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.SubmissionAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.SubmissionAck();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.commitment != null)
                    if (object.commitment.length)
                        if (typeof object.commitment === "string")
                            $util.base64.decode(object.commitment, message.commitment = $util.newBuffer($util.base64.length(object.commitment)), 0);
                        else if (object.commitment.length >= 0)
                            message.commitment = object.commitment;
                if (object.receivedAt != null)
                    if ($Number(object.receivedAt) !== 0)
                        message.receivedAt = object.receivedAt >>> 0;
                if (object.retryAfter != null)
                    if ($Number(object.retryAfter) !== 0)
                        message.retryAfter = object.retryAfter >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a SubmissionAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.SubmissionAck
             * @static
             * @param {cotrain.v1.SubmissionAck} message SubmissionAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SubmissionAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.round = 0;
                    if (options.bytes === $String)
                        object.commitment = "";
                    else {
                        object.commitment = [];
                        if (options.bytes !== $Array)
                            object.commitment = $util.newBuffer(object.commitment);
                    }
                    object.receivedAt = 0;
                    object.retryAfter = 0;
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.commitment != null && $Object.hasOwnProperty.call(message, "commitment"))
                    object.commitment = options.bytes === $String ? $util.base64.encode(message.commitment, 0, message.commitment.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.commitment) : message.commitment;
                if (message.receivedAt != null && $Object.hasOwnProperty.call(message, "receivedAt"))
                    object.receivedAt = message.receivedAt;
                if (message.retryAfter != null && $Object.hasOwnProperty.call(message, "retryAfter"))
                    object.retryAfter = message.retryAfter;
                return object;
            };

            /**
             * Converts this SubmissionAck to JSON.
             * @function toJSON
             * @memberof cotrain.v1.SubmissionAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SubmissionAck.prototype.toJSON = function() {
                return SubmissionAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubmissionAck;
        })();

        v1.SubmitResponse = (function() {

            /**
             * Properties of a SubmitResponse.
             * @typedef {Object} cotrain.v1.SubmitResponse.$Properties
             * @property {cotrain.v1.SubmissionAck.$Properties|null} [ack] SubmitResponse ack
             * @property {cotrain.v1.Error.$Properties|null} [error] SubmitResponse error
             * @property {"ack"|"error"} [result] SubmitResponse result
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SubmitResponse.
             * @memberof cotrain.v1
             * @interface ISubmitResponse
             * @augments cotrain.v1.SubmitResponse.$Properties
             * @deprecated Use cotrain.v1.SubmitResponse.$Properties instead.
             */

            /**
             * Narrowed shape of a SubmitResponse.
             * @typedef {{
             *   ack?: cotrain.v1.SubmissionAck.$Shape|null;
             *   error?: cotrain.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ result?: undefined; ack?: null; error?: null }|{ result?: "ack"; ack: cotrain.v1.SubmissionAck.$Shape; error?: null }|{ result?: "error"; ack?: null; error: cotrain.v1.Error.$Shape })
             * )} cotrain.v1.SubmitResponse.$Shape
             */

            /**
             * Constructs a new SubmitResponse.
             * @memberof cotrain.v1
             * @classdesc Represents a SubmitResponse.
             * @constructor
             * @param {cotrain.v1.SubmitResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SubmitResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SubmitResponse ack.
             * @member {cotrain.v1.SubmissionAck.$Properties|null|undefined} ack
             * @memberof cotrain.v1.SubmitResponse
             * @instance
             */
            SubmitResponse.prototype.ack = null;

            /**
             * SubmitResponse error.
             * @member {cotrain.v1.Error.$Properties|null|undefined} error
             * @memberof cotrain.v1.SubmitResponse
             * @instance
             */
            SubmitResponse.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * SubmitResponse result.
             * @member {"ack"|"error"|undefined} result
             * @memberof cotrain.v1.SubmitResponse
             * @instance
             */
            $Object.defineProperty(SubmitResponse.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["ack", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new SubmitResponse instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.SubmitResponse
             * @static
             * @param {cotrain.v1.SubmitResponse.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.SubmitResponse} SubmitResponse instance
             * @type {{
             *   (properties: cotrain.v1.SubmitResponse.$Shape): cotrain.v1.SubmitResponse & cotrain.v1.SubmitResponse.$Shape;
             *   (properties?: cotrain.v1.SubmitResponse.$Properties): cotrain.v1.SubmitResponse;
             * }}
             */
            SubmitResponse.create = function(properties) {
                return new SubmitResponse(properties);
            };

            /**
             * Encodes the specified SubmitResponse message. Does not implicitly {@link cotrain.v1.SubmitResponse.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.SubmitResponse
             * @static
             * @param {cotrain.v1.SubmitResponse.$Properties} message SubmitResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SubmitResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                    $root.cotrain.v1.SubmissionAck.encode(message.ack, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.cotrain.v1.Error.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SubmitResponse message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.SubmitResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.SubmitResponse & cotrain.v1.SubmitResponse.$Shape} SubmitResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SubmitResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.SubmitResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.ack = $root.cotrain.v1.SubmissionAck.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                            message.result = "ack";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.cotrain.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.result = "error";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a SubmitResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.SubmitResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.SubmitResponse} SubmitResponse
             */
            SubmitResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.SubmitResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.SubmitResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.SubmitResponse();
                if (object.ack != null) {
                    if (!$util.isObject(object.ack))
                        throw $TypeError(".cotrain.v1.SubmitResponse.ack: object expected");
                    message.ack = $root.cotrain.v1.SubmissionAck.fromObject(object.ack, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".cotrain.v1.SubmitResponse.error: object expected");
                    message.error = $root.cotrain.v1.Error.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a SubmitResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.SubmitResponse
             * @static
             * @param {cotrain.v1.SubmitResponse} message SubmitResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SubmitResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                    object.ack = $root.cotrain.v1.SubmissionAck.toObject(message.ack, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "ack";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.cotrain.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "error";
                }
                return object;
            };

            /**
             * Converts this SubmitResponse to JSON.
             * @function toJSON
             * @memberof cotrain.v1.SubmitResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SubmitResponse.prototype.toJSON = function() {
                return SubmitResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubmitResponse;
        })();

        v1.CheckpointRequest = (function() {

            /**
             * Properties of a CheckpointRequest.
             * @typedef {Object} cotrain.v1.CheckpointRequest.$Properties
             * @property {number|null} [round] CheckpointRequest round
             * @property {number|null} [index] CheckpointRequest index
             * @property {boolean|null} [openingOnly] CheckpointRequest openingOnly
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CheckpointRequest.
             * @memberof cotrain.v1
             * @interface ICheckpointRequest
             * @augments cotrain.v1.CheckpointRequest.$Properties
             * @deprecated Use cotrain.v1.CheckpointRequest.$Properties instead.
             */

            /**
             * Shape of a CheckpointRequest.
             * @typedef {cotrain.v1.CheckpointRequest.$Properties} cotrain.v1.CheckpointRequest.$Shape
             */

            /**
             * Constructs a new CheckpointRequest.
             * @memberof cotrain.v1
             * @classdesc Represents a CheckpointRequest.
             * @constructor
             * @param {cotrain.v1.CheckpointRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CheckpointRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CheckpointRequest round.
             * @member {number} round
             * @memberof cotrain.v1.CheckpointRequest
             * @instance
             */
            CheckpointRequest.prototype.round = 0;

            /**
             * CheckpointRequest index.
             * @member {number} index
             * @memberof cotrain.v1.CheckpointRequest
             * @instance
             */
            CheckpointRequest.prototype.index = 0;

            /**
             * CheckpointRequest openingOnly.
             * @member {boolean} openingOnly
             * @memberof cotrain.v1.CheckpointRequest
             * @instance
             */
            CheckpointRequest.prototype.openingOnly = false;

            /**
             * Creates a new CheckpointRequest instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.CheckpointRequest
             * @static
             * @param {cotrain.v1.CheckpointRequest.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.CheckpointRequest} CheckpointRequest instance
             * @type {{
             *   (properties: cotrain.v1.CheckpointRequest.$Shape): cotrain.v1.CheckpointRequest & cotrain.v1.CheckpointRequest.$Shape;
             *   (properties?: cotrain.v1.CheckpointRequest.$Properties): cotrain.v1.CheckpointRequest;
             * }}
             */
            CheckpointRequest.create = function(properties) {
                return new CheckpointRequest(properties);
            };

            /**
             * Encodes the specified CheckpointRequest message. Does not implicitly {@link cotrain.v1.CheckpointRequest.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.CheckpointRequest
             * @static
             * @param {cotrain.v1.CheckpointRequest.$Properties} message CheckpointRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckpointRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.index);
                if (message.openingOnly != null && $Object.hasOwnProperty.call(message, "openingOnly") && message.openingOnly !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.openingOnly);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CheckpointRequest message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.CheckpointRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.CheckpointRequest & cotrain.v1.CheckpointRequest.$Shape} CheckpointRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckpointRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.CheckpointRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.openingOnly = value;
                            else
                                delete message.openingOnly;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a CheckpointRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.CheckpointRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.CheckpointRequest} CheckpointRequest
             */
            CheckpointRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.CheckpointRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.CheckpointRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.CheckpointRequest();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.index != null)
                    if ($Number(object.index) !== 0)
                        message.index = object.index >>> 0;
                if (object.openingOnly != null)
                    if (object.openingOnly)
                        message.openingOnly = $Boolean(object.openingOnly);
                return message;
            };

            /**
             * Creates a plain object from a CheckpointRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.CheckpointRequest
             * @static
             * @param {cotrain.v1.CheckpointRequest} message CheckpointRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CheckpointRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.round = 0;
                    object.index = 0;
                    object.openingOnly = false;
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    object.index = message.index;
                if (message.openingOnly != null && $Object.hasOwnProperty.call(message, "openingOnly"))
                    object.openingOnly = message.openingOnly;
                return object;
            };

            /**
             * Converts this CheckpointRequest to JSON.
             * @function toJSON
             * @memberof cotrain.v1.CheckpointRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CheckpointRequest.prototype.toJSON = function() {
                return CheckpointRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CheckpointRequest;
        })();

        v1.Leaf = (function() {

            /**
             * Properties of a Leaf.
             * @typedef {Object} cotrain.v1.Leaf.$Properties
             * @property {number|null} [round] Leaf round
             * @property {Uint8Array|null} [workerAddress] Leaf workerAddress
             * @property {number|null} [index] Leaf index
             * @property {Uint8Array|null} [weightsHash] Leaf weightsHash
             * @property {Uint8Array|null} [optimizerHash] Leaf optimizerHash
             * @property {Uint8Array|null} [batchHash] Leaf batchHash
             * @property {number|null} [loss] Leaf loss
             * @property {number|null} [updateNorm] Leaf updateNorm
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Leaf.
             * @memberof cotrain.v1
             * @interface ILeaf
             * @augments cotrain.v1.Leaf.$Properties
             * @deprecated Use cotrain.v1.Leaf.$Properties instead.
             */

            /**
             * Shape of a Leaf.
             * @typedef {cotrain.v1.Leaf.$Properties} cotrain.v1.Leaf.$Shape
             */

            /**
             * Constructs a new Leaf.
             * @memberof cotrain.v1
             * @classdesc Represents a Leaf.
             * @constructor
             * @param {cotrain.v1.Leaf.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Leaf = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Leaf round.
             * @member {number} round
             * @memberof cotrain.v1.Leaf
             * @instance
             */
            Leaf.prototype.round = 0;

            /**
             * Leaf workerAddress.
             * @member {Uint8Array} workerAddress
             * @memberof cotrain.v1.Leaf
             * @instance
             */
            Leaf.prototype.workerAddress = $util.newBuffer([]);

            /**
             * Leaf index.
             * @member {number} index
             * @memberof cotrain.v1.Leaf
             * @instance
             */
            Leaf.prototype.index = 0;

            /**
             * Leaf weightsHash.
             * @member {Uint8Array} weightsHash
             * @memberof cotrain.v1.Leaf
             * @instance
             */
            Leaf.prototype.weightsHash = $util.newBuffer([]);

            /**
             * Leaf optimizerHash.
             * @member {Uint8Array} optimizerHash
             * @memberof cotrain.v1.Leaf
             * @instance
             */
            Leaf.prototype.optimizerHash = $util.newBuffer([]);

            /**
             * Leaf batchHash.
             * @member {Uint8Array} batchHash
             * @memberof cotrain.v1.Leaf
             * @instance
             */
            Leaf.prototype.batchHash = $util.newBuffer([]);

            /**
             * Leaf loss.
             * @member {number} loss
             * @memberof cotrain.v1.Leaf
             * @instance
             */
            Leaf.prototype.loss = 0;

            /**
             * Leaf updateNorm.
             * @member {number} updateNorm
             * @memberof cotrain.v1.Leaf
             * @instance
             */
            Leaf.prototype.updateNorm = 0;

            /**
             * Creates a new Leaf instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.Leaf
             * @static
             * @param {cotrain.v1.Leaf.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.Leaf} Leaf instance
             * @type {{
             *   (properties: cotrain.v1.Leaf.$Shape): cotrain.v1.Leaf & cotrain.v1.Leaf.$Shape;
             *   (properties?: cotrain.v1.Leaf.$Properties): cotrain.v1.Leaf;
             * }}
             */
            Leaf.create = function(properties) {
                return new Leaf(properties);
            };

            /**
             * Encodes the specified Leaf message. Does not implicitly {@link cotrain.v1.Leaf.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.Leaf
             * @static
             * @param {cotrain.v1.Leaf.$Properties} message Leaf message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Leaf.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress") && message.workerAddress.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.workerAddress);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.index);
                if (message.weightsHash != null && $Object.hasOwnProperty.call(message, "weightsHash") && message.weightsHash.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.weightsHash);
                if (message.optimizerHash != null && $Object.hasOwnProperty.call(message, "optimizerHash") && message.optimizerHash.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.optimizerHash);
                if (message.batchHash != null && $Object.hasOwnProperty.call(message, "batchHash") && message.batchHash.length)
                    writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.batchHash);
                if (message.loss != null && $Object.hasOwnProperty.call(message, "loss") && !$Object.is(message.loss, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.loss);
                if (message.updateNorm != null && $Object.hasOwnProperty.call(message, "updateNorm") && !$Object.is(message.updateNorm, 0))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.updateNorm);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Leaf message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.Leaf
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.Leaf & cotrain.v1.Leaf.$Shape} Leaf
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Leaf.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.Leaf();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.workerAddress = value;
                            else
                                delete message.workerAddress;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.weightsHash = value;
                            else
                                delete message.weightsHash;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.optimizerHash = value;
                            else
                                delete message.optimizerHash;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.batchHash = value;
                            else
                                delete message.batchHash;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.loss = value;
                            else
                                delete message.loss;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.updateNorm = value;
                            else
                                delete message.updateNorm;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Leaf message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.Leaf
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.Leaf} Leaf
             */
            Leaf.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.Leaf)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.Leaf: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.Leaf();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.workerAddress != null)
                    if (object.workerAddress.length)
                        if (typeof object.workerAddress === "string")
                            $util.base64.decode(object.workerAddress, message.workerAddress = $util.newBuffer($util.base64.length(object.workerAddress)), 0);
                        else if (object.workerAddress.length >= 0)
                            message.workerAddress = object.workerAddress;
                if (object.index != null)
                    if ($Number(object.index) !== 0)
                        message.index = object.index >>> 0;
                if (object.weightsHash != null)
                    if (object.weightsHash.length)
                        if (typeof object.weightsHash === "string")
                            $util.base64.decode(object.weightsHash, message.weightsHash = $util.newBuffer($util.base64.length(object.weightsHash)), 0);
                        else if (object.weightsHash.length >= 0)
                            message.weightsHash = object.weightsHash;
                if (object.optimizerHash != null)
                    if (object.optimizerHash.length)
                        if (typeof object.optimizerHash === "string")
                            $util.base64.decode(object.optimizerHash, message.optimizerHash = $util.newBuffer($util.base64.length(object.optimizerHash)), 0);
                        else if (object.optimizerHash.length >= 0)
                            message.optimizerHash = object.optimizerHash;
                if (object.batchHash != null)
                    if (object.batchHash.length)
                        if (typeof object.batchHash === "string")
                            $util.base64.decode(object.batchHash, message.batchHash = $util.newBuffer($util.base64.length(object.batchHash)), 0);
                        else if (object.batchHash.length >= 0)
                            message.batchHash = object.batchHash;
                if (object.loss != null)
                    if (!$Object.is($Number(object.loss), 0))
                        message.loss = $Number(object.loss);
                if (object.updateNorm != null)
                    if (!$Object.is($Number(object.updateNorm), 0))
                        message.updateNorm = $Number(object.updateNorm);
                return message;
            };

            /**
             * Creates a plain object from a Leaf message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.Leaf
             * @static
             * @param {cotrain.v1.Leaf} message Leaf
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Leaf.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.round = 0;
                    if (options.bytes === $String)
                        object.workerAddress = "";
                    else {
                        object.workerAddress = [];
                        if (options.bytes !== $Array)
                            object.workerAddress = $util.newBuffer(object.workerAddress);
                    }
                    object.index = 0;
                    if (options.bytes === $String)
                        object.weightsHash = "";
                    else {
                        object.weightsHash = [];
                        if (options.bytes !== $Array)
                            object.weightsHash = $util.newBuffer(object.weightsHash);
                    }
                    if (options.bytes === $String)
                        object.optimizerHash = "";
                    else {
                        object.optimizerHash = [];
                        if (options.bytes !== $Array)
                            object.optimizerHash = $util.newBuffer(object.optimizerHash);
                    }
                    if (options.bytes === $String)
                        object.batchHash = "";
                    else {
                        object.batchHash = [];
                        if (options.bytes !== $Array)
                            object.batchHash = $util.newBuffer(object.batchHash);
                    }
                    object.loss = 0;
                    object.updateNorm = 0;
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress"))
                    object.workerAddress = options.bytes === $String ? $util.base64.encode(message.workerAddress, 0, message.workerAddress.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.workerAddress) : message.workerAddress;
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    object.index = message.index;
                if (message.weightsHash != null && $Object.hasOwnProperty.call(message, "weightsHash"))
                    object.weightsHash = options.bytes === $String ? $util.base64.encode(message.weightsHash, 0, message.weightsHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.weightsHash) : message.weightsHash;
                if (message.optimizerHash != null && $Object.hasOwnProperty.call(message, "optimizerHash"))
                    object.optimizerHash = options.bytes === $String ? $util.base64.encode(message.optimizerHash, 0, message.optimizerHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.optimizerHash) : message.optimizerHash;
                if (message.batchHash != null && $Object.hasOwnProperty.call(message, "batchHash"))
                    object.batchHash = options.bytes === $String ? $util.base64.encode(message.batchHash, 0, message.batchHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.batchHash) : message.batchHash;
                if (message.loss != null && $Object.hasOwnProperty.call(message, "loss"))
                    object.loss = options.json && !$isFinite(message.loss) ? $String(message.loss) : message.loss;
                if (message.updateNorm != null && $Object.hasOwnProperty.call(message, "updateNorm"))
                    object.updateNorm = options.json && !$isFinite(message.updateNorm) ? $String(message.updateNorm) : message.updateNorm;
                return object;
            };

            /**
             * Converts this Leaf to JSON.
             * @function toJSON
             * @memberof cotrain.v1.Leaf
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Leaf.prototype.toJSON = function() {
                return Leaf.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Leaf;
        })();

        v1.CheckpointReply = (function() {

            /**
             * Properties of a CheckpointReply.
             * @typedef {Object} cotrain.v1.CheckpointReply.$Properties
             * @property {number|null} [round] CheckpointReply round
             * @property {number|null} [index] CheckpointReply index
             * @property {cotrain.v1.Leaf.$Properties|null} [leaf] CheckpointReply leaf
             * @property {Array.<Uint8Array>|null} [proof] CheckpointReply proof
             * @property {Uint8Array|null} [checkpointId] CheckpointReply checkpointId
             * @property {number|null} [checkpointSize] CheckpointReply checkpointSize
             * @property {Uint8Array|null} [checkpoint] CheckpointReply checkpoint
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CheckpointReply.
             * @memberof cotrain.v1
             * @interface ICheckpointReply
             * @augments cotrain.v1.CheckpointReply.$Properties
             * @deprecated Use cotrain.v1.CheckpointReply.$Properties instead.
             */

            /**
             * Shape of a CheckpointReply.
             * @typedef {cotrain.v1.CheckpointReply.$Properties} cotrain.v1.CheckpointReply.$Shape
             */

            /**
             * Constructs a new CheckpointReply.
             * @memberof cotrain.v1
             * @classdesc Represents a CheckpointReply.
             * @constructor
             * @param {cotrain.v1.CheckpointReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CheckpointReply = function (properties) {
                this.proof = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CheckpointReply round.
             * @member {number} round
             * @memberof cotrain.v1.CheckpointReply
             * @instance
             */
            CheckpointReply.prototype.round = 0;

            /**
             * CheckpointReply index.
             * @member {number} index
             * @memberof cotrain.v1.CheckpointReply
             * @instance
             */
            CheckpointReply.prototype.index = 0;

            /**
             * CheckpointReply leaf.
             * @member {cotrain.v1.Leaf.$Properties|null|undefined} leaf
             * @memberof cotrain.v1.CheckpointReply
             * @instance
             */
            CheckpointReply.prototype.leaf = null;

            /**
             * CheckpointReply proof.
             * @member {Array.<Uint8Array>} proof
             * @memberof cotrain.v1.CheckpointReply
             * @instance
             */
            CheckpointReply.prototype.proof = $util.emptyArray;

            /**
             * CheckpointReply checkpointId.
             * @member {Uint8Array} checkpointId
             * @memberof cotrain.v1.CheckpointReply
             * @instance
             */
            CheckpointReply.prototype.checkpointId = $util.newBuffer([]);

            /**
             * CheckpointReply checkpointSize.
             * @member {number} checkpointSize
             * @memberof cotrain.v1.CheckpointReply
             * @instance
             */
            CheckpointReply.prototype.checkpointSize = 0;

            /**
             * CheckpointReply checkpoint.
             * @member {Uint8Array} checkpoint
             * @memberof cotrain.v1.CheckpointReply
             * @instance
             */
            CheckpointReply.prototype.checkpoint = $util.newBuffer([]);

            /**
             * Creates a new CheckpointReply instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.CheckpointReply
             * @static
             * @param {cotrain.v1.CheckpointReply.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.CheckpointReply} CheckpointReply instance
             * @type {{
             *   (properties: cotrain.v1.CheckpointReply.$Shape): cotrain.v1.CheckpointReply & cotrain.v1.CheckpointReply.$Shape;
             *   (properties?: cotrain.v1.CheckpointReply.$Properties): cotrain.v1.CheckpointReply;
             * }}
             */
            CheckpointReply.create = function(properties) {
                return new CheckpointReply(properties);
            };

            /**
             * Encodes the specified CheckpointReply message. Does not implicitly {@link cotrain.v1.CheckpointReply.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.CheckpointReply
             * @static
             * @param {cotrain.v1.CheckpointReply.$Properties} message CheckpointReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckpointReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.index);
                if (message.leaf != null && $Object.hasOwnProperty.call(message, "leaf"))
                    $root.cotrain.v1.Leaf.encode(message.leaf, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.proof != null && message.proof.length)
                    for (let i = 0; i < message.proof.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.proof[i]);
                if (message.checkpointId != null && $Object.hasOwnProperty.call(message, "checkpointId") && message.checkpointId.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.checkpointId);
                if (message.checkpointSize != null && $Object.hasOwnProperty.call(message, "checkpointSize") && message.checkpointSize !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.checkpointSize);
                if (message.checkpoint != null && $Object.hasOwnProperty.call(message, "checkpoint") && message.checkpoint.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.checkpoint);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CheckpointReply message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.CheckpointReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.CheckpointReply & cotrain.v1.CheckpointReply.$Shape} CheckpointReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckpointReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.CheckpointReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.leaf = $root.cotrain.v1.Leaf.decode(reader, reader.size(), $undefined, _depth + 1, message.leaf);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.proof && message.proof.length))
                                message.proof = [];
                            message.proof.push(reader.bytes());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.checkpointId = value;
                            else
                                delete message.checkpointId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.checkpointSize = value;
                            else
                                delete message.checkpointSize;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.checkpoint = value;
                            else
                                delete message.checkpoint;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a CheckpointReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.CheckpointReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.CheckpointReply} CheckpointReply
             */
            CheckpointReply.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.CheckpointReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.CheckpointReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.CheckpointReply();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.index != null)
                    if ($Number(object.index) !== 0)
                        message.index = object.index >>> 0;
                if (object.leaf != null) {
                    if (!$util.isObject(object.leaf))
                        throw $TypeError(".cotrain.v1.CheckpointReply.leaf: object expected");
                    message.leaf = $root.cotrain.v1.Leaf.fromObject(object.leaf, _depth + 1);
                }
                if (object.proof) {
                    if (!$Array.isArray(object.proof))
                        throw $TypeError(".cotrain.v1.CheckpointReply.proof: array expected");
                    message.proof = $Array(object.proof.length);
                    for (let i = 0; i < object.proof.length; ++i)
                        if (typeof object.proof[i] === "string")
                            $util.base64.decode(object.proof[i], message.proof[i] = $util.newBuffer($util.base64.length(object.proof[i])), 0);
                        else if (object.proof[i].length >= 0)
                            message.proof[i] = object.proof[i];
                }
                if (object.checkpointId != null)
                    if (object.checkpointId.length)
                        if (typeof object.checkpointId === "string")
                            $util.base64.decode(object.checkpointId, message.checkpointId = $util.newBuffer($util.base64.length(object.checkpointId)), 0);
                        else if (object.checkpointId.length >= 0)
                            message.checkpointId = object.checkpointId;
                if (object.checkpointSize != null)
                    if ($Number(object.checkpointSize) !== 0)
                        message.checkpointSize = object.checkpointSize >>> 0;
                if (object.checkpoint != null)
                    if (object.checkpoint.length)
                        if (typeof object.checkpoint === "string")
                            $util.base64.decode(object.checkpoint, message.checkpoint = $util.newBuffer($util.base64.length(object.checkpoint)), 0);
                        else if (object.checkpoint.length >= 0)
                            message.checkpoint = object.checkpoint;
                return message;
            };

            /**
             * Creates a plain object from a CheckpointReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.CheckpointReply
             * @static
             * @param {cotrain.v1.CheckpointReply} message CheckpointReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CheckpointReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.proof = [];
                if (options.defaults) {
                    object.round = 0;
                    object.index = 0;
                    object.leaf = null;
                    if (options.bytes === $String)
                        object.checkpointId = "";
                    else {
                        object.checkpointId = [];
                        if (options.bytes !== $Array)
                            object.checkpointId = $util.newBuffer(object.checkpointId);
                    }
                    object.checkpointSize = 0;
                    if (options.bytes === $String)
                        object.checkpoint = "";
                    else {
                        object.checkpoint = [];
                        if (options.bytes !== $Array)
                            object.checkpoint = $util.newBuffer(object.checkpoint);
                    }
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    object.index = message.index;
                if (message.leaf != null && $Object.hasOwnProperty.call(message, "leaf"))
                    object.leaf = $root.cotrain.v1.Leaf.toObject(message.leaf, options, _depth + 1);
                if (message.proof && message.proof.length) {
                    object.proof = $Array(message.proof.length);
                    for (let j = 0; j < message.proof.length; ++j)
                        object.proof[j] = options.bytes === $String ? $util.base64.encode(message.proof[j], 0, message.proof[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.proof[j]) : message.proof[j];
                }
                if (message.checkpointId != null && $Object.hasOwnProperty.call(message, "checkpointId"))
                    object.checkpointId = options.bytes === $String ? $util.base64.encode(message.checkpointId, 0, message.checkpointId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.checkpointId) : message.checkpointId;
                if (message.checkpointSize != null && $Object.hasOwnProperty.call(message, "checkpointSize"))
                    object.checkpointSize = message.checkpointSize;
                if (message.checkpoint != null && $Object.hasOwnProperty.call(message, "checkpoint"))
                    object.checkpoint = options.bytes === $String ? $util.base64.encode(message.checkpoint, 0, message.checkpoint.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.checkpoint) : message.checkpoint;
                return object;
            };

            /**
             * Converts this CheckpointReply to JSON.
             * @function toJSON
             * @memberof cotrain.v1.CheckpointReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CheckpointReply.prototype.toJSON = function() {
                return CheckpointReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CheckpointReply;
        })();

        v1.CheckpointResponse = (function() {

            /**
             * Properties of a CheckpointResponse.
             * @typedef {Object} cotrain.v1.CheckpointResponse.$Properties
             * @property {cotrain.v1.CheckpointReply.$Properties|null} [reply] CheckpointResponse reply
             * @property {cotrain.v1.Error.$Properties|null} [error] CheckpointResponse error
             * @property {"reply"|"error"} [result] CheckpointResponse result
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CheckpointResponse.
             * @memberof cotrain.v1
             * @interface ICheckpointResponse
             * @augments cotrain.v1.CheckpointResponse.$Properties
             * @deprecated Use cotrain.v1.CheckpointResponse.$Properties instead.
             */

            /**
             * Narrowed shape of a CheckpointResponse.
             * @typedef {{
             *   reply?: cotrain.v1.CheckpointReply.$Shape|null;
             *   error?: cotrain.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ result?: undefined; reply?: null; error?: null }|{ result?: "reply"; reply: cotrain.v1.CheckpointReply.$Shape; error?: null }|{ result?: "error"; reply?: null; error: cotrain.v1.Error.$Shape })
             * )} cotrain.v1.CheckpointResponse.$Shape
             */

            /**
             * Constructs a new CheckpointResponse.
             * @memberof cotrain.v1
             * @classdesc Represents a CheckpointResponse.
             * @constructor
             * @param {cotrain.v1.CheckpointResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CheckpointResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CheckpointResponse reply.
             * @member {cotrain.v1.CheckpointReply.$Properties|null|undefined} reply
             * @memberof cotrain.v1.CheckpointResponse
             * @instance
             */
            CheckpointResponse.prototype.reply = null;

            /**
             * CheckpointResponse error.
             * @member {cotrain.v1.Error.$Properties|null|undefined} error
             * @memberof cotrain.v1.CheckpointResponse
             * @instance
             */
            CheckpointResponse.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * CheckpointResponse result.
             * @member {"reply"|"error"|undefined} result
             * @memberof cotrain.v1.CheckpointResponse
             * @instance
             */
            $Object.defineProperty(CheckpointResponse.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["reply", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new CheckpointResponse instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.CheckpointResponse
             * @static
             * @param {cotrain.v1.CheckpointResponse.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.CheckpointResponse} CheckpointResponse instance
             * @type {{
             *   (properties: cotrain.v1.CheckpointResponse.$Shape): cotrain.v1.CheckpointResponse & cotrain.v1.CheckpointResponse.$Shape;
             *   (properties?: cotrain.v1.CheckpointResponse.$Properties): cotrain.v1.CheckpointResponse;
             * }}
             */
            CheckpointResponse.create = function(properties) {
                return new CheckpointResponse(properties);
            };

            /**
             * Encodes the specified CheckpointResponse message. Does not implicitly {@link cotrain.v1.CheckpointResponse.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.CheckpointResponse
             * @static
             * @param {cotrain.v1.CheckpointResponse.$Properties} message CheckpointResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckpointResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reply != null && $Object.hasOwnProperty.call(message, "reply"))
                    $root.cotrain.v1.CheckpointReply.encode(message.reply, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.cotrain.v1.Error.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CheckpointResponse message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.CheckpointResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.CheckpointResponse & cotrain.v1.CheckpointResponse.$Shape} CheckpointResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckpointResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.CheckpointResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.reply = $root.cotrain.v1.CheckpointReply.decode(reader, reader.size(), $undefined, _depth + 1, message.reply);
                            message.result = "reply";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.cotrain.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.result = "error";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a CheckpointResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.CheckpointResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.CheckpointResponse} CheckpointResponse
             */
            CheckpointResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.CheckpointResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.CheckpointResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.CheckpointResponse();
                if (object.reply != null) {
                    if (!$util.isObject(object.reply))
                        throw $TypeError(".cotrain.v1.CheckpointResponse.reply: object expected");
                    message.reply = $root.cotrain.v1.CheckpointReply.fromObject(object.reply, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".cotrain.v1.CheckpointResponse.error: object expected");
                    message.error = $root.cotrain.v1.Error.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a CheckpointResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.CheckpointResponse
             * @static
             * @param {cotrain.v1.CheckpointResponse} message CheckpointResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CheckpointResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.reply != null && $Object.hasOwnProperty.call(message, "reply")) {
                    object.reply = $root.cotrain.v1.CheckpointReply.toObject(message.reply, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "reply";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.cotrain.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "error";
                }
                return object;
            };

            /**
             * Converts this CheckpointResponse to JSON.
             * @function toJSON
             * @memberof cotrain.v1.CheckpointResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CheckpointResponse.prototype.toJSON = function() {
                return CheckpointResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CheckpointResponse;
        })();

        v1.ContentRequest = (function() {

            /**
             * Properties of a ContentRequest.
             * @typedef {Object} cotrain.v1.ContentRequest.$Properties
             * @property {Uint8Array|null} [contentId] ContentRequest contentId
             * @property {number|null} [offset] ContentRequest offset
             * @property {number|null} [maxLength] ContentRequest maxLength
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ContentRequest.
             * @memberof cotrain.v1
             * @interface IContentRequest
             * @augments cotrain.v1.ContentRequest.$Properties
             * @deprecated Use cotrain.v1.ContentRequest.$Properties instead.
             */

            /**
             * Shape of a ContentRequest.
             * @typedef {cotrain.v1.ContentRequest.$Properties} cotrain.v1.ContentRequest.$Shape
             */

            /**
             * Constructs a new ContentRequest.
             * @memberof cotrain.v1
             * @classdesc Represents a ContentRequest.
             * @constructor
             * @param {cotrain.v1.ContentRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ContentRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ContentRequest contentId.
             * @member {Uint8Array} contentId
             * @memberof cotrain.v1.ContentRequest
             * @instance
             */
            ContentRequest.prototype.contentId = $util.newBuffer([]);

            /**
             * ContentRequest offset.
             * @member {number} offset
             * @memberof cotrain.v1.ContentRequest
             * @instance
             */
            ContentRequest.prototype.offset = 0;

            /**
             * ContentRequest maxLength.
             * @member {number} maxLength
             * @memberof cotrain.v1.ContentRequest
             * @instance
             */
            ContentRequest.prototype.maxLength = 0;

            /**
             * Creates a new ContentRequest instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.ContentRequest
             * @static
             * @param {cotrain.v1.ContentRequest.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.ContentRequest} ContentRequest instance
             * @type {{
             *   (properties: cotrain.v1.ContentRequest.$Shape): cotrain.v1.ContentRequest & cotrain.v1.ContentRequest.$Shape;
             *   (properties?: cotrain.v1.ContentRequest.$Properties): cotrain.v1.ContentRequest;
             * }}
             */
            ContentRequest.create = function(properties) {
                return new ContentRequest(properties);
            };

            /**
             * Encodes the specified ContentRequest message. Does not implicitly {@link cotrain.v1.ContentRequest.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.ContentRequest
             * @static
             * @param {cotrain.v1.ContentRequest.$Properties} message ContentRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ContentRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId") && message.contentId.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.contentId);
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && message.offset !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.offset);
                if (message.maxLength != null && $Object.hasOwnProperty.call(message, "maxLength") && message.maxLength !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.maxLength);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ContentRequest message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.ContentRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.ContentRequest & cotrain.v1.ContentRequest.$Shape} ContentRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ContentRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.ContentRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.contentId = value;
                            else
                                delete message.contentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.offset = value;
                            else
                                delete message.offset;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxLength = value;
                            else
                                delete message.maxLength;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ContentRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.ContentRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.ContentRequest} ContentRequest
             */
            ContentRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.ContentRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.ContentRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.ContentRequest();
                if (object.contentId != null)
                    if (object.contentId.length)
                        if (typeof object.contentId === "string")
                            $util.base64.decode(object.contentId, message.contentId = $util.newBuffer($util.base64.length(object.contentId)), 0);
                        else if (object.contentId.length >= 0)
                            message.contentId = object.contentId;
                if (object.offset != null)
                    if ($Number(object.offset) !== 0)
                        message.offset = object.offset >>> 0;
                if (object.maxLength != null)
                    if ($Number(object.maxLength) !== 0)
                        message.maxLength = object.maxLength >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a ContentRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.ContentRequest
             * @static
             * @param {cotrain.v1.ContentRequest} message ContentRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ContentRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.contentId = "";
                    else {
                        object.contentId = [];
                        if (options.bytes !== $Array)
                            object.contentId = $util.newBuffer(object.contentId);
                    }
                    object.offset = 0;
                    object.maxLength = 0;
                }
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId"))
                    object.contentId = options.bytes === $String ? $util.base64.encode(message.contentId, 0, message.contentId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.contentId) : message.contentId;
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                    object.offset = message.offset;
                if (message.maxLength != null && $Object.hasOwnProperty.call(message, "maxLength"))
                    object.maxLength = message.maxLength;
                return object;
            };

            /**
             * Converts this ContentRequest to JSON.
             * @function toJSON
             * @memberof cotrain.v1.ContentRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ContentRequest.prototype.toJSON = function() {
                return ContentRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ContentRequest;
        })();

        v1.ContentChunk = (function() {

            /**
             * Properties of a ContentChunk.
             * @typedef {Object} cotrain.v1.ContentChunk.$Properties
             * @property {number|null} [offset] ContentChunk offset
             * @property {number|null} [totalSize] ContentChunk totalSize
             * @property {Uint8Array|null} [data] ContentChunk data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ContentChunk.
             * @memberof cotrain.v1
             * @interface IContentChunk
             * @augments cotrain.v1.ContentChunk.$Properties
             * @deprecated Use cotrain.v1.ContentChunk.$Properties instead.
             */

            /**
             * Shape of a ContentChunk.
             * @typedef {cotrain.v1.ContentChunk.$Properties} cotrain.v1.ContentChunk.$Shape
             */

            /**
             * Constructs a new ContentChunk.
             * @memberof cotrain.v1
             * @classdesc Represents a ContentChunk.
             * @constructor
             * @param {cotrain.v1.ContentChunk.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ContentChunk = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ContentChunk offset.
             * @member {number} offset
             * @memberof cotrain.v1.ContentChunk
             * @instance
             */
            ContentChunk.prototype.offset = 0;

            /**
             * ContentChunk totalSize.
             * @member {number} totalSize
             * @memberof cotrain.v1.ContentChunk
             * @instance
             */
            ContentChunk.prototype.totalSize = 0;

            /**
             * ContentChunk data.
             * @member {Uint8Array} data
             * @memberof cotrain.v1.ContentChunk
             * @instance
             */
            ContentChunk.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new ContentChunk instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.ContentChunk
             * @static
             * @param {cotrain.v1.ContentChunk.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.ContentChunk} ContentChunk instance
             * @type {{
             *   (properties: cotrain.v1.ContentChunk.$Shape): cotrain.v1.ContentChunk & cotrain.v1.ContentChunk.$Shape;
             *   (properties?: cotrain.v1.ContentChunk.$Properties): cotrain.v1.ContentChunk;
             * }}
             */
            ContentChunk.create = function(properties) {
                return new ContentChunk(properties);
            };

            /**
             * Encodes the specified ContentChunk message. Does not implicitly {@link cotrain.v1.ContentChunk.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.ContentChunk
             * @static
             * @param {cotrain.v1.ContentChunk.$Properties} message ContentChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ContentChunk.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && message.offset !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.offset);
                if (message.totalSize != null && $Object.hasOwnProperty.call(message, "totalSize") && message.totalSize !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.totalSize);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ContentChunk message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.ContentChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.ContentChunk & cotrain.v1.ContentChunk.$Shape} ContentChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ContentChunk.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.ContentChunk();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.offset = value;
                            else
                                delete message.offset;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.totalSize = value;
                            else
                                delete message.totalSize;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ContentChunk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.ContentChunk
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.ContentChunk} ContentChunk
             */
            ContentChunk.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.ContentChunk)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.ContentChunk: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.ContentChunk();
                if (object.offset != null)
                    if ($Number(object.offset) !== 0)
                        message.offset = object.offset >>> 0;
                if (object.totalSize != null)
                    if ($Number(object.totalSize) !== 0)
                        message.totalSize = object.totalSize >>> 0;
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                return message;
            };

            /**
             * Creates a plain object from a ContentChunk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.ContentChunk
             * @static
             * @param {cotrain.v1.ContentChunk} message ContentChunk
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ContentChunk.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.offset = 0;
                    object.totalSize = 0;
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                }
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                    object.offset = message.offset;
                if (message.totalSize != null && $Object.hasOwnProperty.call(message, "totalSize"))
                    object.totalSize = message.totalSize;
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                return object;
            };

            /**
             * Converts this ContentChunk to JSON.
             * @function toJSON
             * @memberof cotrain.v1.ContentChunk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ContentChunk.prototype.toJSON = function() {
                return ContentChunk.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ContentChunk;
        })();

        v1.ContentResponse = (function() {

            /**
             * Properties of a ContentResponse.
             * @typedef {Object} cotrain.v1.ContentResponse.$Properties
             * @property {cotrain.v1.ContentChunk.$Properties|null} [chunk] ContentResponse chunk
             * @property {cotrain.v1.Error.$Properties|null} [error] ContentResponse error
             * @property {"chunk"|"error"} [result] ContentResponse result
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ContentResponse.
             * @memberof cotrain.v1
             * @interface IContentResponse
             * @augments cotrain.v1.ContentResponse.$Properties
             * @deprecated Use cotrain.v1.ContentResponse.$Properties instead.
             */

            /**
             * Narrowed shape of a ContentResponse.
             * @typedef {{
             *   chunk?: cotrain.v1.ContentChunk.$Shape|null;
             *   error?: cotrain.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ result?: undefined; chunk?: null; error?: null }|{ result?: "chunk"; chunk: cotrain.v1.ContentChunk.$Shape; error?: null }|{ result?: "error"; chunk?: null; error: cotrain.v1.Error.$Shape })
             * )} cotrain.v1.ContentResponse.$Shape
             */

            /**
             * Constructs a new ContentResponse.
             * @memberof cotrain.v1
             * @classdesc Represents a ContentResponse.
             * @constructor
             * @param {cotrain.v1.ContentResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ContentResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ContentResponse chunk.
             * @member {cotrain.v1.ContentChunk.$Properties|null|undefined} chunk
             * @memberof cotrain.v1.ContentResponse
             * @instance
             */
            ContentResponse.prototype.chunk = null;

            /**
             * ContentResponse error.
             * @member {cotrain.v1.Error.$Properties|null|undefined} error
             * @memberof cotrain.v1.ContentResponse
             * @instance
             */
            ContentResponse.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * ContentResponse result.
             * @member {"chunk"|"error"|undefined} result
             * @memberof cotrain.v1.ContentResponse
             * @instance
             */
            $Object.defineProperty(ContentResponse.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["chunk", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new ContentResponse instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.ContentResponse
             * @static
             * @param {cotrain.v1.ContentResponse.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.ContentResponse} ContentResponse instance
             * @type {{
             *   (properties: cotrain.v1.ContentResponse.$Shape): cotrain.v1.ContentResponse & cotrain.v1.ContentResponse.$Shape;
             *   (properties?: cotrain.v1.ContentResponse.$Properties): cotrain.v1.ContentResponse;
             * }}
             */
            ContentResponse.create = function(properties) {
                return new ContentResponse(properties);
            };

            /**
             * Encodes the specified ContentResponse message. Does not implicitly {@link cotrain.v1.ContentResponse.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.ContentResponse
             * @static
             * @param {cotrain.v1.ContentResponse.$Properties} message ContentResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ContentResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    $root.cotrain.v1.ContentChunk.encode(message.chunk, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.cotrain.v1.Error.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ContentResponse message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.ContentResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.ContentResponse & cotrain.v1.ContentResponse.$Shape} ContentResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ContentResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.ContentResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.chunk = $root.cotrain.v1.ContentChunk.decode(reader, reader.size(), $undefined, _depth + 1, message.chunk);
                            message.result = "chunk";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.cotrain.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.result = "error";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ContentResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.ContentResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.ContentResponse} ContentResponse
             */
            ContentResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.ContentResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.ContentResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.ContentResponse();
                if (object.chunk != null) {
                    if (!$util.isObject(object.chunk))
                        throw $TypeError(".cotrain.v1.ContentResponse.chunk: object expected");
                    message.chunk = $root.cotrain.v1.ContentChunk.fromObject(object.chunk, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".cotrain.v1.ContentResponse.error: object expected");
                    message.error = $root.cotrain.v1.Error.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a ContentResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.ContentResponse
             * @static
             * @param {cotrain.v1.ContentResponse} message ContentResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ContentResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk")) {
                    object.chunk = $root.cotrain.v1.ContentChunk.toObject(message.chunk, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "chunk";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.cotrain.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "error";
                }
                return object;
            };

            /**
             * Converts this ContentResponse to JSON.
             * @function toJSON
             * @memberof cotrain.v1.ContentResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ContentResponse.prototype.toJSON = function() {
                return ContentResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ContentResponse;
        })();

        v1.DatasetShardInfo = (function() {

            /**
             * Properties of a DatasetShardInfo.
             * @typedef {Object} cotrain.v1.DatasetShardInfo.$Properties
             * @property {Uint8Array|null} [contentId] DatasetShardInfo contentId
             * @property {number|null} [samples] DatasetShardInfo samples
             * @property {number|null} [size] DatasetShardInfo size
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetShardInfo.
             * @memberof cotrain.v1
             * @interface IDatasetShardInfo
             * @augments cotrain.v1.DatasetShardInfo.$Properties
             * @deprecated Use cotrain.v1.DatasetShardInfo.$Properties instead.
             */

            /**
             * Shape of a DatasetShardInfo.
             * @typedef {cotrain.v1.DatasetShardInfo.$Properties} cotrain.v1.DatasetShardInfo.$Shape
             */

            /**
             * Constructs a new DatasetShardInfo.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetShardInfo.
             * @constructor
             * @param {cotrain.v1.DatasetShardInfo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetShardInfo = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetShardInfo contentId.
             * @member {Uint8Array} contentId
             * @memberof cotrain.v1.DatasetShardInfo
             * @instance
             */
            DatasetShardInfo.prototype.contentId = $util.newBuffer([]);

            /**
             * DatasetShardInfo samples.
             * @member {number} samples
             * @memberof cotrain.v1.DatasetShardInfo
             * @instance
             */
            DatasetShardInfo.prototype.samples = 0;

            /**
             * DatasetShardInfo size.
             * @member {number} size
             * @memberof cotrain.v1.DatasetShardInfo
             * @instance
             */
            DatasetShardInfo.prototype.size = 0;

            /**
             * Creates a new DatasetShardInfo instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetShardInfo
             * @static
             * @param {cotrain.v1.DatasetShardInfo.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetShardInfo} DatasetShardInfo instance
             * @type {{
             *   (properties: cotrain.v1.DatasetShardInfo.$Shape): cotrain.v1.DatasetShardInfo & cotrain.v1.DatasetShardInfo.$Shape;
             *   (properties?: cotrain.v1.DatasetShardInfo.$Properties): cotrain.v1.DatasetShardInfo;
             * }}
             */
            DatasetShardInfo.create = function(properties) {
                return new DatasetShardInfo(properties);
            };

            /**
             * Encodes the specified DatasetShardInfo message. Does not implicitly {@link cotrain.v1.DatasetShardInfo.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetShardInfo
             * @static
             * @param {cotrain.v1.DatasetShardInfo.$Properties} message DatasetShardInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetShardInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId") && message.contentId.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.contentId);
                if (message.samples != null && $Object.hasOwnProperty.call(message, "samples") && message.samples !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.samples);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && message.size !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.size);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetShardInfo message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetShardInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetShardInfo & cotrain.v1.DatasetShardInfo.$Shape} DatasetShardInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetShardInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetShardInfo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.contentId = value;
                            else
                                delete message.contentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.samples = value;
                            else
                                delete message.samples;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetShardInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetShardInfo
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetShardInfo} DatasetShardInfo
             */
            DatasetShardInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetShardInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetShardInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetShardInfo();
                if (object.contentId != null)
                    if (object.contentId.length)
                        if (typeof object.contentId === "string")
                            $util.base64.decode(object.contentId, message.contentId = $util.newBuffer($util.base64.length(object.contentId)), 0);
                        else if (object.contentId.length >= 0)
                            message.contentId = object.contentId;
                if (object.samples != null)
                    if ($Number(object.samples) !== 0)
                        message.samples = object.samples >>> 0;
                if (object.size != null)
                    if ($Number(object.size) !== 0)
                        message.size = object.size >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a DatasetShardInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetShardInfo
             * @static
             * @param {cotrain.v1.DatasetShardInfo} message DatasetShardInfo
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetShardInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.contentId = "";
                    else {
                        object.contentId = [];
                        if (options.bytes !== $Array)
                            object.contentId = $util.newBuffer(object.contentId);
                    }
                    object.samples = 0;
                    object.size = 0;
                }
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId"))
                    object.contentId = options.bytes === $String ? $util.base64.encode(message.contentId, 0, message.contentId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.contentId) : message.contentId;
                if (message.samples != null && $Object.hasOwnProperty.call(message, "samples"))
                    object.samples = message.samples;
                if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                    object.size = message.size;
                return object;
            };

            /**
             * Converts this DatasetShardInfo to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetShardInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetShardInfo.prototype.toJSON = function() {
                return DatasetShardInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetShardInfo;
        })();

        v1.DatasetManifest = (function() {

            /**
             * Properties of a DatasetManifest.
             * @typedef {Object} cotrain.v1.DatasetManifest.$Properties
             * @property {number|null} [version] DatasetManifest version
             * @property {Array.<number>|null} [sampleShape] DatasetManifest sampleShape
             * @property {number|null} [numClasses] DatasetManifest numClasses
             * @property {number|null} [totalSamples] DatasetManifest totalSamples
             * @property {Array.<number>|null} [labelHistogram] DatasetManifest labelHistogram
             * @property {Array.<cotrain.v1.DatasetShardInfo.$Properties>|null} [shards] DatasetManifest shards
             * @property {string|null} [tokenizerJson] DatasetManifest tokenizerJson
             * @property {Array.<cotrain.v1.DatasetShardInfo.$Properties>|null} [heldOut] DatasetManifest heldOut
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetManifest.
             * @memberof cotrain.v1
             * @interface IDatasetManifest
             * @augments cotrain.v1.DatasetManifest.$Properties
             * @deprecated Use cotrain.v1.DatasetManifest.$Properties instead.
             */

            /**
             * Shape of a DatasetManifest.
             * @typedef {cotrain.v1.DatasetManifest.$Properties} cotrain.v1.DatasetManifest.$Shape
             */

            /**
             * Constructs a new DatasetManifest.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetManifest.
             * @constructor
             * @param {cotrain.v1.DatasetManifest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetManifest = function (properties) {
                this.sampleShape = [];
                this.labelHistogram = [];
                this.shards = [];
                this.heldOut = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetManifest version.
             * @member {number} version
             * @memberof cotrain.v1.DatasetManifest
             * @instance
             */
            DatasetManifest.prototype.version = 0;

            /**
             * DatasetManifest sampleShape.
             * @member {Array.<number>} sampleShape
             * @memberof cotrain.v1.DatasetManifest
             * @instance
             */
            DatasetManifest.prototype.sampleShape = $util.emptyArray;

            /**
             * DatasetManifest numClasses.
             * @member {number} numClasses
             * @memberof cotrain.v1.DatasetManifest
             * @instance
             */
            DatasetManifest.prototype.numClasses = 0;

            /**
             * DatasetManifest totalSamples.
             * @member {number} totalSamples
             * @memberof cotrain.v1.DatasetManifest
             * @instance
             */
            DatasetManifest.prototype.totalSamples = 0;

            /**
             * DatasetManifest labelHistogram.
             * @member {Array.<number>} labelHistogram
             * @memberof cotrain.v1.DatasetManifest
             * @instance
             */
            DatasetManifest.prototype.labelHistogram = $util.emptyArray;

            /**
             * DatasetManifest shards.
             * @member {Array.<cotrain.v1.DatasetShardInfo.$Properties>} shards
             * @memberof cotrain.v1.DatasetManifest
             * @instance
             */
            DatasetManifest.prototype.shards = $util.emptyArray;

            /**
             * DatasetManifest tokenizerJson.
             * @member {string} tokenizerJson
             * @memberof cotrain.v1.DatasetManifest
             * @instance
             */
            DatasetManifest.prototype.tokenizerJson = "";

            /**
             * DatasetManifest heldOut.
             * @member {Array.<cotrain.v1.DatasetShardInfo.$Properties>} heldOut
             * @memberof cotrain.v1.DatasetManifest
             * @instance
             */
            DatasetManifest.prototype.heldOut = $util.emptyArray;

            /**
             * Creates a new DatasetManifest instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetManifest
             * @static
             * @param {cotrain.v1.DatasetManifest.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetManifest} DatasetManifest instance
             * @type {{
             *   (properties: cotrain.v1.DatasetManifest.$Shape): cotrain.v1.DatasetManifest & cotrain.v1.DatasetManifest.$Shape;
             *   (properties?: cotrain.v1.DatasetManifest.$Properties): cotrain.v1.DatasetManifest;
             * }}
             */
            DatasetManifest.create = function(properties) {
                return new DatasetManifest(properties);
            };

            /**
             * Encodes the specified DatasetManifest message. Does not implicitly {@link cotrain.v1.DatasetManifest.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetManifest
             * @static
             * @param {cotrain.v1.DatasetManifest.$Properties} message DatasetManifest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetManifest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.sampleShape != null && message.sampleShape.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.sampleShape);
                if (message.numClasses != null && $Object.hasOwnProperty.call(message, "numClasses") && message.numClasses !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.numClasses);
                if (message.totalSamples != null && $Object.hasOwnProperty.call(message, "totalSamples") && message.totalSamples !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.totalSamples);
                if (message.labelHistogram != null && message.labelHistogram.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).uint32s(message.labelHistogram);
                if (message.shards != null && message.shards.length)
                    for (let i = 0; i < message.shards.length; ++i)
                        $root.cotrain.v1.DatasetShardInfo.encode(message.shards[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.tokenizerJson != null && $Object.hasOwnProperty.call(message, "tokenizerJson") && message.tokenizerJson !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.tokenizerJson);
                if (message.heldOut != null && message.heldOut.length)
                    for (let i = 0; i < message.heldOut.length; ++i)
                        $root.cotrain.v1.DatasetShardInfo.encode(message.heldOut[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetManifest message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetManifest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetManifest & cotrain.v1.DatasetManifest.$Shape} DatasetManifest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetManifest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetManifest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.sampleShape && message.sampleShape.length))
                                    message.sampleShape = [];
                                reader.uint32s(message.sampleShape);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.sampleShape && message.sampleShape.length))
                                message.sampleShape = [];
                            message.sampleShape.push(reader.uint32());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.numClasses = value;
                            else
                                delete message.numClasses;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.totalSamples = value;
                            else
                                delete message.totalSamples;
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.labelHistogram && message.labelHistogram.length))
                                    message.labelHistogram = [];
                                reader.uint32s(message.labelHistogram);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.labelHistogram && message.labelHistogram.length))
                                message.labelHistogram = [];
                            message.labelHistogram.push(reader.uint32());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.shards && message.shards.length))
                                message.shards = [];
                            message.shards.push($root.cotrain.v1.DatasetShardInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tokenizerJson = value;
                            else
                                delete message.tokenizerJson;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.heldOut && message.heldOut.length))
                                message.heldOut = [];
                            message.heldOut.push($root.cotrain.v1.DatasetShardInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetManifest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetManifest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetManifest} DatasetManifest
             */
            DatasetManifest.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetManifest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetManifest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetManifest();
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version >>> 0;
                if (object.sampleShape) {
                    if (!$Array.isArray(object.sampleShape))
                        throw $TypeError(".cotrain.v1.DatasetManifest.sampleShape: array expected");
                    message.sampleShape = $Array(object.sampleShape.length);
                    for (let i = 0; i < object.sampleShape.length; ++i)
                        message.sampleShape[i] = object.sampleShape[i] >>> 0;
                }
                if (object.numClasses != null)
                    if ($Number(object.numClasses) !== 0)
                        message.numClasses = object.numClasses >>> 0;
                if (object.totalSamples != null)
                    if ($Number(object.totalSamples) !== 0)
                        message.totalSamples = object.totalSamples >>> 0;
                if (object.labelHistogram) {
                    if (!$Array.isArray(object.labelHistogram))
                        throw $TypeError(".cotrain.v1.DatasetManifest.labelHistogram: array expected");
                    message.labelHistogram = $Array(object.labelHistogram.length);
                    for (let i = 0; i < object.labelHistogram.length; ++i)
                        message.labelHistogram[i] = object.labelHistogram[i] >>> 0;
                }
                if (object.shards) {
                    if (!$Array.isArray(object.shards))
                        throw $TypeError(".cotrain.v1.DatasetManifest.shards: array expected");
                    message.shards = $Array(object.shards.length);
                    for (let i = 0; i < object.shards.length; ++i) {
                        if (!$util.isObject(object.shards[i]))
                            throw $TypeError(".cotrain.v1.DatasetManifest.shards: object expected");
                        message.shards[i] = $root.cotrain.v1.DatasetShardInfo.fromObject(object.shards[i], _depth + 1);
                    }
                }
                if (object.tokenizerJson != null)
                    if (typeof object.tokenizerJson !== "string" || object.tokenizerJson.length)
                        message.tokenizerJson = $String(object.tokenizerJson);
                if (object.heldOut) {
                    if (!$Array.isArray(object.heldOut))
                        throw $TypeError(".cotrain.v1.DatasetManifest.heldOut: array expected");
                    message.heldOut = $Array(object.heldOut.length);
                    for (let i = 0; i < object.heldOut.length; ++i) {
                        if (!$util.isObject(object.heldOut[i]))
                            throw $TypeError(".cotrain.v1.DatasetManifest.heldOut: object expected");
                        message.heldOut[i] = $root.cotrain.v1.DatasetShardInfo.fromObject(object.heldOut[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a DatasetManifest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetManifest
             * @static
             * @param {cotrain.v1.DatasetManifest} message DatasetManifest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetManifest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.sampleShape = [];
                    object.labelHistogram = [];
                    object.shards = [];
                    object.heldOut = [];
                }
                if (options.defaults) {
                    object.version = 0;
                    object.numClasses = 0;
                    object.totalSamples = 0;
                    object.tokenizerJson = "";
                }
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.sampleShape && message.sampleShape.length) {
                    object.sampleShape = $Array(message.sampleShape.length);
                    for (let j = 0; j < message.sampleShape.length; ++j)
                        object.sampleShape[j] = message.sampleShape[j];
                }
                if (message.numClasses != null && $Object.hasOwnProperty.call(message, "numClasses"))
                    object.numClasses = message.numClasses;
                if (message.totalSamples != null && $Object.hasOwnProperty.call(message, "totalSamples"))
                    object.totalSamples = message.totalSamples;
                if (message.labelHistogram && message.labelHistogram.length) {
                    object.labelHistogram = $Array(message.labelHistogram.length);
                    for (let j = 0; j < message.labelHistogram.length; ++j)
                        object.labelHistogram[j] = message.labelHistogram[j];
                }
                if (message.shards && message.shards.length) {
                    object.shards = $Array(message.shards.length);
                    for (let j = 0; j < message.shards.length; ++j)
                        object.shards[j] = $root.cotrain.v1.DatasetShardInfo.toObject(message.shards[j], options, _depth + 1);
                }
                if (message.tokenizerJson != null && $Object.hasOwnProperty.call(message, "tokenizerJson"))
                    object.tokenizerJson = message.tokenizerJson;
                if (message.heldOut && message.heldOut.length) {
                    object.heldOut = $Array(message.heldOut.length);
                    for (let j = 0; j < message.heldOut.length; ++j)
                        object.heldOut[j] = $root.cotrain.v1.DatasetShardInfo.toObject(message.heldOut[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this DatasetManifest to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetManifest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetManifest.prototype.toJSON = function() {
                return DatasetManifest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetManifest;
        })();

        v1.DatasetOffer = (function() {

            /**
             * Properties of a DatasetOffer.
             * @typedef {Object} cotrain.v1.DatasetOffer.$Properties
             * @property {cotrain.v1.DatasetManifest.$Properties|null} [manifest] DatasetOffer manifest
             * @property {Uint8Array|null} [contributorAddress] DatasetOffer contributorAddress
             * @property {number|null} [issuedAt] DatasetOffer issuedAt
             * @property {Uint8Array|null} [nonce] DatasetOffer nonce
             * @property {Uint8Array|null} [signature] DatasetOffer signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetOffer.
             * @memberof cotrain.v1
             * @interface IDatasetOffer
             * @augments cotrain.v1.DatasetOffer.$Properties
             * @deprecated Use cotrain.v1.DatasetOffer.$Properties instead.
             */

            /**
             * Shape of a DatasetOffer.
             * @typedef {cotrain.v1.DatasetOffer.$Properties} cotrain.v1.DatasetOffer.$Shape
             */

            /**
             * Constructs a new DatasetOffer.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetOffer.
             * @constructor
             * @param {cotrain.v1.DatasetOffer.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetOffer = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetOffer manifest.
             * @member {cotrain.v1.DatasetManifest.$Properties|null|undefined} manifest
             * @memberof cotrain.v1.DatasetOffer
             * @instance
             */
            DatasetOffer.prototype.manifest = null;

            /**
             * DatasetOffer contributorAddress.
             * @member {Uint8Array} contributorAddress
             * @memberof cotrain.v1.DatasetOffer
             * @instance
             */
            DatasetOffer.prototype.contributorAddress = $util.newBuffer([]);

            /**
             * DatasetOffer issuedAt.
             * @member {number} issuedAt
             * @memberof cotrain.v1.DatasetOffer
             * @instance
             */
            DatasetOffer.prototype.issuedAt = 0;

            /**
             * DatasetOffer nonce.
             * @member {Uint8Array} nonce
             * @memberof cotrain.v1.DatasetOffer
             * @instance
             */
            DatasetOffer.prototype.nonce = $util.newBuffer([]);

            /**
             * DatasetOffer signature.
             * @member {Uint8Array} signature
             * @memberof cotrain.v1.DatasetOffer
             * @instance
             */
            DatasetOffer.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new DatasetOffer instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetOffer
             * @static
             * @param {cotrain.v1.DatasetOffer.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetOffer} DatasetOffer instance
             * @type {{
             *   (properties: cotrain.v1.DatasetOffer.$Shape): cotrain.v1.DatasetOffer & cotrain.v1.DatasetOffer.$Shape;
             *   (properties?: cotrain.v1.DatasetOffer.$Properties): cotrain.v1.DatasetOffer;
             * }}
             */
            DatasetOffer.create = function(properties) {
                return new DatasetOffer(properties);
            };

            /**
             * Encodes the specified DatasetOffer message. Does not implicitly {@link cotrain.v1.DatasetOffer.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetOffer
             * @static
             * @param {cotrain.v1.DatasetOffer.$Properties} message DatasetOffer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetOffer.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.manifest != null && $Object.hasOwnProperty.call(message, "manifest"))
                    $root.cotrain.v1.DatasetManifest.encode(message.manifest, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.contributorAddress != null && $Object.hasOwnProperty.call(message, "contributorAddress") && message.contributorAddress.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.contributorAddress);
                if (message.issuedAt != null && $Object.hasOwnProperty.call(message, "issuedAt") && message.issuedAt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.issuedAt);
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.nonce);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetOffer message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetOffer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetOffer & cotrain.v1.DatasetOffer.$Shape} DatasetOffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetOffer.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetOffer();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.manifest = $root.cotrain.v1.DatasetManifest.decode(reader, reader.size(), $undefined, _depth + 1, message.manifest);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.contributorAddress = value;
                            else
                                delete message.contributorAddress;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.issuedAt = value;
                            else
                                delete message.issuedAt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetOffer message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetOffer
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetOffer} DatasetOffer
             */
            DatasetOffer.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetOffer)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetOffer: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetOffer();
                if (object.manifest != null) {
                    if (!$util.isObject(object.manifest))
                        throw $TypeError(".cotrain.v1.DatasetOffer.manifest: object expected");
                    message.manifest = $root.cotrain.v1.DatasetManifest.fromObject(object.manifest, _depth + 1);
                }
                if (object.contributorAddress != null)
                    if (object.contributorAddress.length)
                        if (typeof object.contributorAddress === "string")
                            $util.base64.decode(object.contributorAddress, message.contributorAddress = $util.newBuffer($util.base64.length(object.contributorAddress)), 0);
                        else if (object.contributorAddress.length >= 0)
                            message.contributorAddress = object.contributorAddress;
                if (object.issuedAt != null)
                    if ($Number(object.issuedAt) !== 0)
                        message.issuedAt = object.issuedAt >>> 0;
                if (object.nonce != null)
                    if (object.nonce.length)
                        if (typeof object.nonce === "string")
                            $util.base64.decode(object.nonce, message.nonce = $util.newBuffer($util.base64.length(object.nonce)), 0);
                        else if (object.nonce.length >= 0)
                            message.nonce = object.nonce;
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                return message;
            };

            /**
             * Creates a plain object from a DatasetOffer message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetOffer
             * @static
             * @param {cotrain.v1.DatasetOffer} message DatasetOffer
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetOffer.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.manifest = null;
                    if (options.bytes === $String)
                        object.contributorAddress = "";
                    else {
                        object.contributorAddress = [];
                        if (options.bytes !== $Array)
                            object.contributorAddress = $util.newBuffer(object.contributorAddress);
                    }
                    object.issuedAt = 0;
                    if (options.bytes === $String)
                        object.nonce = "";
                    else {
                        object.nonce = [];
                        if (options.bytes !== $Array)
                            object.nonce = $util.newBuffer(object.nonce);
                    }
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                }
                if (message.manifest != null && $Object.hasOwnProperty.call(message, "manifest"))
                    object.manifest = $root.cotrain.v1.DatasetManifest.toObject(message.manifest, options, _depth + 1);
                if (message.contributorAddress != null && $Object.hasOwnProperty.call(message, "contributorAddress"))
                    object.contributorAddress = options.bytes === $String ? $util.base64.encode(message.contributorAddress, 0, message.contributorAddress.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.contributorAddress) : message.contributorAddress;
                if (message.issuedAt != null && $Object.hasOwnProperty.call(message, "issuedAt"))
                    object.issuedAt = message.issuedAt;
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    object.nonce = options.bytes === $String ? $util.base64.encode(message.nonce, 0, message.nonce.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.nonce) : message.nonce;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                return object;
            };

            /**
             * Converts this DatasetOffer to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetOffer
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetOffer.prototype.toJSON = function() {
                return DatasetOffer.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetOffer;
        })();

        v1.DatasetShardUpload = (function() {

            /**
             * Properties of a DatasetShardUpload.
             * @typedef {Object} cotrain.v1.DatasetShardUpload.$Properties
             * @property {Uint8Array|null} [datasetId] DatasetShardUpload datasetId
             * @property {number|null} [index] DatasetShardUpload index
             * @property {Uint8Array|null} [data] DatasetShardUpload data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetShardUpload.
             * @memberof cotrain.v1
             * @interface IDatasetShardUpload
             * @augments cotrain.v1.DatasetShardUpload.$Properties
             * @deprecated Use cotrain.v1.DatasetShardUpload.$Properties instead.
             */

            /**
             * Shape of a DatasetShardUpload.
             * @typedef {cotrain.v1.DatasetShardUpload.$Properties} cotrain.v1.DatasetShardUpload.$Shape
             */

            /**
             * Constructs a new DatasetShardUpload.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetShardUpload.
             * @constructor
             * @param {cotrain.v1.DatasetShardUpload.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetShardUpload = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetShardUpload datasetId.
             * @member {Uint8Array} datasetId
             * @memberof cotrain.v1.DatasetShardUpload
             * @instance
             */
            DatasetShardUpload.prototype.datasetId = $util.newBuffer([]);

            /**
             * DatasetShardUpload index.
             * @member {number} index
             * @memberof cotrain.v1.DatasetShardUpload
             * @instance
             */
            DatasetShardUpload.prototype.index = 0;

            /**
             * DatasetShardUpload data.
             * @member {Uint8Array} data
             * @memberof cotrain.v1.DatasetShardUpload
             * @instance
             */
            DatasetShardUpload.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new DatasetShardUpload instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetShardUpload
             * @static
             * @param {cotrain.v1.DatasetShardUpload.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetShardUpload} DatasetShardUpload instance
             * @type {{
             *   (properties: cotrain.v1.DatasetShardUpload.$Shape): cotrain.v1.DatasetShardUpload & cotrain.v1.DatasetShardUpload.$Shape;
             *   (properties?: cotrain.v1.DatasetShardUpload.$Properties): cotrain.v1.DatasetShardUpload;
             * }}
             */
            DatasetShardUpload.create = function(properties) {
                return new DatasetShardUpload(properties);
            };

            /**
             * Encodes the specified DatasetShardUpload message. Does not implicitly {@link cotrain.v1.DatasetShardUpload.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetShardUpload
             * @static
             * @param {cotrain.v1.DatasetShardUpload.$Properties} message DatasetShardUpload message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetShardUpload.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId") && message.datasetId.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.datasetId);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.index);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetShardUpload message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetShardUpload
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetShardUpload & cotrain.v1.DatasetShardUpload.$Shape} DatasetShardUpload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetShardUpload.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetShardUpload();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.datasetId = value;
                            else
                                delete message.datasetId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetShardUpload message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetShardUpload
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetShardUpload} DatasetShardUpload
             */
            DatasetShardUpload.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetShardUpload)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetShardUpload: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetShardUpload();
                if (object.datasetId != null)
                    if (object.datasetId.length)
                        if (typeof object.datasetId === "string")
                            $util.base64.decode(object.datasetId, message.datasetId = $util.newBuffer($util.base64.length(object.datasetId)), 0);
                        else if (object.datasetId.length >= 0)
                            message.datasetId = object.datasetId;
                if (object.index != null)
                    if ($Number(object.index) !== 0)
                        message.index = object.index >>> 0;
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                return message;
            };

            /**
             * Creates a plain object from a DatasetShardUpload message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetShardUpload
             * @static
             * @param {cotrain.v1.DatasetShardUpload} message DatasetShardUpload
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetShardUpload.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.datasetId = "";
                    else {
                        object.datasetId = [];
                        if (options.bytes !== $Array)
                            object.datasetId = $util.newBuffer(object.datasetId);
                    }
                    object.index = 0;
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                }
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId"))
                    object.datasetId = options.bytes === $String ? $util.base64.encode(message.datasetId, 0, message.datasetId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.datasetId) : message.datasetId;
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    object.index = message.index;
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                return object;
            };

            /**
             * Converts this DatasetShardUpload to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetShardUpload
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetShardUpload.prototype.toJSON = function() {
                return DatasetShardUpload.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetShardUpload;
        })();

        v1.DatasetListRequest = (function() {

            /**
             * Properties of a DatasetListRequest.
             * @typedef {Object} cotrain.v1.DatasetListRequest.$Properties
             * @property {number|null} [start] DatasetListRequest start
             * @property {number|null} [limit] DatasetListRequest limit
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetListRequest.
             * @memberof cotrain.v1
             * @interface IDatasetListRequest
             * @augments cotrain.v1.DatasetListRequest.$Properties
             * @deprecated Use cotrain.v1.DatasetListRequest.$Properties instead.
             */

            /**
             * Shape of a DatasetListRequest.
             * @typedef {cotrain.v1.DatasetListRequest.$Properties} cotrain.v1.DatasetListRequest.$Shape
             */

            /**
             * Constructs a new DatasetListRequest.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetListRequest.
             * @constructor
             * @param {cotrain.v1.DatasetListRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetListRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetListRequest start.
             * @member {number} start
             * @memberof cotrain.v1.DatasetListRequest
             * @instance
             */
            DatasetListRequest.prototype.start = 0;

            /**
             * DatasetListRequest limit.
             * @member {number} limit
             * @memberof cotrain.v1.DatasetListRequest
             * @instance
             */
            DatasetListRequest.prototype.limit = 0;

            /**
             * Creates a new DatasetListRequest instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetListRequest
             * @static
             * @param {cotrain.v1.DatasetListRequest.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetListRequest} DatasetListRequest instance
             * @type {{
             *   (properties: cotrain.v1.DatasetListRequest.$Shape): cotrain.v1.DatasetListRequest & cotrain.v1.DatasetListRequest.$Shape;
             *   (properties?: cotrain.v1.DatasetListRequest.$Properties): cotrain.v1.DatasetListRequest;
             * }}
             */
            DatasetListRequest.create = function(properties) {
                return new DatasetListRequest(properties);
            };

            /**
             * Encodes the specified DatasetListRequest message. Does not implicitly {@link cotrain.v1.DatasetListRequest.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetListRequest
             * @static
             * @param {cotrain.v1.DatasetListRequest.$Properties} message DatasetListRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetListRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.start != null && $Object.hasOwnProperty.call(message, "start") && message.start !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.start);
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit") && message.limit !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.limit);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetListRequest message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetListRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetListRequest & cotrain.v1.DatasetListRequest.$Shape} DatasetListRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetListRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetListRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.start = value;
                            else
                                delete message.start;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.limit = value;
                            else
                                delete message.limit;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetListRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetListRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetListRequest} DatasetListRequest
             */
            DatasetListRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetListRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetListRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetListRequest();
                if (object.start != null)
                    if ($Number(object.start) !== 0)
                        message.start = object.start >>> 0;
                if (object.limit != null)
                    if ($Number(object.limit) !== 0)
                        message.limit = object.limit >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a DatasetListRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetListRequest
             * @static
             * @param {cotrain.v1.DatasetListRequest} message DatasetListRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetListRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.start = 0;
                    object.limit = 0;
                }
                if (message.start != null && $Object.hasOwnProperty.call(message, "start"))
                    object.start = message.start;
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit"))
                    object.limit = message.limit;
                return object;
            };

            /**
             * Converts this DatasetListRequest to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetListRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetListRequest.prototype.toJSON = function() {
                return DatasetListRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetListRequest;
        })();

        v1.DatasetRequest = (function() {

            /**
             * Properties of a DatasetRequest.
             * @typedef {Object} cotrain.v1.DatasetRequest.$Properties
             * @property {cotrain.v1.DatasetOffer.$Properties|null} [offer] DatasetRequest offer
             * @property {cotrain.v1.DatasetShardUpload.$Properties|null} [shard] DatasetRequest shard
             * @property {cotrain.v1.DatasetListRequest.$Properties|null} [list] DatasetRequest list
             * @property {"offer"|"shard"|"list"} [kind] DatasetRequest kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetRequest.
             * @memberof cotrain.v1
             * @interface IDatasetRequest
             * @augments cotrain.v1.DatasetRequest.$Properties
             * @deprecated Use cotrain.v1.DatasetRequest.$Properties instead.
             */

            /**
             * Narrowed shape of a DatasetRequest.
             * @typedef {{
             *   offer?: cotrain.v1.DatasetOffer.$Shape|null;
             *   shard?: cotrain.v1.DatasetShardUpload.$Shape|null;
             *   list?: cotrain.v1.DatasetListRequest.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; offer?: null; shard?: null; list?: null }|{ kind?: "offer"; offer: cotrain.v1.DatasetOffer.$Shape; shard?: null; list?: null }|{ kind?: "shard"; offer?: null; shard: cotrain.v1.DatasetShardUpload.$Shape; list?: null }|{ kind?: "list"; offer?: null; shard?: null; list: cotrain.v1.DatasetListRequest.$Shape })
             * )} cotrain.v1.DatasetRequest.$Shape
             */

            /**
             * Constructs a new DatasetRequest.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetRequest.
             * @constructor
             * @param {cotrain.v1.DatasetRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetRequest offer.
             * @member {cotrain.v1.DatasetOffer.$Properties|null|undefined} offer
             * @memberof cotrain.v1.DatasetRequest
             * @instance
             */
            DatasetRequest.prototype.offer = null;

            /**
             * DatasetRequest shard.
             * @member {cotrain.v1.DatasetShardUpload.$Properties|null|undefined} shard
             * @memberof cotrain.v1.DatasetRequest
             * @instance
             */
            DatasetRequest.prototype.shard = null;

            /**
             * DatasetRequest list.
             * @member {cotrain.v1.DatasetListRequest.$Properties|null|undefined} list
             * @memberof cotrain.v1.DatasetRequest
             * @instance
             */
            DatasetRequest.prototype.list = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * DatasetRequest kind.
             * @member {"offer"|"shard"|"list"|undefined} kind
             * @memberof cotrain.v1.DatasetRequest
             * @instance
             */
            $Object.defineProperty(DatasetRequest.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["offer", "shard", "list"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new DatasetRequest instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetRequest
             * @static
             * @param {cotrain.v1.DatasetRequest.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetRequest} DatasetRequest instance
             * @type {{
             *   (properties: cotrain.v1.DatasetRequest.$Shape): cotrain.v1.DatasetRequest & cotrain.v1.DatasetRequest.$Shape;
             *   (properties?: cotrain.v1.DatasetRequest.$Properties): cotrain.v1.DatasetRequest;
             * }}
             */
            DatasetRequest.create = function(properties) {
                return new DatasetRequest(properties);
            };

            /**
             * Encodes the specified DatasetRequest message. Does not implicitly {@link cotrain.v1.DatasetRequest.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetRequest
             * @static
             * @param {cotrain.v1.DatasetRequest.$Properties} message DatasetRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.offer != null && $Object.hasOwnProperty.call(message, "offer"))
                    $root.cotrain.v1.DatasetOffer.encode(message.offer, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.shard != null && $Object.hasOwnProperty.call(message, "shard"))
                    $root.cotrain.v1.DatasetShardUpload.encode(message.shard, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.list != null && $Object.hasOwnProperty.call(message, "list"))
                    $root.cotrain.v1.DatasetListRequest.encode(message.list, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetRequest message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetRequest & cotrain.v1.DatasetRequest.$Shape} DatasetRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.offer = $root.cotrain.v1.DatasetOffer.decode(reader, reader.size(), $undefined, _depth + 1, message.offer);
                            message.kind = "offer";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.shard = $root.cotrain.v1.DatasetShardUpload.decode(reader, reader.size(), $undefined, _depth + 1, message.shard);
                            message.kind = "shard";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.list = $root.cotrain.v1.DatasetListRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.list);
                            message.kind = "list";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetRequest} DatasetRequest
             */
            DatasetRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetRequest();
                if (object.offer != null) {
                    if (!$util.isObject(object.offer))
                        throw $TypeError(".cotrain.v1.DatasetRequest.offer: object expected");
                    message.offer = $root.cotrain.v1.DatasetOffer.fromObject(object.offer, _depth + 1);
                }
                if (object.shard != null) {
                    if (!$util.isObject(object.shard))
                        throw $TypeError(".cotrain.v1.DatasetRequest.shard: object expected");
                    message.shard = $root.cotrain.v1.DatasetShardUpload.fromObject(object.shard, _depth + 1);
                }
                if (object.list != null) {
                    if (!$util.isObject(object.list))
                        throw $TypeError(".cotrain.v1.DatasetRequest.list: object expected");
                    message.list = $root.cotrain.v1.DatasetListRequest.fromObject(object.list, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a DatasetRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetRequest
             * @static
             * @param {cotrain.v1.DatasetRequest} message DatasetRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.offer != null && $Object.hasOwnProperty.call(message, "offer")) {
                    object.offer = $root.cotrain.v1.DatasetOffer.toObject(message.offer, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "offer";
                }
                if (message.shard != null && $Object.hasOwnProperty.call(message, "shard")) {
                    object.shard = $root.cotrain.v1.DatasetShardUpload.toObject(message.shard, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "shard";
                }
                if (message.list != null && $Object.hasOwnProperty.call(message, "list")) {
                    object.list = $root.cotrain.v1.DatasetListRequest.toObject(message.list, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "list";
                }
                return object;
            };

            /**
             * Converts this DatasetRequest to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetRequest.prototype.toJSON = function() {
                return DatasetRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetRequest;
        })();

        v1.DatasetOfferAccepted = (function() {

            /**
             * Properties of a DatasetOfferAccepted.
             * @typedef {Object} cotrain.v1.DatasetOfferAccepted.$Properties
             * @property {Uint8Array|null} [datasetId] DatasetOfferAccepted datasetId
             * @property {Array.<number>|null} [missing] DatasetOfferAccepted missing
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetOfferAccepted.
             * @memberof cotrain.v1
             * @interface IDatasetOfferAccepted
             * @augments cotrain.v1.DatasetOfferAccepted.$Properties
             * @deprecated Use cotrain.v1.DatasetOfferAccepted.$Properties instead.
             */

            /**
             * Shape of a DatasetOfferAccepted.
             * @typedef {cotrain.v1.DatasetOfferAccepted.$Properties} cotrain.v1.DatasetOfferAccepted.$Shape
             */

            /**
             * Constructs a new DatasetOfferAccepted.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetOfferAccepted.
             * @constructor
             * @param {cotrain.v1.DatasetOfferAccepted.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetOfferAccepted = function (properties) {
                this.missing = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetOfferAccepted datasetId.
             * @member {Uint8Array} datasetId
             * @memberof cotrain.v1.DatasetOfferAccepted
             * @instance
             */
            DatasetOfferAccepted.prototype.datasetId = $util.newBuffer([]);

            /**
             * DatasetOfferAccepted missing.
             * @member {Array.<number>} missing
             * @memberof cotrain.v1.DatasetOfferAccepted
             * @instance
             */
            DatasetOfferAccepted.prototype.missing = $util.emptyArray;

            /**
             * Creates a new DatasetOfferAccepted instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetOfferAccepted
             * @static
             * @param {cotrain.v1.DatasetOfferAccepted.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetOfferAccepted} DatasetOfferAccepted instance
             * @type {{
             *   (properties: cotrain.v1.DatasetOfferAccepted.$Shape): cotrain.v1.DatasetOfferAccepted & cotrain.v1.DatasetOfferAccepted.$Shape;
             *   (properties?: cotrain.v1.DatasetOfferAccepted.$Properties): cotrain.v1.DatasetOfferAccepted;
             * }}
             */
            DatasetOfferAccepted.create = function(properties) {
                return new DatasetOfferAccepted(properties);
            };

            /**
             * Encodes the specified DatasetOfferAccepted message. Does not implicitly {@link cotrain.v1.DatasetOfferAccepted.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetOfferAccepted
             * @static
             * @param {cotrain.v1.DatasetOfferAccepted.$Properties} message DatasetOfferAccepted message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetOfferAccepted.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId") && message.datasetId.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.datasetId);
                if (message.missing != null && message.missing.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.missing);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetOfferAccepted message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetOfferAccepted
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetOfferAccepted & cotrain.v1.DatasetOfferAccepted.$Shape} DatasetOfferAccepted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetOfferAccepted.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetOfferAccepted();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.datasetId = value;
                            else
                                delete message.datasetId;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.missing && message.missing.length))
                                    message.missing = [];
                                reader.uint32s(message.missing);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.missing && message.missing.length))
                                message.missing = [];
                            message.missing.push(reader.uint32());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetOfferAccepted message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetOfferAccepted
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetOfferAccepted} DatasetOfferAccepted
             */
            DatasetOfferAccepted.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetOfferAccepted)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetOfferAccepted: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetOfferAccepted();
                if (object.datasetId != null)
                    if (object.datasetId.length)
                        if (typeof object.datasetId === "string")
                            $util.base64.decode(object.datasetId, message.datasetId = $util.newBuffer($util.base64.length(object.datasetId)), 0);
                        else if (object.datasetId.length >= 0)
                            message.datasetId = object.datasetId;
                if (object.missing) {
                    if (!$Array.isArray(object.missing))
                        throw $TypeError(".cotrain.v1.DatasetOfferAccepted.missing: array expected");
                    message.missing = $Array(object.missing.length);
                    for (let i = 0; i < object.missing.length; ++i)
                        message.missing[i] = object.missing[i] >>> 0;
                }
                return message;
            };

            /**
             * Creates a plain object from a DatasetOfferAccepted message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetOfferAccepted
             * @static
             * @param {cotrain.v1.DatasetOfferAccepted} message DatasetOfferAccepted
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetOfferAccepted.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.missing = [];
                if (options.defaults)
                    if (options.bytes === $String)
                        object.datasetId = "";
                    else {
                        object.datasetId = [];
                        if (options.bytes !== $Array)
                            object.datasetId = $util.newBuffer(object.datasetId);
                    }
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId"))
                    object.datasetId = options.bytes === $String ? $util.base64.encode(message.datasetId, 0, message.datasetId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.datasetId) : message.datasetId;
                if (message.missing && message.missing.length) {
                    object.missing = $Array(message.missing.length);
                    for (let j = 0; j < message.missing.length; ++j)
                        object.missing[j] = message.missing[j];
                }
                return object;
            };

            /**
             * Converts this DatasetOfferAccepted to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetOfferAccepted
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetOfferAccepted.prototype.toJSON = function() {
                return DatasetOfferAccepted.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetOfferAccepted;
        })();

        v1.DatasetShardStored = (function() {

            /**
             * Properties of a DatasetShardStored.
             * @typedef {Object} cotrain.v1.DatasetShardStored.$Properties
             * @property {Uint8Array|null} [datasetId] DatasetShardStored datasetId
             * @property {number|null} [index] DatasetShardStored index
             * @property {boolean|null} [complete] DatasetShardStored complete
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetShardStored.
             * @memberof cotrain.v1
             * @interface IDatasetShardStored
             * @augments cotrain.v1.DatasetShardStored.$Properties
             * @deprecated Use cotrain.v1.DatasetShardStored.$Properties instead.
             */

            /**
             * Shape of a DatasetShardStored.
             * @typedef {cotrain.v1.DatasetShardStored.$Properties} cotrain.v1.DatasetShardStored.$Shape
             */

            /**
             * Constructs a new DatasetShardStored.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetShardStored.
             * @constructor
             * @param {cotrain.v1.DatasetShardStored.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetShardStored = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetShardStored datasetId.
             * @member {Uint8Array} datasetId
             * @memberof cotrain.v1.DatasetShardStored
             * @instance
             */
            DatasetShardStored.prototype.datasetId = $util.newBuffer([]);

            /**
             * DatasetShardStored index.
             * @member {number} index
             * @memberof cotrain.v1.DatasetShardStored
             * @instance
             */
            DatasetShardStored.prototype.index = 0;

            /**
             * DatasetShardStored complete.
             * @member {boolean} complete
             * @memberof cotrain.v1.DatasetShardStored
             * @instance
             */
            DatasetShardStored.prototype.complete = false;

            /**
             * Creates a new DatasetShardStored instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetShardStored
             * @static
             * @param {cotrain.v1.DatasetShardStored.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetShardStored} DatasetShardStored instance
             * @type {{
             *   (properties: cotrain.v1.DatasetShardStored.$Shape): cotrain.v1.DatasetShardStored & cotrain.v1.DatasetShardStored.$Shape;
             *   (properties?: cotrain.v1.DatasetShardStored.$Properties): cotrain.v1.DatasetShardStored;
             * }}
             */
            DatasetShardStored.create = function(properties) {
                return new DatasetShardStored(properties);
            };

            /**
             * Encodes the specified DatasetShardStored message. Does not implicitly {@link cotrain.v1.DatasetShardStored.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetShardStored
             * @static
             * @param {cotrain.v1.DatasetShardStored.$Properties} message DatasetShardStored message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetShardStored.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId") && message.datasetId.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.datasetId);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.index);
                if (message.complete != null && $Object.hasOwnProperty.call(message, "complete") && message.complete !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.complete);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetShardStored message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetShardStored
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetShardStored & cotrain.v1.DatasetShardStored.$Shape} DatasetShardStored
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetShardStored.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetShardStored();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.datasetId = value;
                            else
                                delete message.datasetId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.complete = value;
                            else
                                delete message.complete;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetShardStored message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetShardStored
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetShardStored} DatasetShardStored
             */
            DatasetShardStored.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetShardStored)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetShardStored: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetShardStored();
                if (object.datasetId != null)
                    if (object.datasetId.length)
                        if (typeof object.datasetId === "string")
                            $util.base64.decode(object.datasetId, message.datasetId = $util.newBuffer($util.base64.length(object.datasetId)), 0);
                        else if (object.datasetId.length >= 0)
                            message.datasetId = object.datasetId;
                if (object.index != null)
                    if ($Number(object.index) !== 0)
                        message.index = object.index >>> 0;
                if (object.complete != null)
                    if (object.complete)
                        message.complete = $Boolean(object.complete);
                return message;
            };

            /**
             * Creates a plain object from a DatasetShardStored message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetShardStored
             * @static
             * @param {cotrain.v1.DatasetShardStored} message DatasetShardStored
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetShardStored.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.datasetId = "";
                    else {
                        object.datasetId = [];
                        if (options.bytes !== $Array)
                            object.datasetId = $util.newBuffer(object.datasetId);
                    }
                    object.index = 0;
                    object.complete = false;
                }
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId"))
                    object.datasetId = options.bytes === $String ? $util.base64.encode(message.datasetId, 0, message.datasetId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.datasetId) : message.datasetId;
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    object.index = message.index;
                if (message.complete != null && $Object.hasOwnProperty.call(message, "complete"))
                    object.complete = message.complete;
                return object;
            };

            /**
             * Converts this DatasetShardStored to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetShardStored
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetShardStored.prototype.toJSON = function() {
                return DatasetShardStored.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetShardStored;
        })();

        v1.DatasetSummary = (function() {

            /**
             * Properties of a DatasetSummary.
             * @typedef {Object} cotrain.v1.DatasetSummary.$Properties
             * @property {Uint8Array|null} [datasetId] DatasetSummary datasetId
             * @property {cotrain.v1.DatasetManifest.$Properties|null} [manifest] DatasetSummary manifest
             * @property {Uint8Array|null} [contributorAddress] DatasetSummary contributorAddress
             * @property {number|null} [receivedAt] DatasetSummary receivedAt
             * @property {boolean|null} [complete] DatasetSummary complete
             * @property {Array.<Uint8Array>|null} [knownShardIds] DatasetSummary knownShardIds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetSummary.
             * @memberof cotrain.v1
             * @interface IDatasetSummary
             * @augments cotrain.v1.DatasetSummary.$Properties
             * @deprecated Use cotrain.v1.DatasetSummary.$Properties instead.
             */

            /**
             * Shape of a DatasetSummary.
             * @typedef {cotrain.v1.DatasetSummary.$Properties} cotrain.v1.DatasetSummary.$Shape
             */

            /**
             * Constructs a new DatasetSummary.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetSummary.
             * @constructor
             * @param {cotrain.v1.DatasetSummary.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetSummary = function (properties) {
                this.knownShardIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetSummary datasetId.
             * @member {Uint8Array} datasetId
             * @memberof cotrain.v1.DatasetSummary
             * @instance
             */
            DatasetSummary.prototype.datasetId = $util.newBuffer([]);

            /**
             * DatasetSummary manifest.
             * @member {cotrain.v1.DatasetManifest.$Properties|null|undefined} manifest
             * @memberof cotrain.v1.DatasetSummary
             * @instance
             */
            DatasetSummary.prototype.manifest = null;

            /**
             * DatasetSummary contributorAddress.
             * @member {Uint8Array} contributorAddress
             * @memberof cotrain.v1.DatasetSummary
             * @instance
             */
            DatasetSummary.prototype.contributorAddress = $util.newBuffer([]);

            /**
             * DatasetSummary receivedAt.
             * @member {number} receivedAt
             * @memberof cotrain.v1.DatasetSummary
             * @instance
             */
            DatasetSummary.prototype.receivedAt = 0;

            /**
             * DatasetSummary complete.
             * @member {boolean} complete
             * @memberof cotrain.v1.DatasetSummary
             * @instance
             */
            DatasetSummary.prototype.complete = false;

            /**
             * DatasetSummary knownShardIds.
             * @member {Array.<Uint8Array>} knownShardIds
             * @memberof cotrain.v1.DatasetSummary
             * @instance
             */
            DatasetSummary.prototype.knownShardIds = $util.emptyArray;

            /**
             * Creates a new DatasetSummary instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetSummary
             * @static
             * @param {cotrain.v1.DatasetSummary.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetSummary} DatasetSummary instance
             * @type {{
             *   (properties: cotrain.v1.DatasetSummary.$Shape): cotrain.v1.DatasetSummary & cotrain.v1.DatasetSummary.$Shape;
             *   (properties?: cotrain.v1.DatasetSummary.$Properties): cotrain.v1.DatasetSummary;
             * }}
             */
            DatasetSummary.create = function(properties) {
                return new DatasetSummary(properties);
            };

            /**
             * Encodes the specified DatasetSummary message. Does not implicitly {@link cotrain.v1.DatasetSummary.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetSummary
             * @static
             * @param {cotrain.v1.DatasetSummary.$Properties} message DatasetSummary message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetSummary.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId") && message.datasetId.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.datasetId);
                if (message.manifest != null && $Object.hasOwnProperty.call(message, "manifest"))
                    $root.cotrain.v1.DatasetManifest.encode(message.manifest, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.contributorAddress != null && $Object.hasOwnProperty.call(message, "contributorAddress") && message.contributorAddress.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.contributorAddress);
                if (message.receivedAt != null && $Object.hasOwnProperty.call(message, "receivedAt") && message.receivedAt !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.receivedAt);
                if (message.complete != null && $Object.hasOwnProperty.call(message, "complete") && message.complete !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.complete);
                if (message.knownShardIds != null && message.knownShardIds.length)
                    for (let i = 0; i < message.knownShardIds.length; ++i)
                        writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.knownShardIds[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetSummary message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetSummary
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetSummary & cotrain.v1.DatasetSummary.$Shape} DatasetSummary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetSummary.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetSummary();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.datasetId = value;
                            else
                                delete message.datasetId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.manifest = $root.cotrain.v1.DatasetManifest.decode(reader, reader.size(), $undefined, _depth + 1, message.manifest);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.contributorAddress = value;
                            else
                                delete message.contributorAddress;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.receivedAt = value;
                            else
                                delete message.receivedAt;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.complete = value;
                            else
                                delete message.complete;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.knownShardIds && message.knownShardIds.length))
                                message.knownShardIds = [];
                            message.knownShardIds.push(reader.bytes());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetSummary message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetSummary
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetSummary} DatasetSummary
             */
            DatasetSummary.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetSummary)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetSummary: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetSummary();
                if (object.datasetId != null)
                    if (object.datasetId.length)
                        if (typeof object.datasetId === "string")
                            $util.base64.decode(object.datasetId, message.datasetId = $util.newBuffer($util.base64.length(object.datasetId)), 0);
                        else if (object.datasetId.length >= 0)
                            message.datasetId = object.datasetId;
                if (object.manifest != null) {
                    if (!$util.isObject(object.manifest))
                        throw $TypeError(".cotrain.v1.DatasetSummary.manifest: object expected");
                    message.manifest = $root.cotrain.v1.DatasetManifest.fromObject(object.manifest, _depth + 1);
                }
                if (object.contributorAddress != null)
                    if (object.contributorAddress.length)
                        if (typeof object.contributorAddress === "string")
                            $util.base64.decode(object.contributorAddress, message.contributorAddress = $util.newBuffer($util.base64.length(object.contributorAddress)), 0);
                        else if (object.contributorAddress.length >= 0)
                            message.contributorAddress = object.contributorAddress;
                if (object.receivedAt != null)
                    if ($Number(object.receivedAt) !== 0)
                        message.receivedAt = object.receivedAt >>> 0;
                if (object.complete != null)
                    if (object.complete)
                        message.complete = $Boolean(object.complete);
                if (object.knownShardIds) {
                    if (!$Array.isArray(object.knownShardIds))
                        throw $TypeError(".cotrain.v1.DatasetSummary.knownShardIds: array expected");
                    message.knownShardIds = $Array(object.knownShardIds.length);
                    for (let i = 0; i < object.knownShardIds.length; ++i)
                        if (typeof object.knownShardIds[i] === "string")
                            $util.base64.decode(object.knownShardIds[i], message.knownShardIds[i] = $util.newBuffer($util.base64.length(object.knownShardIds[i])), 0);
                        else if (object.knownShardIds[i].length >= 0)
                            message.knownShardIds[i] = object.knownShardIds[i];
                }
                return message;
            };

            /**
             * Creates a plain object from a DatasetSummary message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetSummary
             * @static
             * @param {cotrain.v1.DatasetSummary} message DatasetSummary
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetSummary.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.knownShardIds = [];
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.datasetId = "";
                    else {
                        object.datasetId = [];
                        if (options.bytes !== $Array)
                            object.datasetId = $util.newBuffer(object.datasetId);
                    }
                    object.manifest = null;
                    if (options.bytes === $String)
                        object.contributorAddress = "";
                    else {
                        object.contributorAddress = [];
                        if (options.bytes !== $Array)
                            object.contributorAddress = $util.newBuffer(object.contributorAddress);
                    }
                    object.receivedAt = 0;
                    object.complete = false;
                }
                if (message.datasetId != null && $Object.hasOwnProperty.call(message, "datasetId"))
                    object.datasetId = options.bytes === $String ? $util.base64.encode(message.datasetId, 0, message.datasetId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.datasetId) : message.datasetId;
                if (message.manifest != null && $Object.hasOwnProperty.call(message, "manifest"))
                    object.manifest = $root.cotrain.v1.DatasetManifest.toObject(message.manifest, options, _depth + 1);
                if (message.contributorAddress != null && $Object.hasOwnProperty.call(message, "contributorAddress"))
                    object.contributorAddress = options.bytes === $String ? $util.base64.encode(message.contributorAddress, 0, message.contributorAddress.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.contributorAddress) : message.contributorAddress;
                if (message.receivedAt != null && $Object.hasOwnProperty.call(message, "receivedAt"))
                    object.receivedAt = message.receivedAt;
                if (message.complete != null && $Object.hasOwnProperty.call(message, "complete"))
                    object.complete = message.complete;
                if (message.knownShardIds && message.knownShardIds.length) {
                    object.knownShardIds = $Array(message.knownShardIds.length);
                    for (let j = 0; j < message.knownShardIds.length; ++j)
                        object.knownShardIds[j] = options.bytes === $String ? $util.base64.encode(message.knownShardIds[j], 0, message.knownShardIds[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.knownShardIds[j]) : message.knownShardIds[j];
                }
                return object;
            };

            /**
             * Converts this DatasetSummary to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetSummary
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetSummary.prototype.toJSON = function() {
                return DatasetSummary.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetSummary;
        })();

        v1.DatasetList = (function() {

            /**
             * Properties of a DatasetList.
             * @typedef {Object} cotrain.v1.DatasetList.$Properties
             * @property {Array.<cotrain.v1.DatasetSummary.$Properties>|null} [datasets] DatasetList datasets
             * @property {number|null} [total] DatasetList total
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetList.
             * @memberof cotrain.v1
             * @interface IDatasetList
             * @augments cotrain.v1.DatasetList.$Properties
             * @deprecated Use cotrain.v1.DatasetList.$Properties instead.
             */

            /**
             * Shape of a DatasetList.
             * @typedef {cotrain.v1.DatasetList.$Properties} cotrain.v1.DatasetList.$Shape
             */

            /**
             * Constructs a new DatasetList.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetList.
             * @constructor
             * @param {cotrain.v1.DatasetList.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetList = function (properties) {
                this.datasets = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetList datasets.
             * @member {Array.<cotrain.v1.DatasetSummary.$Properties>} datasets
             * @memberof cotrain.v1.DatasetList
             * @instance
             */
            DatasetList.prototype.datasets = $util.emptyArray;

            /**
             * DatasetList total.
             * @member {number} total
             * @memberof cotrain.v1.DatasetList
             * @instance
             */
            DatasetList.prototype.total = 0;

            /**
             * Creates a new DatasetList instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetList
             * @static
             * @param {cotrain.v1.DatasetList.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetList} DatasetList instance
             * @type {{
             *   (properties: cotrain.v1.DatasetList.$Shape): cotrain.v1.DatasetList & cotrain.v1.DatasetList.$Shape;
             *   (properties?: cotrain.v1.DatasetList.$Properties): cotrain.v1.DatasetList;
             * }}
             */
            DatasetList.create = function(properties) {
                return new DatasetList(properties);
            };

            /**
             * Encodes the specified DatasetList message. Does not implicitly {@link cotrain.v1.DatasetList.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetList
             * @static
             * @param {cotrain.v1.DatasetList.$Properties} message DatasetList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetList.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.datasets != null && message.datasets.length)
                    for (let i = 0; i < message.datasets.length; ++i)
                        $root.cotrain.v1.DatasetSummary.encode(message.datasets[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.total != null && $Object.hasOwnProperty.call(message, "total") && message.total !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.total);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetList message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetList & cotrain.v1.DatasetList.$Shape} DatasetList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetList.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetList();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.datasets && message.datasets.length))
                                message.datasets = [];
                            message.datasets.push($root.cotrain.v1.DatasetSummary.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.total = value;
                            else
                                delete message.total;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetList message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetList
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetList} DatasetList
             */
            DatasetList.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetList)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetList: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetList();
                if (object.datasets) {
                    if (!$Array.isArray(object.datasets))
                        throw $TypeError(".cotrain.v1.DatasetList.datasets: array expected");
                    message.datasets = $Array(object.datasets.length);
                    for (let i = 0; i < object.datasets.length; ++i) {
                        if (!$util.isObject(object.datasets[i]))
                            throw $TypeError(".cotrain.v1.DatasetList.datasets: object expected");
                        message.datasets[i] = $root.cotrain.v1.DatasetSummary.fromObject(object.datasets[i], _depth + 1);
                    }
                }
                if (object.total != null)
                    if ($Number(object.total) !== 0)
                        message.total = object.total >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a DatasetList message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetList
             * @static
             * @param {cotrain.v1.DatasetList} message DatasetList
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetList.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.datasets = [];
                if (options.defaults)
                    object.total = 0;
                if (message.datasets && message.datasets.length) {
                    object.datasets = $Array(message.datasets.length);
                    for (let j = 0; j < message.datasets.length; ++j)
                        object.datasets[j] = $root.cotrain.v1.DatasetSummary.toObject(message.datasets[j], options, _depth + 1);
                }
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    object.total = message.total;
                return object;
            };

            /**
             * Converts this DatasetList to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetList
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetList.prototype.toJSON = function() {
                return DatasetList.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetList;
        })();

        v1.DatasetReply = (function() {

            /**
             * Properties of a DatasetReply.
             * @typedef {Object} cotrain.v1.DatasetReply.$Properties
             * @property {cotrain.v1.DatasetOfferAccepted.$Properties|null} [offered] DatasetReply offered
             * @property {cotrain.v1.DatasetShardStored.$Properties|null} [stored] DatasetReply stored
             * @property {cotrain.v1.DatasetList.$Properties|null} [list] DatasetReply list
             * @property {"offered"|"stored"|"list"} [kind] DatasetReply kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetReply.
             * @memberof cotrain.v1
             * @interface IDatasetReply
             * @augments cotrain.v1.DatasetReply.$Properties
             * @deprecated Use cotrain.v1.DatasetReply.$Properties instead.
             */

            /**
             * Narrowed shape of a DatasetReply.
             * @typedef {{
             *   offered?: cotrain.v1.DatasetOfferAccepted.$Shape|null;
             *   stored?: cotrain.v1.DatasetShardStored.$Shape|null;
             *   list?: cotrain.v1.DatasetList.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; offered?: null; stored?: null; list?: null }|{ kind?: "offered"; offered: cotrain.v1.DatasetOfferAccepted.$Shape; stored?: null; list?: null }|{ kind?: "stored"; offered?: null; stored: cotrain.v1.DatasetShardStored.$Shape; list?: null }|{ kind?: "list"; offered?: null; stored?: null; list: cotrain.v1.DatasetList.$Shape })
             * )} cotrain.v1.DatasetReply.$Shape
             */

            /**
             * Constructs a new DatasetReply.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetReply.
             * @constructor
             * @param {cotrain.v1.DatasetReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetReply offered.
             * @member {cotrain.v1.DatasetOfferAccepted.$Properties|null|undefined} offered
             * @memberof cotrain.v1.DatasetReply
             * @instance
             */
            DatasetReply.prototype.offered = null;

            /**
             * DatasetReply stored.
             * @member {cotrain.v1.DatasetShardStored.$Properties|null|undefined} stored
             * @memberof cotrain.v1.DatasetReply
             * @instance
             */
            DatasetReply.prototype.stored = null;

            /**
             * DatasetReply list.
             * @member {cotrain.v1.DatasetList.$Properties|null|undefined} list
             * @memberof cotrain.v1.DatasetReply
             * @instance
             */
            DatasetReply.prototype.list = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * DatasetReply kind.
             * @member {"offered"|"stored"|"list"|undefined} kind
             * @memberof cotrain.v1.DatasetReply
             * @instance
             */
            $Object.defineProperty(DatasetReply.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["offered", "stored", "list"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new DatasetReply instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetReply
             * @static
             * @param {cotrain.v1.DatasetReply.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetReply} DatasetReply instance
             * @type {{
             *   (properties: cotrain.v1.DatasetReply.$Shape): cotrain.v1.DatasetReply & cotrain.v1.DatasetReply.$Shape;
             *   (properties?: cotrain.v1.DatasetReply.$Properties): cotrain.v1.DatasetReply;
             * }}
             */
            DatasetReply.create = function(properties) {
                return new DatasetReply(properties);
            };

            /**
             * Encodes the specified DatasetReply message. Does not implicitly {@link cotrain.v1.DatasetReply.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetReply
             * @static
             * @param {cotrain.v1.DatasetReply.$Properties} message DatasetReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.offered != null && $Object.hasOwnProperty.call(message, "offered"))
                    $root.cotrain.v1.DatasetOfferAccepted.encode(message.offered, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.stored != null && $Object.hasOwnProperty.call(message, "stored"))
                    $root.cotrain.v1.DatasetShardStored.encode(message.stored, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.list != null && $Object.hasOwnProperty.call(message, "list"))
                    $root.cotrain.v1.DatasetList.encode(message.list, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetReply message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetReply & cotrain.v1.DatasetReply.$Shape} DatasetReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.offered = $root.cotrain.v1.DatasetOfferAccepted.decode(reader, reader.size(), $undefined, _depth + 1, message.offered);
                            message.kind = "offered";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.stored = $root.cotrain.v1.DatasetShardStored.decode(reader, reader.size(), $undefined, _depth + 1, message.stored);
                            message.kind = "stored";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.list = $root.cotrain.v1.DatasetList.decode(reader, reader.size(), $undefined, _depth + 1, message.list);
                            message.kind = "list";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetReply} DatasetReply
             */
            DatasetReply.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetReply();
                if (object.offered != null) {
                    if (!$util.isObject(object.offered))
                        throw $TypeError(".cotrain.v1.DatasetReply.offered: object expected");
                    message.offered = $root.cotrain.v1.DatasetOfferAccepted.fromObject(object.offered, _depth + 1);
                }
                if (object.stored != null) {
                    if (!$util.isObject(object.stored))
                        throw $TypeError(".cotrain.v1.DatasetReply.stored: object expected");
                    message.stored = $root.cotrain.v1.DatasetShardStored.fromObject(object.stored, _depth + 1);
                }
                if (object.list != null) {
                    if (!$util.isObject(object.list))
                        throw $TypeError(".cotrain.v1.DatasetReply.list: object expected");
                    message.list = $root.cotrain.v1.DatasetList.fromObject(object.list, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a DatasetReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetReply
             * @static
             * @param {cotrain.v1.DatasetReply} message DatasetReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.offered != null && $Object.hasOwnProperty.call(message, "offered")) {
                    object.offered = $root.cotrain.v1.DatasetOfferAccepted.toObject(message.offered, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "offered";
                }
                if (message.stored != null && $Object.hasOwnProperty.call(message, "stored")) {
                    object.stored = $root.cotrain.v1.DatasetShardStored.toObject(message.stored, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "stored";
                }
                if (message.list != null && $Object.hasOwnProperty.call(message, "list")) {
                    object.list = $root.cotrain.v1.DatasetList.toObject(message.list, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "list";
                }
                return object;
            };

            /**
             * Converts this DatasetReply to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetReply.prototype.toJSON = function() {
                return DatasetReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetReply;
        })();

        v1.DatasetResponse = (function() {

            /**
             * Properties of a DatasetResponse.
             * @typedef {Object} cotrain.v1.DatasetResponse.$Properties
             * @property {cotrain.v1.DatasetReply.$Properties|null} [reply] DatasetResponse reply
             * @property {cotrain.v1.Error.$Properties|null} [error] DatasetResponse error
             * @property {"reply"|"error"} [result] DatasetResponse result
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetResponse.
             * @memberof cotrain.v1
             * @interface IDatasetResponse
             * @augments cotrain.v1.DatasetResponse.$Properties
             * @deprecated Use cotrain.v1.DatasetResponse.$Properties instead.
             */

            /**
             * Narrowed shape of a DatasetResponse.
             * @typedef {{
             *   reply?: cotrain.v1.DatasetReply.$Shape|null;
             *   error?: cotrain.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ result?: undefined; reply?: null; error?: null }|{ result?: "reply"; reply: cotrain.v1.DatasetReply.$Shape; error?: null }|{ result?: "error"; reply?: null; error: cotrain.v1.Error.$Shape })
             * )} cotrain.v1.DatasetResponse.$Shape
             */

            /**
             * Constructs a new DatasetResponse.
             * @memberof cotrain.v1
             * @classdesc Represents a DatasetResponse.
             * @constructor
             * @param {cotrain.v1.DatasetResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DatasetResponse reply.
             * @member {cotrain.v1.DatasetReply.$Properties|null|undefined} reply
             * @memberof cotrain.v1.DatasetResponse
             * @instance
             */
            DatasetResponse.prototype.reply = null;

            /**
             * DatasetResponse error.
             * @member {cotrain.v1.Error.$Properties|null|undefined} error
             * @memberof cotrain.v1.DatasetResponse
             * @instance
             */
            DatasetResponse.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * DatasetResponse result.
             * @member {"reply"|"error"|undefined} result
             * @memberof cotrain.v1.DatasetResponse
             * @instance
             */
            $Object.defineProperty(DatasetResponse.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["reply", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new DatasetResponse instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.DatasetResponse
             * @static
             * @param {cotrain.v1.DatasetResponse.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.DatasetResponse} DatasetResponse instance
             * @type {{
             *   (properties: cotrain.v1.DatasetResponse.$Shape): cotrain.v1.DatasetResponse & cotrain.v1.DatasetResponse.$Shape;
             *   (properties?: cotrain.v1.DatasetResponse.$Properties): cotrain.v1.DatasetResponse;
             * }}
             */
            DatasetResponse.create = function(properties) {
                return new DatasetResponse(properties);
            };

            /**
             * Encodes the specified DatasetResponse message. Does not implicitly {@link cotrain.v1.DatasetResponse.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.DatasetResponse
             * @static
             * @param {cotrain.v1.DatasetResponse.$Properties} message DatasetResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reply != null && $Object.hasOwnProperty.call(message, "reply"))
                    $root.cotrain.v1.DatasetReply.encode(message.reply, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.cotrain.v1.Error.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DatasetResponse message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.DatasetResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.DatasetResponse & cotrain.v1.DatasetResponse.$Shape} DatasetResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.DatasetResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.reply = $root.cotrain.v1.DatasetReply.decode(reader, reader.size(), $undefined, _depth + 1, message.reply);
                            message.result = "reply";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.cotrain.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.result = "error";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DatasetResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.DatasetResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.DatasetResponse} DatasetResponse
             */
            DatasetResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.DatasetResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.DatasetResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.DatasetResponse();
                if (object.reply != null) {
                    if (!$util.isObject(object.reply))
                        throw $TypeError(".cotrain.v1.DatasetResponse.reply: object expected");
                    message.reply = $root.cotrain.v1.DatasetReply.fromObject(object.reply, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".cotrain.v1.DatasetResponse.error: object expected");
                    message.error = $root.cotrain.v1.Error.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a DatasetResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.DatasetResponse
             * @static
             * @param {cotrain.v1.DatasetResponse} message DatasetResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatasetResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.reply != null && $Object.hasOwnProperty.call(message, "reply")) {
                    object.reply = $root.cotrain.v1.DatasetReply.toObject(message.reply, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "reply";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.cotrain.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "error";
                }
                return object;
            };

            /**
             * Converts this DatasetResponse to JSON.
             * @function toJSON
             * @memberof cotrain.v1.DatasetResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatasetResponse.prototype.toJSON = function() {
                return DatasetResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DatasetResponse;
        })();

        v1.HaveNotice = (function() {

            /**
             * Properties of a HaveNotice.
             * @typedef {Object} cotrain.v1.HaveNotice.$Properties
             * @property {number|null} [round] HaveNotice round
             * @property {Uint8Array|null} [workerAddress] HaveNotice workerAddress
             * @property {Array.<Uint8Array>|null} [contentIds] HaveNotice contentIds
             * @property {Array.<cotrain.v1.ProviderFailure.$Properties>|null} [failedProviders] HaveNotice failedProviders
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HaveNotice.
             * @memberof cotrain.v1
             * @interface IHaveNotice
             * @augments cotrain.v1.HaveNotice.$Properties
             * @deprecated Use cotrain.v1.HaveNotice.$Properties instead.
             */

            /**
             * Shape of a HaveNotice.
             * @typedef {cotrain.v1.HaveNotice.$Properties} cotrain.v1.HaveNotice.$Shape
             */

            /**
             * Constructs a new HaveNotice.
             * @memberof cotrain.v1
             * @classdesc Represents a HaveNotice.
             * @constructor
             * @param {cotrain.v1.HaveNotice.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HaveNotice = function (properties) {
                this.contentIds = [];
                this.failedProviders = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HaveNotice round.
             * @member {number} round
             * @memberof cotrain.v1.HaveNotice
             * @instance
             */
            HaveNotice.prototype.round = 0;

            /**
             * HaveNotice workerAddress.
             * @member {Uint8Array} workerAddress
             * @memberof cotrain.v1.HaveNotice
             * @instance
             */
            HaveNotice.prototype.workerAddress = $util.newBuffer([]);

            /**
             * HaveNotice contentIds.
             * @member {Array.<Uint8Array>} contentIds
             * @memberof cotrain.v1.HaveNotice
             * @instance
             */
            HaveNotice.prototype.contentIds = $util.emptyArray;

            /**
             * HaveNotice failedProviders.
             * @member {Array.<cotrain.v1.ProviderFailure.$Properties>} failedProviders
             * @memberof cotrain.v1.HaveNotice
             * @instance
             */
            HaveNotice.prototype.failedProviders = $util.emptyArray;

            /**
             * Creates a new HaveNotice instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.HaveNotice
             * @static
             * @param {cotrain.v1.HaveNotice.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.HaveNotice} HaveNotice instance
             * @type {{
             *   (properties: cotrain.v1.HaveNotice.$Shape): cotrain.v1.HaveNotice & cotrain.v1.HaveNotice.$Shape;
             *   (properties?: cotrain.v1.HaveNotice.$Properties): cotrain.v1.HaveNotice;
             * }}
             */
            HaveNotice.create = function(properties) {
                return new HaveNotice(properties);
            };

            /**
             * Encodes the specified HaveNotice message. Does not implicitly {@link cotrain.v1.HaveNotice.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.HaveNotice
             * @static
             * @param {cotrain.v1.HaveNotice.$Properties} message HaveNotice message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HaveNotice.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress") && message.workerAddress.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.workerAddress);
                if (message.contentIds != null && message.contentIds.length)
                    for (let i = 0; i < message.contentIds.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.contentIds[i]);
                if (message.failedProviders != null && message.failedProviders.length)
                    for (let i = 0; i < message.failedProviders.length; ++i)
                        $root.cotrain.v1.ProviderFailure.encode(message.failedProviders[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HaveNotice message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.HaveNotice
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.HaveNotice & cotrain.v1.HaveNotice.$Shape} HaveNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HaveNotice.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.HaveNotice();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.workerAddress = value;
                            else
                                delete message.workerAddress;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.contentIds && message.contentIds.length))
                                message.contentIds = [];
                            message.contentIds.push(reader.bytes());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.failedProviders && message.failedProviders.length))
                                message.failedProviders = [];
                            message.failedProviders.push($root.cotrain.v1.ProviderFailure.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a HaveNotice message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.HaveNotice
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.HaveNotice} HaveNotice
             */
            HaveNotice.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.HaveNotice)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.HaveNotice: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.HaveNotice();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.workerAddress != null)
                    if (object.workerAddress.length)
                        if (typeof object.workerAddress === "string")
                            $util.base64.decode(object.workerAddress, message.workerAddress = $util.newBuffer($util.base64.length(object.workerAddress)), 0);
                        else if (object.workerAddress.length >= 0)
                            message.workerAddress = object.workerAddress;
                if (object.contentIds) {
                    if (!$Array.isArray(object.contentIds))
                        throw $TypeError(".cotrain.v1.HaveNotice.contentIds: array expected");
                    message.contentIds = $Array(object.contentIds.length);
                    for (let i = 0; i < object.contentIds.length; ++i)
                        if (typeof object.contentIds[i] === "string")
                            $util.base64.decode(object.contentIds[i], message.contentIds[i] = $util.newBuffer($util.base64.length(object.contentIds[i])), 0);
                        else if (object.contentIds[i].length >= 0)
                            message.contentIds[i] = object.contentIds[i];
                }
                if (object.failedProviders) {
                    if (!$Array.isArray(object.failedProviders))
                        throw $TypeError(".cotrain.v1.HaveNotice.failedProviders: array expected");
                    message.failedProviders = $Array(object.failedProviders.length);
                    for (let i = 0; i < object.failedProviders.length; ++i) {
                        if (!$util.isObject(object.failedProviders[i]))
                            throw $TypeError(".cotrain.v1.HaveNotice.failedProviders: object expected");
                        message.failedProviders[i] = $root.cotrain.v1.ProviderFailure.fromObject(object.failedProviders[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a HaveNotice message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.HaveNotice
             * @static
             * @param {cotrain.v1.HaveNotice} message HaveNotice
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HaveNotice.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.contentIds = [];
                    object.failedProviders = [];
                }
                if (options.defaults) {
                    object.round = 0;
                    if (options.bytes === $String)
                        object.workerAddress = "";
                    else {
                        object.workerAddress = [];
                        if (options.bytes !== $Array)
                            object.workerAddress = $util.newBuffer(object.workerAddress);
                    }
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress"))
                    object.workerAddress = options.bytes === $String ? $util.base64.encode(message.workerAddress, 0, message.workerAddress.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.workerAddress) : message.workerAddress;
                if (message.contentIds && message.contentIds.length) {
                    object.contentIds = $Array(message.contentIds.length);
                    for (let j = 0; j < message.contentIds.length; ++j)
                        object.contentIds[j] = options.bytes === $String ? $util.base64.encode(message.contentIds[j], 0, message.contentIds[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.contentIds[j]) : message.contentIds[j];
                }
                if (message.failedProviders && message.failedProviders.length) {
                    object.failedProviders = $Array(message.failedProviders.length);
                    for (let j = 0; j < message.failedProviders.length; ++j)
                        object.failedProviders[j] = $root.cotrain.v1.ProviderFailure.toObject(message.failedProviders[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this HaveNotice to JSON.
             * @function toJSON
             * @memberof cotrain.v1.HaveNotice
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HaveNotice.prototype.toJSON = function() {
                return HaveNotice.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HaveNotice;
        })();

        /**
         * ProviderFault enum.
         * @name cotrain.v1.ProviderFault
         * @enum {number}
         * @property {number} PROVIDER_FAULT_UNSPECIFIED=0 PROVIDER_FAULT_UNSPECIFIED value
         * @property {number} PROVIDER_FAULT_WRONG_BYTES=1 PROVIDER_FAULT_WRONG_BYTES value
         * @property {number} PROVIDER_FAULT_UNAVAILABLE=2 PROVIDER_FAULT_UNAVAILABLE value
         */
        v1.ProviderFault = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PROVIDER_FAULT_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PROVIDER_FAULT_WRONG_BYTES"] = 1;
            values[valuesById[2] = "PROVIDER_FAULT_UNAVAILABLE"] = 2;
            return values;
        })();

        v1.ProviderFailure = (function() {

            /**
             * Properties of a ProviderFailure.
             * @typedef {Object} cotrain.v1.ProviderFailure.$Properties
             * @property {Uint8Array|null} [contentId] ProviderFailure contentId
             * @property {string|null} [peerId] ProviderFailure peerId
             * @property {cotrain.v1.ProviderFault|null} [fault] ProviderFailure fault
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ProviderFailure.
             * @memberof cotrain.v1
             * @interface IProviderFailure
             * @augments cotrain.v1.ProviderFailure.$Properties
             * @deprecated Use cotrain.v1.ProviderFailure.$Properties instead.
             */

            /**
             * Shape of a ProviderFailure.
             * @typedef {cotrain.v1.ProviderFailure.$Properties} cotrain.v1.ProviderFailure.$Shape
             */

            /**
             * Constructs a new ProviderFailure.
             * @memberof cotrain.v1
             * @classdesc Represents a ProviderFailure.
             * @constructor
             * @param {cotrain.v1.ProviderFailure.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ProviderFailure = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ProviderFailure contentId.
             * @member {Uint8Array} contentId
             * @memberof cotrain.v1.ProviderFailure
             * @instance
             */
            ProviderFailure.prototype.contentId = $util.newBuffer([]);

            /**
             * ProviderFailure peerId.
             * @member {string} peerId
             * @memberof cotrain.v1.ProviderFailure
             * @instance
             */
            ProviderFailure.prototype.peerId = "";

            /**
             * ProviderFailure fault.
             * @member {cotrain.v1.ProviderFault} fault
             * @memberof cotrain.v1.ProviderFailure
             * @instance
             */
            ProviderFailure.prototype.fault = 0;

            /**
             * Creates a new ProviderFailure instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.ProviderFailure
             * @static
             * @param {cotrain.v1.ProviderFailure.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.ProviderFailure} ProviderFailure instance
             * @type {{
             *   (properties: cotrain.v1.ProviderFailure.$Shape): cotrain.v1.ProviderFailure & cotrain.v1.ProviderFailure.$Shape;
             *   (properties?: cotrain.v1.ProviderFailure.$Properties): cotrain.v1.ProviderFailure;
             * }}
             */
            ProviderFailure.create = function(properties) {
                return new ProviderFailure(properties);
            };

            /**
             * Encodes the specified ProviderFailure message. Does not implicitly {@link cotrain.v1.ProviderFailure.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.ProviderFailure
             * @static
             * @param {cotrain.v1.ProviderFailure.$Properties} message ProviderFailure message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProviderFailure.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId") && message.contentId.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.contentId);
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId") && message.peerId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.peerId);
                if (message.fault != null && $Object.hasOwnProperty.call(message, "fault") && message.fault !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.fault);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ProviderFailure message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.ProviderFailure
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.ProviderFailure & cotrain.v1.ProviderFailure.$Shape} ProviderFailure
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProviderFailure.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.ProviderFailure();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.contentId = value;
                            else
                                delete message.contentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.peerId = value;
                            else
                                delete message.peerId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.fault = value;
                            else
                                delete message.fault;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ProviderFailure message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.ProviderFailure
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.ProviderFailure} ProviderFailure
             */
            ProviderFailure.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.ProviderFailure)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.ProviderFailure: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.ProviderFailure();
                if (object.contentId != null)
                    if (object.contentId.length)
                        if (typeof object.contentId === "string")
                            $util.base64.decode(object.contentId, message.contentId = $util.newBuffer($util.base64.length(object.contentId)), 0);
                        else if (object.contentId.length >= 0)
                            message.contentId = object.contentId;
                if (object.peerId != null)
                    if (typeof object.peerId !== "string" || object.peerId.length)
                        message.peerId = $String(object.peerId);
                if (object.fault !== 0 && (typeof object.fault !== "string" || $root.cotrain.v1.ProviderFault[object.fault] !== 0))
                    switch (object.fault) {
                    case "PROVIDER_FAULT_UNSPECIFIED":
                    case 0:
                        message.fault = 0;
                        break;
                    case "PROVIDER_FAULT_WRONG_BYTES":
                    case 1:
                        message.fault = 1;
                        break;
                    case "PROVIDER_FAULT_UNAVAILABLE":
                    case 2:
                        message.fault = 2;
                        break;
                    default:
                        if (typeof object.fault === "number" && (object.fault | 0) === object.fault)
                            message.fault = object.fault;
                    }
                return message;
            };

            /**
             * Creates a plain object from a ProviderFailure message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.ProviderFailure
             * @static
             * @param {cotrain.v1.ProviderFailure} message ProviderFailure
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProviderFailure.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.contentId = "";
                    else {
                        object.contentId = [];
                        if (options.bytes !== $Array)
                            object.contentId = $util.newBuffer(object.contentId);
                    }
                    object.peerId = "";
                    object.fault = options.enums === $String ? "PROVIDER_FAULT_UNSPECIFIED" : 0;
                }
                if (message.contentId != null && $Object.hasOwnProperty.call(message, "contentId"))
                    object.contentId = options.bytes === $String ? $util.base64.encode(message.contentId, 0, message.contentId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.contentId) : message.contentId;
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId"))
                    object.peerId = message.peerId;
                if (message.fault != null && $Object.hasOwnProperty.call(message, "fault"))
                    object.fault = options.enums === $String ? $root.cotrain.v1.ProviderFault[message.fault] === $undefined ? message.fault : $root.cotrain.v1.ProviderFault[message.fault] : message.fault;
                return object;
            };

            /**
             * Converts this ProviderFailure to JSON.
             * @function toJSON
             * @memberof cotrain.v1.ProviderFailure
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProviderFailure.prototype.toJSON = function() {
                return ProviderFailure.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ProviderFailure;
        })();

        v1.HaveAck = (function() {

            /**
             * Properties of a HaveAck.
             * @typedef {Object} cotrain.v1.HaveAck.$Properties
             * @property {number|null} [round] HaveAck round
             * @property {number|null} [recorded] HaveAck recorded
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HaveAck.
             * @memberof cotrain.v1
             * @interface IHaveAck
             * @augments cotrain.v1.HaveAck.$Properties
             * @deprecated Use cotrain.v1.HaveAck.$Properties instead.
             */

            /**
             * Shape of a HaveAck.
             * @typedef {cotrain.v1.HaveAck.$Properties} cotrain.v1.HaveAck.$Shape
             */

            /**
             * Constructs a new HaveAck.
             * @memberof cotrain.v1
             * @classdesc Represents a HaveAck.
             * @constructor
             * @param {cotrain.v1.HaveAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HaveAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HaveAck round.
             * @member {number} round
             * @memberof cotrain.v1.HaveAck
             * @instance
             */
            HaveAck.prototype.round = 0;

            /**
             * HaveAck recorded.
             * @member {number} recorded
             * @memberof cotrain.v1.HaveAck
             * @instance
             */
            HaveAck.prototype.recorded = 0;

            /**
             * Creates a new HaveAck instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.HaveAck
             * @static
             * @param {cotrain.v1.HaveAck.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.HaveAck} HaveAck instance
             * @type {{
             *   (properties: cotrain.v1.HaveAck.$Shape): cotrain.v1.HaveAck & cotrain.v1.HaveAck.$Shape;
             *   (properties?: cotrain.v1.HaveAck.$Properties): cotrain.v1.HaveAck;
             * }}
             */
            HaveAck.create = function(properties) {
                return new HaveAck(properties);
            };

            /**
             * Encodes the specified HaveAck message. Does not implicitly {@link cotrain.v1.HaveAck.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.HaveAck
             * @static
             * @param {cotrain.v1.HaveAck.$Properties} message HaveAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HaveAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.recorded != null && $Object.hasOwnProperty.call(message, "recorded") && message.recorded !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.recorded);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HaveAck message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.HaveAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.HaveAck & cotrain.v1.HaveAck.$Shape} HaveAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HaveAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.HaveAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.recorded = value;
                            else
                                delete message.recorded;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a HaveAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.HaveAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.HaveAck} HaveAck
             */
            HaveAck.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.HaveAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.HaveAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.HaveAck();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.recorded != null)
                    if ($Number(object.recorded) !== 0)
                        message.recorded = object.recorded >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a HaveAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.HaveAck
             * @static
             * @param {cotrain.v1.HaveAck} message HaveAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HaveAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.round = 0;
                    object.recorded = 0;
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.recorded != null && $Object.hasOwnProperty.call(message, "recorded"))
                    object.recorded = message.recorded;
                return object;
            };

            /**
             * Converts this HaveAck to JSON.
             * @function toJSON
             * @memberof cotrain.v1.HaveAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HaveAck.prototype.toJSON = function() {
                return HaveAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HaveAck;
        })();

        v1.HaveResponse = (function() {

            /**
             * Properties of a HaveResponse.
             * @typedef {Object} cotrain.v1.HaveResponse.$Properties
             * @property {cotrain.v1.HaveAck.$Properties|null} [ack] HaveResponse ack
             * @property {cotrain.v1.Error.$Properties|null} [error] HaveResponse error
             * @property {"ack"|"error"} [result] HaveResponse result
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HaveResponse.
             * @memberof cotrain.v1
             * @interface IHaveResponse
             * @augments cotrain.v1.HaveResponse.$Properties
             * @deprecated Use cotrain.v1.HaveResponse.$Properties instead.
             */

            /**
             * Narrowed shape of a HaveResponse.
             * @typedef {{
             *   ack?: cotrain.v1.HaveAck.$Shape|null;
             *   error?: cotrain.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ result?: undefined; ack?: null; error?: null }|{ result?: "ack"; ack: cotrain.v1.HaveAck.$Shape; error?: null }|{ result?: "error"; ack?: null; error: cotrain.v1.Error.$Shape })
             * )} cotrain.v1.HaveResponse.$Shape
             */

            /**
             * Constructs a new HaveResponse.
             * @memberof cotrain.v1
             * @classdesc Represents a HaveResponse.
             * @constructor
             * @param {cotrain.v1.HaveResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HaveResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HaveResponse ack.
             * @member {cotrain.v1.HaveAck.$Properties|null|undefined} ack
             * @memberof cotrain.v1.HaveResponse
             * @instance
             */
            HaveResponse.prototype.ack = null;

            /**
             * HaveResponse error.
             * @member {cotrain.v1.Error.$Properties|null|undefined} error
             * @memberof cotrain.v1.HaveResponse
             * @instance
             */
            HaveResponse.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * HaveResponse result.
             * @member {"ack"|"error"|undefined} result
             * @memberof cotrain.v1.HaveResponse
             * @instance
             */
            $Object.defineProperty(HaveResponse.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["ack", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new HaveResponse instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.HaveResponse
             * @static
             * @param {cotrain.v1.HaveResponse.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.HaveResponse} HaveResponse instance
             * @type {{
             *   (properties: cotrain.v1.HaveResponse.$Shape): cotrain.v1.HaveResponse & cotrain.v1.HaveResponse.$Shape;
             *   (properties?: cotrain.v1.HaveResponse.$Properties): cotrain.v1.HaveResponse;
             * }}
             */
            HaveResponse.create = function(properties) {
                return new HaveResponse(properties);
            };

            /**
             * Encodes the specified HaveResponse message. Does not implicitly {@link cotrain.v1.HaveResponse.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.HaveResponse
             * @static
             * @param {cotrain.v1.HaveResponse.$Properties} message HaveResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HaveResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                    $root.cotrain.v1.HaveAck.encode(message.ack, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.cotrain.v1.Error.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HaveResponse message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.HaveResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.HaveResponse & cotrain.v1.HaveResponse.$Shape} HaveResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HaveResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.HaveResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.ack = $root.cotrain.v1.HaveAck.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                            message.result = "ack";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.cotrain.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.result = "error";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a HaveResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.HaveResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.HaveResponse} HaveResponse
             */
            HaveResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.HaveResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.HaveResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.HaveResponse();
                if (object.ack != null) {
                    if (!$util.isObject(object.ack))
                        throw $TypeError(".cotrain.v1.HaveResponse.ack: object expected");
                    message.ack = $root.cotrain.v1.HaveAck.fromObject(object.ack, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".cotrain.v1.HaveResponse.error: object expected");
                    message.error = $root.cotrain.v1.Error.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a HaveResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.HaveResponse
             * @static
             * @param {cotrain.v1.HaveResponse} message HaveResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HaveResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                    object.ack = $root.cotrain.v1.HaveAck.toObject(message.ack, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "ack";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.cotrain.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "error";
                }
                return object;
            };

            /**
             * Converts this HaveResponse to JSON.
             * @function toJSON
             * @memberof cotrain.v1.HaveResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HaveResponse.prototype.toJSON = function() {
                return HaveResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HaveResponse;
        })();

        v1.Capabilities = (function() {

            /**
             * Properties of a Capabilities.
             * @typedef {Object} cotrain.v1.Capabilities.$Properties
             * @property {string|null} [backend] Capabilities backend
             * @property {string|null} [tfjsVersion] Capabilities tfjsVersion
             * @property {boolean|null} [simd] Capabilities simd
             * @property {number|null} [samplesPerSecond] Capabilities samplesPerSecond
             * @property {number|null} [gflops] Capabilities gflops
             * @property {number|null} [cpuCores] Capabilities cpuCores
             * @property {number|null} [memoryMib] Capabilities memoryMib
             * @property {string|null} [gpu] Capabilities gpu
             * @property {number|null} [gpuMemoryMib] Capabilities gpuMemoryMib
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Capabilities.
             * @memberof cotrain.v1
             * @interface ICapabilities
             * @augments cotrain.v1.Capabilities.$Properties
             * @deprecated Use cotrain.v1.Capabilities.$Properties instead.
             */

            /**
             * Shape of a Capabilities.
             * @typedef {cotrain.v1.Capabilities.$Properties} cotrain.v1.Capabilities.$Shape
             */

            /**
             * Constructs a new Capabilities.
             * @memberof cotrain.v1
             * @classdesc Represents a Capabilities.
             * @constructor
             * @param {cotrain.v1.Capabilities.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Capabilities = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Capabilities backend.
             * @member {string} backend
             * @memberof cotrain.v1.Capabilities
             * @instance
             */
            Capabilities.prototype.backend = "";

            /**
             * Capabilities tfjsVersion.
             * @member {string} tfjsVersion
             * @memberof cotrain.v1.Capabilities
             * @instance
             */
            Capabilities.prototype.tfjsVersion = "";

            /**
             * Capabilities simd.
             * @member {boolean} simd
             * @memberof cotrain.v1.Capabilities
             * @instance
             */
            Capabilities.prototype.simd = false;

            /**
             * Capabilities samplesPerSecond.
             * @member {number} samplesPerSecond
             * @memberof cotrain.v1.Capabilities
             * @instance
             */
            Capabilities.prototype.samplesPerSecond = 0;

            /**
             * Capabilities gflops.
             * @member {number} gflops
             * @memberof cotrain.v1.Capabilities
             * @instance
             */
            Capabilities.prototype.gflops = 0;

            /**
             * Capabilities cpuCores.
             * @member {number} cpuCores
             * @memberof cotrain.v1.Capabilities
             * @instance
             */
            Capabilities.prototype.cpuCores = 0;

            /**
             * Capabilities memoryMib.
             * @member {number} memoryMib
             * @memberof cotrain.v1.Capabilities
             * @instance
             */
            Capabilities.prototype.memoryMib = 0;

            /**
             * Capabilities gpu.
             * @member {string} gpu
             * @memberof cotrain.v1.Capabilities
             * @instance
             */
            Capabilities.prototype.gpu = "";

            /**
             * Capabilities gpuMemoryMib.
             * @member {number} gpuMemoryMib
             * @memberof cotrain.v1.Capabilities
             * @instance
             */
            Capabilities.prototype.gpuMemoryMib = 0;

            /**
             * Creates a new Capabilities instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.Capabilities
             * @static
             * @param {cotrain.v1.Capabilities.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.Capabilities} Capabilities instance
             * @type {{
             *   (properties: cotrain.v1.Capabilities.$Shape): cotrain.v1.Capabilities & cotrain.v1.Capabilities.$Shape;
             *   (properties?: cotrain.v1.Capabilities.$Properties): cotrain.v1.Capabilities;
             * }}
             */
            Capabilities.create = function(properties) {
                return new Capabilities(properties);
            };

            /**
             * Encodes the specified Capabilities message. Does not implicitly {@link cotrain.v1.Capabilities.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.Capabilities
             * @static
             * @param {cotrain.v1.Capabilities.$Properties} message Capabilities message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Capabilities.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.backend != null && $Object.hasOwnProperty.call(message, "backend") && message.backend !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.backend);
                if (message.tfjsVersion != null && $Object.hasOwnProperty.call(message, "tfjsVersion") && message.tfjsVersion !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.tfjsVersion);
                if (message.simd != null && $Object.hasOwnProperty.call(message, "simd") && message.simd !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.simd);
                if (message.samplesPerSecond != null && $Object.hasOwnProperty.call(message, "samplesPerSecond") && !$Object.is(message.samplesPerSecond, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.samplesPerSecond);
                if (message.gflops != null && $Object.hasOwnProperty.call(message, "gflops") && !$Object.is(message.gflops, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.gflops);
                if (message.cpuCores != null && $Object.hasOwnProperty.call(message, "cpuCores") && message.cpuCores !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.cpuCores);
                if (message.memoryMib != null && $Object.hasOwnProperty.call(message, "memoryMib") && message.memoryMib !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.memoryMib);
                if (message.gpu != null && $Object.hasOwnProperty.call(message, "gpu") && message.gpu !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.gpu);
                if (message.gpuMemoryMib != null && $Object.hasOwnProperty.call(message, "gpuMemoryMib") && message.gpuMemoryMib !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.gpuMemoryMib);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Capabilities message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.Capabilities
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.Capabilities & cotrain.v1.Capabilities.$Shape} Capabilities
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Capabilities.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.Capabilities();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.backend = value;
                            else
                                delete message.backend;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tfjsVersion = value;
                            else
                                delete message.tfjsVersion;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.simd = value;
                            else
                                delete message.simd;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.samplesPerSecond = value;
                            else
                                delete message.samplesPerSecond;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.gflops = value;
                            else
                                delete message.gflops;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.cpuCores = value;
                            else
                                delete message.cpuCores;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.memoryMib = value;
                            else
                                delete message.memoryMib;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.gpu = value;
                            else
                                delete message.gpu;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.gpuMemoryMib = value;
                            else
                                delete message.gpuMemoryMib;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Capabilities message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.Capabilities
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.Capabilities} Capabilities
             */
            Capabilities.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.Capabilities)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.Capabilities: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.Capabilities();
                if (object.backend != null)
                    if (typeof object.backend !== "string" || object.backend.length)
                        message.backend = $String(object.backend);
                if (object.tfjsVersion != null)
                    if (typeof object.tfjsVersion !== "string" || object.tfjsVersion.length)
                        message.tfjsVersion = $String(object.tfjsVersion);
                if (object.simd != null)
                    if (object.simd)
                        message.simd = $Boolean(object.simd);
                if (object.samplesPerSecond != null)
                    if (!$Object.is($Number(object.samplesPerSecond), 0))
                        message.samplesPerSecond = $Number(object.samplesPerSecond);
                if (object.gflops != null)
                    if (!$Object.is($Number(object.gflops), 0))
                        message.gflops = $Number(object.gflops);
                if (object.cpuCores != null)
                    if ($Number(object.cpuCores) !== 0)
                        message.cpuCores = object.cpuCores >>> 0;
                if (object.memoryMib != null)
                    if ($Number(object.memoryMib) !== 0)
                        message.memoryMib = object.memoryMib >>> 0;
                if (object.gpu != null)
                    if (typeof object.gpu !== "string" || object.gpu.length)
                        message.gpu = $String(object.gpu);
                if (object.gpuMemoryMib != null)
                    if ($Number(object.gpuMemoryMib) !== 0)
                        message.gpuMemoryMib = object.gpuMemoryMib >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Capabilities message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.Capabilities
             * @static
             * @param {cotrain.v1.Capabilities} message Capabilities
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Capabilities.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.backend = "";
                    object.tfjsVersion = "";
                    object.simd = false;
                    object.samplesPerSecond = 0;
                    object.gflops = 0;
                    object.cpuCores = 0;
                    object.memoryMib = 0;
                    object.gpu = "";
                    object.gpuMemoryMib = 0;
                }
                if (message.backend != null && $Object.hasOwnProperty.call(message, "backend"))
                    object.backend = message.backend;
                if (message.tfjsVersion != null && $Object.hasOwnProperty.call(message, "tfjsVersion"))
                    object.tfjsVersion = message.tfjsVersion;
                if (message.simd != null && $Object.hasOwnProperty.call(message, "simd"))
                    object.simd = message.simd;
                if (message.samplesPerSecond != null && $Object.hasOwnProperty.call(message, "samplesPerSecond"))
                    object.samplesPerSecond = options.json && !$isFinite(message.samplesPerSecond) ? $String(message.samplesPerSecond) : message.samplesPerSecond;
                if (message.gflops != null && $Object.hasOwnProperty.call(message, "gflops"))
                    object.gflops = options.json && !$isFinite(message.gflops) ? $String(message.gflops) : message.gflops;
                if (message.cpuCores != null && $Object.hasOwnProperty.call(message, "cpuCores"))
                    object.cpuCores = message.cpuCores;
                if (message.memoryMib != null && $Object.hasOwnProperty.call(message, "memoryMib"))
                    object.memoryMib = message.memoryMib;
                if (message.gpu != null && $Object.hasOwnProperty.call(message, "gpu"))
                    object.gpu = message.gpu;
                if (message.gpuMemoryMib != null && $Object.hasOwnProperty.call(message, "gpuMemoryMib"))
                    object.gpuMemoryMib = message.gpuMemoryMib;
                return object;
            };

            /**
             * Converts this Capabilities to JSON.
             * @function toJSON
             * @memberof cotrain.v1.Capabilities
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Capabilities.prototype.toJSON = function() {
                return Capabilities.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Capabilities;
        })();

        v1.Join = (function() {

            /**
             * Properties of a Join.
             * @typedef {Object} cotrain.v1.Join.$Properties
             * @property {cotrain.v1.Capabilities.$Properties|null} [capabilities] Join capabilities
             * @property {Uint8Array|null} [workerAddress] Join workerAddress
             * @property {number|null} [issuedAt] Join issuedAt
             * @property {Uint8Array|null} [nonce] Join nonce
             * @property {Uint8Array|null} [signature] Join signature
             * @property {string|null} [clientVersion] Join clientVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Join.
             * @memberof cotrain.v1
             * @interface IJoin
             * @augments cotrain.v1.Join.$Properties
             * @deprecated Use cotrain.v1.Join.$Properties instead.
             */

            /**
             * Shape of a Join.
             * @typedef {cotrain.v1.Join.$Properties} cotrain.v1.Join.$Shape
             */

            /**
             * Constructs a new Join.
             * @memberof cotrain.v1
             * @classdesc Represents a Join.
             * @constructor
             * @param {cotrain.v1.Join.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Join = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Join capabilities.
             * @member {cotrain.v1.Capabilities.$Properties|null|undefined} capabilities
             * @memberof cotrain.v1.Join
             * @instance
             */
            Join.prototype.capabilities = null;

            /**
             * Join workerAddress.
             * @member {Uint8Array} workerAddress
             * @memberof cotrain.v1.Join
             * @instance
             */
            Join.prototype.workerAddress = $util.newBuffer([]);

            /**
             * Join issuedAt.
             * @member {number} issuedAt
             * @memberof cotrain.v1.Join
             * @instance
             */
            Join.prototype.issuedAt = 0;

            /**
             * Join nonce.
             * @member {Uint8Array} nonce
             * @memberof cotrain.v1.Join
             * @instance
             */
            Join.prototype.nonce = $util.newBuffer([]);

            /**
             * Join signature.
             * @member {Uint8Array} signature
             * @memberof cotrain.v1.Join
             * @instance
             */
            Join.prototype.signature = $util.newBuffer([]);

            /**
             * Join clientVersion.
             * @member {string} clientVersion
             * @memberof cotrain.v1.Join
             * @instance
             */
            Join.prototype.clientVersion = "";

            /**
             * Creates a new Join instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.Join
             * @static
             * @param {cotrain.v1.Join.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.Join} Join instance
             * @type {{
             *   (properties: cotrain.v1.Join.$Shape): cotrain.v1.Join & cotrain.v1.Join.$Shape;
             *   (properties?: cotrain.v1.Join.$Properties): cotrain.v1.Join;
             * }}
             */
            Join.create = function(properties) {
                return new Join(properties);
            };

            /**
             * Encodes the specified Join message. Does not implicitly {@link cotrain.v1.Join.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.Join
             * @static
             * @param {cotrain.v1.Join.$Properties} message Join message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Join.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.capabilities != null && $Object.hasOwnProperty.call(message, "capabilities"))
                    $root.cotrain.v1.Capabilities.encode(message.capabilities, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress") && message.workerAddress.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.workerAddress);
                if (message.issuedAt != null && $Object.hasOwnProperty.call(message, "issuedAt") && message.issuedAt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.issuedAt);
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.nonce);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.signature);
                if (message.clientVersion != null && $Object.hasOwnProperty.call(message, "clientVersion") && message.clientVersion !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.clientVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Join message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.Join
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.Join & cotrain.v1.Join.$Shape} Join
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Join.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.Join();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.capabilities = $root.cotrain.v1.Capabilities.decode(reader, reader.size(), $undefined, _depth + 1, message.capabilities);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.workerAddress = value;
                            else
                                delete message.workerAddress;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.issuedAt = value;
                            else
                                delete message.issuedAt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clientVersion = value;
                            else
                                delete message.clientVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Join message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.Join
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.Join} Join
             */
            Join.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.Join)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.Join: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.Join();
                if (object.capabilities != null) {
                    if (!$util.isObject(object.capabilities))
                        throw $TypeError(".cotrain.v1.Join.capabilities: object expected");
                    message.capabilities = $root.cotrain.v1.Capabilities.fromObject(object.capabilities, _depth + 1);
                }
                if (object.workerAddress != null)
                    if (object.workerAddress.length)
                        if (typeof object.workerAddress === "string")
                            $util.base64.decode(object.workerAddress, message.workerAddress = $util.newBuffer($util.base64.length(object.workerAddress)), 0);
                        else if (object.workerAddress.length >= 0)
                            message.workerAddress = object.workerAddress;
                if (object.issuedAt != null)
                    if ($Number(object.issuedAt) !== 0)
                        message.issuedAt = object.issuedAt >>> 0;
                if (object.nonce != null)
                    if (object.nonce.length)
                        if (typeof object.nonce === "string")
                            $util.base64.decode(object.nonce, message.nonce = $util.newBuffer($util.base64.length(object.nonce)), 0);
                        else if (object.nonce.length >= 0)
                            message.nonce = object.nonce;
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                if (object.clientVersion != null)
                    if (typeof object.clientVersion !== "string" || object.clientVersion.length)
                        message.clientVersion = $String(object.clientVersion);
                return message;
            };

            /**
             * Creates a plain object from a Join message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.Join
             * @static
             * @param {cotrain.v1.Join} message Join
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Join.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.capabilities = null;
                    if (options.bytes === $String)
                        object.workerAddress = "";
                    else {
                        object.workerAddress = [];
                        if (options.bytes !== $Array)
                            object.workerAddress = $util.newBuffer(object.workerAddress);
                    }
                    object.issuedAt = 0;
                    if (options.bytes === $String)
                        object.nonce = "";
                    else {
                        object.nonce = [];
                        if (options.bytes !== $Array)
                            object.nonce = $util.newBuffer(object.nonce);
                    }
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                    object.clientVersion = "";
                }
                if (message.capabilities != null && $Object.hasOwnProperty.call(message, "capabilities"))
                    object.capabilities = $root.cotrain.v1.Capabilities.toObject(message.capabilities, options, _depth + 1);
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress"))
                    object.workerAddress = options.bytes === $String ? $util.base64.encode(message.workerAddress, 0, message.workerAddress.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.workerAddress) : message.workerAddress;
                if (message.issuedAt != null && $Object.hasOwnProperty.call(message, "issuedAt"))
                    object.issuedAt = message.issuedAt;
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    object.nonce = options.bytes === $String ? $util.base64.encode(message.nonce, 0, message.nonce.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.nonce) : message.nonce;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                if (message.clientVersion != null && $Object.hasOwnProperty.call(message, "clientVersion"))
                    object.clientVersion = message.clientVersion;
                return object;
            };

            /**
             * Converts this Join to JSON.
             * @function toJSON
             * @memberof cotrain.v1.Join
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Join.prototype.toJSON = function() {
                return Join.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Join;
        })();

        v1.JoinAccepted = (function() {

            /**
             * Properties of a JoinAccepted.
             * @typedef {Object} cotrain.v1.JoinAccepted.$Properties
             * @property {Uint8Array|null} [workerAddress] JoinAccepted workerAddress
             * @property {number|null} [serverTime] JoinAccepted serverTime
             * @property {string|null} [announcementTopic] JoinAccepted announcementTopic
             * @property {cotrain.v1.RoundAnnouncement.$Properties|null} [currentRound] JoinAccepted currentRound
             * @property {number|null} [retryAfter] JoinAccepted retryAfter
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JoinAccepted.
             * @memberof cotrain.v1
             * @interface IJoinAccepted
             * @augments cotrain.v1.JoinAccepted.$Properties
             * @deprecated Use cotrain.v1.JoinAccepted.$Properties instead.
             */

            /**
             * Shape of a JoinAccepted.
             * @typedef {cotrain.v1.JoinAccepted.$Properties} cotrain.v1.JoinAccepted.$Shape
             */

            /**
             * Constructs a new JoinAccepted.
             * @memberof cotrain.v1
             * @classdesc Represents a JoinAccepted.
             * @constructor
             * @param {cotrain.v1.JoinAccepted.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JoinAccepted = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JoinAccepted workerAddress.
             * @member {Uint8Array} workerAddress
             * @memberof cotrain.v1.JoinAccepted
             * @instance
             */
            JoinAccepted.prototype.workerAddress = $util.newBuffer([]);

            /**
             * JoinAccepted serverTime.
             * @member {number} serverTime
             * @memberof cotrain.v1.JoinAccepted
             * @instance
             */
            JoinAccepted.prototype.serverTime = 0;

            /**
             * JoinAccepted announcementTopic.
             * @member {string} announcementTopic
             * @memberof cotrain.v1.JoinAccepted
             * @instance
             */
            JoinAccepted.prototype.announcementTopic = "";

            /**
             * JoinAccepted currentRound.
             * @member {cotrain.v1.RoundAnnouncement.$Properties|null|undefined} currentRound
             * @memberof cotrain.v1.JoinAccepted
             * @instance
             */
            JoinAccepted.prototype.currentRound = null;

            /**
             * JoinAccepted retryAfter.
             * @member {number} retryAfter
             * @memberof cotrain.v1.JoinAccepted
             * @instance
             */
            JoinAccepted.prototype.retryAfter = 0;

            /**
             * Creates a new JoinAccepted instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.JoinAccepted
             * @static
             * @param {cotrain.v1.JoinAccepted.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.JoinAccepted} JoinAccepted instance
             * @type {{
             *   (properties: cotrain.v1.JoinAccepted.$Shape): cotrain.v1.JoinAccepted & cotrain.v1.JoinAccepted.$Shape;
             *   (properties?: cotrain.v1.JoinAccepted.$Properties): cotrain.v1.JoinAccepted;
             * }}
             */
            JoinAccepted.create = function(properties) {
                return new JoinAccepted(properties);
            };

            /**
             * Encodes the specified JoinAccepted message. Does not implicitly {@link cotrain.v1.JoinAccepted.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.JoinAccepted
             * @static
             * @param {cotrain.v1.JoinAccepted.$Properties} message JoinAccepted message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JoinAccepted.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress") && message.workerAddress.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.workerAddress);
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && message.serverTime !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.serverTime);
                if (message.announcementTopic != null && $Object.hasOwnProperty.call(message, "announcementTopic") && message.announcementTopic !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.announcementTopic);
                if (message.currentRound != null && $Object.hasOwnProperty.call(message, "currentRound"))
                    $root.cotrain.v1.RoundAnnouncement.encode(message.currentRound, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.retryAfter != null && $Object.hasOwnProperty.call(message, "retryAfter") && message.retryAfter !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.retryAfter);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a JoinAccepted message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.JoinAccepted
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.JoinAccepted & cotrain.v1.JoinAccepted.$Shape} JoinAccepted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JoinAccepted.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.JoinAccepted();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.workerAddress = value;
                            else
                                delete message.workerAddress;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.serverTime = value;
                            else
                                delete message.serverTime;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.announcementTopic = value;
                            else
                                delete message.announcementTopic;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.currentRound = $root.cotrain.v1.RoundAnnouncement.decode(reader, reader.size(), $undefined, _depth + 1, message.currentRound);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.retryAfter = value;
                            else
                                delete message.retryAfter;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a JoinAccepted message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.JoinAccepted
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.JoinAccepted} JoinAccepted
             */
            JoinAccepted.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.JoinAccepted)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.JoinAccepted: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.JoinAccepted();
                if (object.workerAddress != null)
                    if (object.workerAddress.length)
                        if (typeof object.workerAddress === "string")
                            $util.base64.decode(object.workerAddress, message.workerAddress = $util.newBuffer($util.base64.length(object.workerAddress)), 0);
                        else if (object.workerAddress.length >= 0)
                            message.workerAddress = object.workerAddress;
                if (object.serverTime != null)
                    if ($Number(object.serverTime) !== 0)
                        message.serverTime = object.serverTime >>> 0;
                if (object.announcementTopic != null)
                    if (typeof object.announcementTopic !== "string" || object.announcementTopic.length)
                        message.announcementTopic = $String(object.announcementTopic);
                if (object.currentRound != null) {
                    if (!$util.isObject(object.currentRound))
                        throw $TypeError(".cotrain.v1.JoinAccepted.currentRound: object expected");
                    message.currentRound = $root.cotrain.v1.RoundAnnouncement.fromObject(object.currentRound, _depth + 1);
                }
                if (object.retryAfter != null)
                    if ($Number(object.retryAfter) !== 0)
                        message.retryAfter = object.retryAfter >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a JoinAccepted message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.JoinAccepted
             * @static
             * @param {cotrain.v1.JoinAccepted} message JoinAccepted
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JoinAccepted.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.workerAddress = "";
                    else {
                        object.workerAddress = [];
                        if (options.bytes !== $Array)
                            object.workerAddress = $util.newBuffer(object.workerAddress);
                    }
                    object.serverTime = 0;
                    object.announcementTopic = "";
                    object.currentRound = null;
                    object.retryAfter = 0;
                }
                if (message.workerAddress != null && $Object.hasOwnProperty.call(message, "workerAddress"))
                    object.workerAddress = options.bytes === $String ? $util.base64.encode(message.workerAddress, 0, message.workerAddress.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.workerAddress) : message.workerAddress;
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime"))
                    object.serverTime = message.serverTime;
                if (message.announcementTopic != null && $Object.hasOwnProperty.call(message, "announcementTopic"))
                    object.announcementTopic = message.announcementTopic;
                if (message.currentRound != null && $Object.hasOwnProperty.call(message, "currentRound"))
                    object.currentRound = $root.cotrain.v1.RoundAnnouncement.toObject(message.currentRound, options, _depth + 1);
                if (message.retryAfter != null && $Object.hasOwnProperty.call(message, "retryAfter"))
                    object.retryAfter = message.retryAfter;
                return object;
            };

            /**
             * Converts this JoinAccepted to JSON.
             * @function toJSON
             * @memberof cotrain.v1.JoinAccepted
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JoinAccepted.prototype.toJSON = function() {
                return JoinAccepted.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JoinAccepted;
        })();

        v1.JoinResponse = (function() {

            /**
             * Properties of a JoinResponse.
             * @typedef {Object} cotrain.v1.JoinResponse.$Properties
             * @property {cotrain.v1.JoinAccepted.$Properties|null} [accepted] JoinResponse accepted
             * @property {cotrain.v1.Error.$Properties|null} [error] JoinResponse error
             * @property {"accepted"|"error"} [result] JoinResponse result
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JoinResponse.
             * @memberof cotrain.v1
             * @interface IJoinResponse
             * @augments cotrain.v1.JoinResponse.$Properties
             * @deprecated Use cotrain.v1.JoinResponse.$Properties instead.
             */

            /**
             * Narrowed shape of a JoinResponse.
             * @typedef {{
             *   accepted?: cotrain.v1.JoinAccepted.$Shape|null;
             *   error?: cotrain.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ result?: undefined; accepted?: null; error?: null }|{ result?: "accepted"; accepted: cotrain.v1.JoinAccepted.$Shape; error?: null }|{ result?: "error"; accepted?: null; error: cotrain.v1.Error.$Shape })
             * )} cotrain.v1.JoinResponse.$Shape
             */

            /**
             * Constructs a new JoinResponse.
             * @memberof cotrain.v1
             * @classdesc Represents a JoinResponse.
             * @constructor
             * @param {cotrain.v1.JoinResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JoinResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JoinResponse accepted.
             * @member {cotrain.v1.JoinAccepted.$Properties|null|undefined} accepted
             * @memberof cotrain.v1.JoinResponse
             * @instance
             */
            JoinResponse.prototype.accepted = null;

            /**
             * JoinResponse error.
             * @member {cotrain.v1.Error.$Properties|null|undefined} error
             * @memberof cotrain.v1.JoinResponse
             * @instance
             */
            JoinResponse.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * JoinResponse result.
             * @member {"accepted"|"error"|undefined} result
             * @memberof cotrain.v1.JoinResponse
             * @instance
             */
            $Object.defineProperty(JoinResponse.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["accepted", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new JoinResponse instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.JoinResponse
             * @static
             * @param {cotrain.v1.JoinResponse.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.JoinResponse} JoinResponse instance
             * @type {{
             *   (properties: cotrain.v1.JoinResponse.$Shape): cotrain.v1.JoinResponse & cotrain.v1.JoinResponse.$Shape;
             *   (properties?: cotrain.v1.JoinResponse.$Properties): cotrain.v1.JoinResponse;
             * }}
             */
            JoinResponse.create = function(properties) {
                return new JoinResponse(properties);
            };

            /**
             * Encodes the specified JoinResponse message. Does not implicitly {@link cotrain.v1.JoinResponse.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.JoinResponse
             * @static
             * @param {cotrain.v1.JoinResponse.$Properties} message JoinResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JoinResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    $root.cotrain.v1.JoinAccepted.encode(message.accepted, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.cotrain.v1.Error.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a JoinResponse message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.JoinResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.JoinResponse & cotrain.v1.JoinResponse.$Shape} JoinResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JoinResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.JoinResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.accepted = $root.cotrain.v1.JoinAccepted.decode(reader, reader.size(), $undefined, _depth + 1, message.accepted);
                            message.result = "accepted";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.cotrain.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.result = "error";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a JoinResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.JoinResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.JoinResponse} JoinResponse
             */
            JoinResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.JoinResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.JoinResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.JoinResponse();
                if (object.accepted != null) {
                    if (!$util.isObject(object.accepted))
                        throw $TypeError(".cotrain.v1.JoinResponse.accepted: object expected");
                    message.accepted = $root.cotrain.v1.JoinAccepted.fromObject(object.accepted, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".cotrain.v1.JoinResponse.error: object expected");
                    message.error = $root.cotrain.v1.Error.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a JoinResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.JoinResponse
             * @static
             * @param {cotrain.v1.JoinResponse} message JoinResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JoinResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted")) {
                    object.accepted = $root.cotrain.v1.JoinAccepted.toObject(message.accepted, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "accepted";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.cotrain.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "error";
                }
                return object;
            };

            /**
             * Converts this JoinResponse to JSON.
             * @function toJSON
             * @memberof cotrain.v1.JoinResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JoinResponse.prototype.toJSON = function() {
                return JoinResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JoinResponse;
        })();

        v1.SubmissionsRequest = (function() {

            /**
             * Properties of a SubmissionsRequest.
             * @typedef {Object} cotrain.v1.SubmissionsRequest.$Properties
             * @property {number|null} [round] SubmissionsRequest round
             * @property {number|null} [start] SubmissionsRequest start
             * @property {number|null} [limit] SubmissionsRequest limit
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SubmissionsRequest.
             * @memberof cotrain.v1
             * @interface ISubmissionsRequest
             * @augments cotrain.v1.SubmissionsRequest.$Properties
             * @deprecated Use cotrain.v1.SubmissionsRequest.$Properties instead.
             */

            /**
             * Shape of a SubmissionsRequest.
             * @typedef {cotrain.v1.SubmissionsRequest.$Properties} cotrain.v1.SubmissionsRequest.$Shape
             */

            /**
             * Constructs a new SubmissionsRequest.
             * @memberof cotrain.v1
             * @classdesc Represents a SubmissionsRequest.
             * @constructor
             * @param {cotrain.v1.SubmissionsRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SubmissionsRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SubmissionsRequest round.
             * @member {number} round
             * @memberof cotrain.v1.SubmissionsRequest
             * @instance
             */
            SubmissionsRequest.prototype.round = 0;

            /**
             * SubmissionsRequest start.
             * @member {number} start
             * @memberof cotrain.v1.SubmissionsRequest
             * @instance
             */
            SubmissionsRequest.prototype.start = 0;

            /**
             * SubmissionsRequest limit.
             * @member {number} limit
             * @memberof cotrain.v1.SubmissionsRequest
             * @instance
             */
            SubmissionsRequest.prototype.limit = 0;

            /**
             * Creates a new SubmissionsRequest instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.SubmissionsRequest
             * @static
             * @param {cotrain.v1.SubmissionsRequest.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.SubmissionsRequest} SubmissionsRequest instance
             * @type {{
             *   (properties: cotrain.v1.SubmissionsRequest.$Shape): cotrain.v1.SubmissionsRequest & cotrain.v1.SubmissionsRequest.$Shape;
             *   (properties?: cotrain.v1.SubmissionsRequest.$Properties): cotrain.v1.SubmissionsRequest;
             * }}
             */
            SubmissionsRequest.create = function(properties) {
                return new SubmissionsRequest(properties);
            };

            /**
             * Encodes the specified SubmissionsRequest message. Does not implicitly {@link cotrain.v1.SubmissionsRequest.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.SubmissionsRequest
             * @static
             * @param {cotrain.v1.SubmissionsRequest.$Properties} message SubmissionsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SubmissionsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.start != null && $Object.hasOwnProperty.call(message, "start") && message.start !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.start);
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit") && message.limit !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.limit);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SubmissionsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.SubmissionsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.SubmissionsRequest & cotrain.v1.SubmissionsRequest.$Shape} SubmissionsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SubmissionsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.SubmissionsRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.start = value;
                            else
                                delete message.start;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.limit = value;
                            else
                                delete message.limit;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a SubmissionsRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.SubmissionsRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.SubmissionsRequest} SubmissionsRequest
             */
            SubmissionsRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.SubmissionsRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.SubmissionsRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.SubmissionsRequest();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.start != null)
                    if ($Number(object.start) !== 0)
                        message.start = object.start >>> 0;
                if (object.limit != null)
                    if ($Number(object.limit) !== 0)
                        message.limit = object.limit >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a SubmissionsRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.SubmissionsRequest
             * @static
             * @param {cotrain.v1.SubmissionsRequest} message SubmissionsRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SubmissionsRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.round = 0;
                    object.start = 0;
                    object.limit = 0;
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.start != null && $Object.hasOwnProperty.call(message, "start"))
                    object.start = message.start;
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit"))
                    object.limit = message.limit;
                return object;
            };

            /**
             * Converts this SubmissionsRequest to JSON.
             * @function toJSON
             * @memberof cotrain.v1.SubmissionsRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SubmissionsRequest.prototype.toJSON = function() {
                return SubmissionsRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubmissionsRequest;
        })();

        v1.SubmissionSummary = (function() {

            /**
             * Properties of a SubmissionSummary.
             * @typedef {Object} cotrain.v1.SubmissionSummary.$Properties
             * @property {string|null} [workerPeerId] SubmissionSummary workerPeerId
             * @property {Array.<string>|null} [workerAddrs] SubmissionSummary workerAddrs
             * @property {cotrain.v1.UpdateSubmission.$Properties|null} [submission] SubmissionSummary submission
             * @property {Uint8Array|null} [deltaId] SubmissionSummary deltaId
             * @property {number|null} [deltaSize] SubmissionSummary deltaSize
             * @property {string|null} [status] SubmissionSummary status
             * @property {Array.<Uint8Array>|null} [shardIds] SubmissionSummary shardIds
             * @property {cotrain.v1.RoundAnnouncement.$Properties|null} [announcement] SubmissionSummary announcement
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SubmissionSummary.
             * @memberof cotrain.v1
             * @interface ISubmissionSummary
             * @augments cotrain.v1.SubmissionSummary.$Properties
             * @deprecated Use cotrain.v1.SubmissionSummary.$Properties instead.
             */

            /**
             * Shape of a SubmissionSummary.
             * @typedef {cotrain.v1.SubmissionSummary.$Properties} cotrain.v1.SubmissionSummary.$Shape
             */

            /**
             * Constructs a new SubmissionSummary.
             * @memberof cotrain.v1
             * @classdesc Represents a SubmissionSummary.
             * @constructor
             * @param {cotrain.v1.SubmissionSummary.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SubmissionSummary = function (properties) {
                this.workerAddrs = [];
                this.shardIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SubmissionSummary workerPeerId.
             * @member {string} workerPeerId
             * @memberof cotrain.v1.SubmissionSummary
             * @instance
             */
            SubmissionSummary.prototype.workerPeerId = "";

            /**
             * SubmissionSummary workerAddrs.
             * @member {Array.<string>} workerAddrs
             * @memberof cotrain.v1.SubmissionSummary
             * @instance
             */
            SubmissionSummary.prototype.workerAddrs = $util.emptyArray;

            /**
             * SubmissionSummary submission.
             * @member {cotrain.v1.UpdateSubmission.$Properties|null|undefined} submission
             * @memberof cotrain.v1.SubmissionSummary
             * @instance
             */
            SubmissionSummary.prototype.submission = null;

            /**
             * SubmissionSummary deltaId.
             * @member {Uint8Array} deltaId
             * @memberof cotrain.v1.SubmissionSummary
             * @instance
             */
            SubmissionSummary.prototype.deltaId = $util.newBuffer([]);

            /**
             * SubmissionSummary deltaSize.
             * @member {number} deltaSize
             * @memberof cotrain.v1.SubmissionSummary
             * @instance
             */
            SubmissionSummary.prototype.deltaSize = 0;

            /**
             * SubmissionSummary status.
             * @member {string} status
             * @memberof cotrain.v1.SubmissionSummary
             * @instance
             */
            SubmissionSummary.prototype.status = "";

            /**
             * SubmissionSummary shardIds.
             * @member {Array.<Uint8Array>} shardIds
             * @memberof cotrain.v1.SubmissionSummary
             * @instance
             */
            SubmissionSummary.prototype.shardIds = $util.emptyArray;

            /**
             * SubmissionSummary announcement.
             * @member {cotrain.v1.RoundAnnouncement.$Properties|null|undefined} announcement
             * @memberof cotrain.v1.SubmissionSummary
             * @instance
             */
            SubmissionSummary.prototype.announcement = null;

            /**
             * Creates a new SubmissionSummary instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.SubmissionSummary
             * @static
             * @param {cotrain.v1.SubmissionSummary.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.SubmissionSummary} SubmissionSummary instance
             * @type {{
             *   (properties: cotrain.v1.SubmissionSummary.$Shape): cotrain.v1.SubmissionSummary & cotrain.v1.SubmissionSummary.$Shape;
             *   (properties?: cotrain.v1.SubmissionSummary.$Properties): cotrain.v1.SubmissionSummary;
             * }}
             */
            SubmissionSummary.create = function(properties) {
                return new SubmissionSummary(properties);
            };

            /**
             * Encodes the specified SubmissionSummary message. Does not implicitly {@link cotrain.v1.SubmissionSummary.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.SubmissionSummary
             * @static
             * @param {cotrain.v1.SubmissionSummary.$Properties} message SubmissionSummary message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SubmissionSummary.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.workerPeerId != null && $Object.hasOwnProperty.call(message, "workerPeerId") && message.workerPeerId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workerPeerId);
                if (message.workerAddrs != null && message.workerAddrs.length)
                    for (let i = 0; i < message.workerAddrs.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.workerAddrs[i]);
                if (message.submission != null && $Object.hasOwnProperty.call(message, "submission"))
                    $root.cotrain.v1.UpdateSubmission.encode(message.submission, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.deltaId != null && $Object.hasOwnProperty.call(message, "deltaId") && message.deltaId.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.deltaId);
                if (message.deltaSize != null && $Object.hasOwnProperty.call(message, "deltaSize") && message.deltaSize !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.deltaSize);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.status);
                if (message.shardIds != null && message.shardIds.length)
                    for (let i = 0; i < message.shardIds.length; ++i)
                        writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.shardIds[i]);
                if (message.announcement != null && $Object.hasOwnProperty.call(message, "announcement"))
                    $root.cotrain.v1.RoundAnnouncement.encode(message.announcement, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SubmissionSummary message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.SubmissionSummary
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.SubmissionSummary & cotrain.v1.SubmissionSummary.$Shape} SubmissionSummary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SubmissionSummary.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.SubmissionSummary();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workerPeerId = value;
                            else
                                delete message.workerPeerId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.workerAddrs && message.workerAddrs.length))
                                message.workerAddrs = [];
                            message.workerAddrs.push(reader.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.submission = $root.cotrain.v1.UpdateSubmission.decode(reader, reader.size(), $undefined, _depth + 1, message.submission);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.deltaId = value;
                            else
                                delete message.deltaId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deltaSize = value;
                            else
                                delete message.deltaSize;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.shardIds && message.shardIds.length))
                                message.shardIds = [];
                            message.shardIds.push(reader.bytes());
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.announcement = $root.cotrain.v1.RoundAnnouncement.decode(reader, reader.size(), $undefined, _depth + 1, message.announcement);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a SubmissionSummary message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.SubmissionSummary
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.SubmissionSummary} SubmissionSummary
             */
            SubmissionSummary.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.SubmissionSummary)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.SubmissionSummary: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.SubmissionSummary();
                if (object.workerPeerId != null)
                    if (typeof object.workerPeerId !== "string" || object.workerPeerId.length)
                        message.workerPeerId = $String(object.workerPeerId);
                if (object.workerAddrs) {
                    if (!$Array.isArray(object.workerAddrs))
                        throw $TypeError(".cotrain.v1.SubmissionSummary.workerAddrs: array expected");
                    message.workerAddrs = $Array(object.workerAddrs.length);
                    for (let i = 0; i < object.workerAddrs.length; ++i)
                        message.workerAddrs[i] = $String(object.workerAddrs[i]);
                }
                if (object.submission != null) {
                    if (!$util.isObject(object.submission))
                        throw $TypeError(".cotrain.v1.SubmissionSummary.submission: object expected");
                    message.submission = $root.cotrain.v1.UpdateSubmission.fromObject(object.submission, _depth + 1);
                }
                if (object.deltaId != null)
                    if (object.deltaId.length)
                        if (typeof object.deltaId === "string")
                            $util.base64.decode(object.deltaId, message.deltaId = $util.newBuffer($util.base64.length(object.deltaId)), 0);
                        else if (object.deltaId.length >= 0)
                            message.deltaId = object.deltaId;
                if (object.deltaSize != null)
                    if ($Number(object.deltaSize) !== 0)
                        message.deltaSize = object.deltaSize >>> 0;
                if (object.status != null)
                    if (typeof object.status !== "string" || object.status.length)
                        message.status = $String(object.status);
                if (object.shardIds) {
                    if (!$Array.isArray(object.shardIds))
                        throw $TypeError(".cotrain.v1.SubmissionSummary.shardIds: array expected");
                    message.shardIds = $Array(object.shardIds.length);
                    for (let i = 0; i < object.shardIds.length; ++i)
                        if (typeof object.shardIds[i] === "string")
                            $util.base64.decode(object.shardIds[i], message.shardIds[i] = $util.newBuffer($util.base64.length(object.shardIds[i])), 0);
                        else if (object.shardIds[i].length >= 0)
                            message.shardIds[i] = object.shardIds[i];
                }
                if (object.announcement != null) {
                    if (!$util.isObject(object.announcement))
                        throw $TypeError(".cotrain.v1.SubmissionSummary.announcement: object expected");
                    message.announcement = $root.cotrain.v1.RoundAnnouncement.fromObject(object.announcement, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a SubmissionSummary message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.SubmissionSummary
             * @static
             * @param {cotrain.v1.SubmissionSummary} message SubmissionSummary
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SubmissionSummary.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.workerAddrs = [];
                    object.shardIds = [];
                }
                if (options.defaults) {
                    object.workerPeerId = "";
                    object.submission = null;
                    if (options.bytes === $String)
                        object.deltaId = "";
                    else {
                        object.deltaId = [];
                        if (options.bytes !== $Array)
                            object.deltaId = $util.newBuffer(object.deltaId);
                    }
                    object.deltaSize = 0;
                    object.status = "";
                    object.announcement = null;
                }
                if (message.workerPeerId != null && $Object.hasOwnProperty.call(message, "workerPeerId"))
                    object.workerPeerId = message.workerPeerId;
                if (message.workerAddrs && message.workerAddrs.length) {
                    object.workerAddrs = $Array(message.workerAddrs.length);
                    for (let j = 0; j < message.workerAddrs.length; ++j)
                        object.workerAddrs[j] = message.workerAddrs[j];
                }
                if (message.submission != null && $Object.hasOwnProperty.call(message, "submission"))
                    object.submission = $root.cotrain.v1.UpdateSubmission.toObject(message.submission, options, _depth + 1);
                if (message.deltaId != null && $Object.hasOwnProperty.call(message, "deltaId"))
                    object.deltaId = options.bytes === $String ? $util.base64.encode(message.deltaId, 0, message.deltaId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.deltaId) : message.deltaId;
                if (message.deltaSize != null && $Object.hasOwnProperty.call(message, "deltaSize"))
                    object.deltaSize = message.deltaSize;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = message.status;
                if (message.shardIds && message.shardIds.length) {
                    object.shardIds = $Array(message.shardIds.length);
                    for (let j = 0; j < message.shardIds.length; ++j)
                        object.shardIds[j] = options.bytes === $String ? $util.base64.encode(message.shardIds[j], 0, message.shardIds[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.shardIds[j]) : message.shardIds[j];
                }
                if (message.announcement != null && $Object.hasOwnProperty.call(message, "announcement"))
                    object.announcement = $root.cotrain.v1.RoundAnnouncement.toObject(message.announcement, options, _depth + 1);
                return object;
            };

            /**
             * Converts this SubmissionSummary to JSON.
             * @function toJSON
             * @memberof cotrain.v1.SubmissionSummary
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SubmissionSummary.prototype.toJSON = function() {
                return SubmissionSummary.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubmissionSummary;
        })();

        v1.SubmissionList = (function() {

            /**
             * Properties of a SubmissionList.
             * @typedef {Object} cotrain.v1.SubmissionList.$Properties
             * @property {number|null} [round] SubmissionList round
             * @property {Array.<cotrain.v1.SubmissionSummary.$Properties>|null} [submissions] SubmissionList submissions
             * @property {number|null} [total] SubmissionList total
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SubmissionList.
             * @memberof cotrain.v1
             * @interface ISubmissionList
             * @augments cotrain.v1.SubmissionList.$Properties
             * @deprecated Use cotrain.v1.SubmissionList.$Properties instead.
             */

            /**
             * Shape of a SubmissionList.
             * @typedef {cotrain.v1.SubmissionList.$Properties} cotrain.v1.SubmissionList.$Shape
             */

            /**
             * Constructs a new SubmissionList.
             * @memberof cotrain.v1
             * @classdesc Represents a SubmissionList.
             * @constructor
             * @param {cotrain.v1.SubmissionList.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SubmissionList = function (properties) {
                this.submissions = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SubmissionList round.
             * @member {number} round
             * @memberof cotrain.v1.SubmissionList
             * @instance
             */
            SubmissionList.prototype.round = 0;

            /**
             * SubmissionList submissions.
             * @member {Array.<cotrain.v1.SubmissionSummary.$Properties>} submissions
             * @memberof cotrain.v1.SubmissionList
             * @instance
             */
            SubmissionList.prototype.submissions = $util.emptyArray;

            /**
             * SubmissionList total.
             * @member {number} total
             * @memberof cotrain.v1.SubmissionList
             * @instance
             */
            SubmissionList.prototype.total = 0;

            /**
             * Creates a new SubmissionList instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.SubmissionList
             * @static
             * @param {cotrain.v1.SubmissionList.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.SubmissionList} SubmissionList instance
             * @type {{
             *   (properties: cotrain.v1.SubmissionList.$Shape): cotrain.v1.SubmissionList & cotrain.v1.SubmissionList.$Shape;
             *   (properties?: cotrain.v1.SubmissionList.$Properties): cotrain.v1.SubmissionList;
             * }}
             */
            SubmissionList.create = function(properties) {
                return new SubmissionList(properties);
            };

            /**
             * Encodes the specified SubmissionList message. Does not implicitly {@link cotrain.v1.SubmissionList.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.SubmissionList
             * @static
             * @param {cotrain.v1.SubmissionList.$Properties} message SubmissionList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SubmissionList.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.round != null && $Object.hasOwnProperty.call(message, "round") && message.round !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.submissions != null && message.submissions.length)
                    for (let i = 0; i < message.submissions.length; ++i)
                        $root.cotrain.v1.SubmissionSummary.encode(message.submissions[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.total != null && $Object.hasOwnProperty.call(message, "total") && message.total !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.total);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SubmissionList message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.SubmissionList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.SubmissionList & cotrain.v1.SubmissionList.$Shape} SubmissionList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SubmissionList.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.SubmissionList();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.round = value;
                            else
                                delete message.round;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.submissions && message.submissions.length))
                                message.submissions = [];
                            message.submissions.push($root.cotrain.v1.SubmissionSummary.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.total = value;
                            else
                                delete message.total;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a SubmissionList message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.SubmissionList
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.SubmissionList} SubmissionList
             */
            SubmissionList.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.SubmissionList)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.SubmissionList: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.SubmissionList();
                if (object.round != null)
                    if ($Number(object.round) !== 0)
                        message.round = object.round >>> 0;
                if (object.submissions) {
                    if (!$Array.isArray(object.submissions))
                        throw $TypeError(".cotrain.v1.SubmissionList.submissions: array expected");
                    message.submissions = $Array(object.submissions.length);
                    for (let i = 0; i < object.submissions.length; ++i) {
                        if (!$util.isObject(object.submissions[i]))
                            throw $TypeError(".cotrain.v1.SubmissionList.submissions: object expected");
                        message.submissions[i] = $root.cotrain.v1.SubmissionSummary.fromObject(object.submissions[i], _depth + 1);
                    }
                }
                if (object.total != null)
                    if ($Number(object.total) !== 0)
                        message.total = object.total >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a SubmissionList message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.SubmissionList
             * @static
             * @param {cotrain.v1.SubmissionList} message SubmissionList
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SubmissionList.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.submissions = [];
                if (options.defaults) {
                    object.round = 0;
                    object.total = 0;
                }
                if (message.round != null && $Object.hasOwnProperty.call(message, "round"))
                    object.round = message.round;
                if (message.submissions && message.submissions.length) {
                    object.submissions = $Array(message.submissions.length);
                    for (let j = 0; j < message.submissions.length; ++j)
                        object.submissions[j] = $root.cotrain.v1.SubmissionSummary.toObject(message.submissions[j], options, _depth + 1);
                }
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    object.total = message.total;
                return object;
            };

            /**
             * Converts this SubmissionList to JSON.
             * @function toJSON
             * @memberof cotrain.v1.SubmissionList
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SubmissionList.prototype.toJSON = function() {
                return SubmissionList.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubmissionList;
        })();

        v1.SubmissionsResponse = (function() {

            /**
             * Properties of a SubmissionsResponse.
             * @typedef {Object} cotrain.v1.SubmissionsResponse.$Properties
             * @property {cotrain.v1.SubmissionList.$Properties|null} [list] SubmissionsResponse list
             * @property {cotrain.v1.Error.$Properties|null} [error] SubmissionsResponse error
             * @property {"list"|"error"} [result] SubmissionsResponse result
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SubmissionsResponse.
             * @memberof cotrain.v1
             * @interface ISubmissionsResponse
             * @augments cotrain.v1.SubmissionsResponse.$Properties
             * @deprecated Use cotrain.v1.SubmissionsResponse.$Properties instead.
             */

            /**
             * Narrowed shape of a SubmissionsResponse.
             * @typedef {{
             *   list?: cotrain.v1.SubmissionList.$Shape|null;
             *   error?: cotrain.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ result?: undefined; list?: null; error?: null }|{ result?: "list"; list: cotrain.v1.SubmissionList.$Shape; error?: null }|{ result?: "error"; list?: null; error: cotrain.v1.Error.$Shape })
             * )} cotrain.v1.SubmissionsResponse.$Shape
             */

            /**
             * Constructs a new SubmissionsResponse.
             * @memberof cotrain.v1
             * @classdesc Represents a SubmissionsResponse.
             * @constructor
             * @param {cotrain.v1.SubmissionsResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SubmissionsResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SubmissionsResponse list.
             * @member {cotrain.v1.SubmissionList.$Properties|null|undefined} list
             * @memberof cotrain.v1.SubmissionsResponse
             * @instance
             */
            SubmissionsResponse.prototype.list = null;

            /**
             * SubmissionsResponse error.
             * @member {cotrain.v1.Error.$Properties|null|undefined} error
             * @memberof cotrain.v1.SubmissionsResponse
             * @instance
             */
            SubmissionsResponse.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * SubmissionsResponse result.
             * @member {"list"|"error"|undefined} result
             * @memberof cotrain.v1.SubmissionsResponse
             * @instance
             */
            $Object.defineProperty(SubmissionsResponse.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["list", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new SubmissionsResponse instance using the specified properties.
             * @function create
             * @memberof cotrain.v1.SubmissionsResponse
             * @static
             * @param {cotrain.v1.SubmissionsResponse.$Properties=} [properties] Properties to set
             * @returns {cotrain.v1.SubmissionsResponse} SubmissionsResponse instance
             * @type {{
             *   (properties: cotrain.v1.SubmissionsResponse.$Shape): cotrain.v1.SubmissionsResponse & cotrain.v1.SubmissionsResponse.$Shape;
             *   (properties?: cotrain.v1.SubmissionsResponse.$Properties): cotrain.v1.SubmissionsResponse;
             * }}
             */
            SubmissionsResponse.create = function(properties) {
                return new SubmissionsResponse(properties);
            };

            /**
             * Encodes the specified SubmissionsResponse message. Does not implicitly {@link cotrain.v1.SubmissionsResponse.verify|verify} messages.
             * @function encode
             * @memberof cotrain.v1.SubmissionsResponse
             * @static
             * @param {cotrain.v1.SubmissionsResponse.$Properties} message SubmissionsResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SubmissionsResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.list != null && $Object.hasOwnProperty.call(message, "list"))
                    $root.cotrain.v1.SubmissionList.encode(message.list, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.cotrain.v1.Error.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SubmissionsResponse message from the specified reader or buffer.
             * @function decode
             * @memberof cotrain.v1.SubmissionsResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {cotrain.v1.SubmissionsResponse & cotrain.v1.SubmissionsResponse.$Shape} SubmissionsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SubmissionsResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.cotrain.v1.SubmissionsResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.list = $root.cotrain.v1.SubmissionList.decode(reader, reader.size(), $undefined, _depth + 1, message.list);
                            message.result = "list";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.cotrain.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.result = "error";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a SubmissionsResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof cotrain.v1.SubmissionsResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {cotrain.v1.SubmissionsResponse} SubmissionsResponse
             */
            SubmissionsResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.cotrain.v1.SubmissionsResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".cotrain.v1.SubmissionsResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.cotrain.v1.SubmissionsResponse();
                if (object.list != null) {
                    if (!$util.isObject(object.list))
                        throw $TypeError(".cotrain.v1.SubmissionsResponse.list: object expected");
                    message.list = $root.cotrain.v1.SubmissionList.fromObject(object.list, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".cotrain.v1.SubmissionsResponse.error: object expected");
                    message.error = $root.cotrain.v1.Error.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a SubmissionsResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof cotrain.v1.SubmissionsResponse
             * @static
             * @param {cotrain.v1.SubmissionsResponse} message SubmissionsResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SubmissionsResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.list != null && $Object.hasOwnProperty.call(message, "list")) {
                    object.list = $root.cotrain.v1.SubmissionList.toObject(message.list, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "list";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.cotrain.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.result = "error";
                }
                return object;
            };

            /**
             * Converts this SubmissionsResponse to JSON.
             * @function toJSON
             * @memberof cotrain.v1.SubmissionsResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SubmissionsResponse.prototype.toJSON = function() {
                return SubmissionsResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubmissionsResponse;
        })();

        return v1;
    })();

    return cotrain;
})();

export {
  $root as default
};
