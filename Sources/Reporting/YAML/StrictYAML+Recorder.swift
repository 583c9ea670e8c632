import Foundation
import Yams

// The recording decoder: wraps Yams' decoder so that every keyed container a Codable type
// opens notes, under the container's path, the keys the type reads. Scalars are decoded by
// Yams itself, so errors and values are exactly Yams' own; every other value is built
// through the wrapper so that its keys are noted too.

extension StrictYAML {
    /// The keys read per mapping path, and the mappings whose key set is known whole.
    final class KeyLog {
        var read: [[Step]: Set<String>] = [:]
        /// Paths whose type finished decoding, or whose `CodingKey` is `CaseIterable`.
        var trusted: Set<[Step]> = []

        func open<Key: CodingKey>(_ path: [Step], _ key: Key.Type) {
            if read[path] == nil { read[path] = [] }
            if let all = key as? any CaseIterable.Type {
                read[path, default: []].formUnion(Self.names(all))
                trusted.insert(path)
            }
        }
        func note(_ path: [Step], _ key: some CodingKey) { read[path, default: []].insert(key.stringValue) }
        func complete(_ path: [Step]) { trusted.insert(path) }

        private static func names<C: CaseIterable>(_ type: C.Type) -> [String] {
            type.allCases.compactMap { ($0 as? any CodingKey)?.stringValue }
        }
    }

    /// Builds `T` through the recorder at `path`, or lets Yams build a scalar.
    static func build<T: Decodable>(_ type: T.Type, _ inner: any Decoder, _ path: [Step], _ log: KeyLog) throws -> T {
        let value = try T(from: RecordingDecoder(inner: inner, path: path, log: log))
        log.complete(path)
        return value
    }

    struct RecordingDecoder: Decoder {
        let inner: any Decoder
        let path: [Step]
        let log: KeyLog
        var codingPath: [any CodingKey] { inner.codingPath }
        var userInfo: [CodingUserInfoKey: Any] { inner.userInfo }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            let c = try inner.container(keyedBy: type)
            log.open(path, type)
            return KeyedDecodingContainer(RecordingKeyed(inner: c, path: path, log: log))
        }
        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            RecordingUnkeyed(inner: try inner.unkeyedContainer(), path: path, log: log)
        }
        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            RecordingSingle(inner: try inner.singleValueContainer(), decoder: self)
        }
    }

    struct RecordingKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let inner: KeyedDecodingContainer<Key>
        let path: [Step]
        let log: KeyLog
        var codingPath: [any CodingKey] { inner.codingPath }
        var allKeys: [Key] { inner.allKeys }

        func contains(_ key: Key) -> Bool {
            log.note(path, key)
            return inner.contains(key)
        }
        func decodeNil(forKey key: Key) throws -> Bool {
            log.note(path, key)
            return try inner.decodeNil(forKey: key)
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            log.note(path, key)
            if type is any ScalarConstructible.Type { return try inner.decode(type, forKey: key) }
            return try StrictYAML.build(type, inner.superDecoder(forKey: key), path + [.key(key.stringValue)], log)
        }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(type, key) }
        private func scalar<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            log.note(path, key)
            return try inner.decode(type, forKey: key)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            log.note(path, key)
            return try RecordingDecoder(inner: inner.superDecoder(forKey: key), path: path + [.key(key.stringValue)], log: log)
                .container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            log.note(path, key)
            return try RecordingDecoder(inner: inner.superDecoder(forKey: key), path: path + [.key(key.stringValue)], log: log)
                .unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { try inner.superDecoder() }
        func superDecoder(forKey key: Key) throws -> any Decoder {
            log.note(path, key)
            return RecordingDecoder(inner: try inner.superDecoder(forKey: key), path: path + [.key(key.stringValue)], log: log)
        }
    }

    struct RecordingUnkeyed: UnkeyedDecodingContainer {
        var inner: any UnkeyedDecodingContainer
        let path: [Step]
        let log: KeyLog
        var codingPath: [any CodingKey] { inner.codingPath }
        var count: Int? { inner.count }
        var isAtEnd: Bool { inner.isAtEnd }
        var currentIndex: Int { inner.currentIndex }

        mutating func decodeNil() throws -> Bool { try inner.decodeNil() }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            if type is any ScalarConstructible.Type { return try inner.decode(type) }
            let here = path + [.index(inner.currentIndex)]
            return try StrictYAML.build(type, inner.superDecoder(), here, log)
        }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try inner.decode(type) }
        mutating func decode(_ type: String.Type) throws -> String { try inner.decode(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try inner.decode(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try inner.decode(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try inner.decode(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try inner.decode(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try inner.decode(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try inner.decode(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try inner.decode(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try inner.decode(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try inner.decode(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try inner.decode(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try inner.decode(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try inner.decode(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let here = path + [.index(inner.currentIndex)]
            return try RecordingDecoder(inner: inner.superDecoder(), path: here, log: log).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let here = path + [.index(inner.currentIndex)]
            return try RecordingDecoder(inner: inner.superDecoder(), path: here, log: log).unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder {
            let here = path + [.index(inner.currentIndex)]
            return RecordingDecoder(inner: try inner.superDecoder(), path: here, log: log)
        }
    }

    struct RecordingSingle: SingleValueDecodingContainer {
        let inner: any SingleValueDecodingContainer
        let decoder: RecordingDecoder
        var codingPath: [any CodingKey] { inner.codingPath }

        func decodeNil() -> Bool { inner.decodeNil() }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            if type is any ScalarConstructible.Type { return try inner.decode(type) }
            return try StrictYAML.build(type, decoder.inner, decoder.path, decoder.log)
        }
        func decode(_ type: Bool.Type) throws -> Bool { try inner.decode(type) }
        func decode(_ type: String.Type) throws -> String { try inner.decode(type) }
        func decode(_ type: Double.Type) throws -> Double { try inner.decode(type) }
        func decode(_ type: Float.Type) throws -> Float { try inner.decode(type) }
        func decode(_ type: Int.Type) throws -> Int { try inner.decode(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try inner.decode(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try inner.decode(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try inner.decode(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try inner.decode(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try inner.decode(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try inner.decode(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try inner.decode(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try inner.decode(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try inner.decode(type) }
    }
}
