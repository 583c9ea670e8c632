import Foundation
import Yams

/// The one strict YAML decoder of the project (job file, template, consolidation options):
/// it decodes a `Decodable` type with Yams and refuses every key of the document that no
/// type asked for. The allowed keys are not written anywhere but in the Codable types:
/// decoding goes through a recording `Decoder` (`StrictYAML+Recorder.swift`) that notes,
/// per mapping, the keys each type read (`decode`, `decodeIfPresent`, `contains`, nested
/// containers); a key that was never read is a mistake, reported with its `Mark`.
///
/// When decoding itself fails, a mapping whose type did not finish cannot say which keys it
/// would have read; its unknown keys are then only reported when its `CodingKey` type is
/// `CaseIterable`, and otherwise the decoding error is (a missing key names the nearest
/// unread key as a likely typo).
public enum StrictYAML {
    /// One step of a path into the document: a mapping key or a sequence index.
    public enum Step: Hashable, Sendable, CustomStringConvertible {
        case key(String)
        case index(Int)
        public var description: String {
            switch self {
            case .key(let k): return k
            case .index(let i): return "[\(i)]"
            }
        }
    }

    /// A key of the document that no Codable type read.
    public struct UnknownKey: Sendable {
        /// The path of the mapping that holds the key (empty at the top).
        public var path: [Step]
        /// The key as written.
        public var key: String
        /// Where the key is written.
        public var mark: Mark?
        /// The keys the mapping's type reads, sorted.
        public var expected: [String]
        /// The expected key it most likely misspells, if one is close.
        public var suggestion: String?

        /// `unknown key 'x' in forms[0] (expected one of: a, b)`, or with a close key
        /// `unknown key 'ouput' (did you mean 'output'?)`.
        public var message: String {
            let place = path.isEmpty ? "" : " in \(StrictYAML.text(path))"
            if let suggestion { return "unknown key '\(key)'\(place) (did you mean '\(suggestion)'?)" }
            return "unknown key '\(key)'\(place) (expected one of: \(expected.joined(separator: ", ")))"
        }
    }

    /// Why a document could not be decoded strictly.
    public enum Failure: Error {
        /// A key that no type read.
        case unknownKey(UnknownKey)
        /// Yams' own decoding error (missing key, wrong kind of value, …).
        case decoding(DecodingError)
        /// Anything else thrown while decoding.
        case other(any Error)
    }

    /// Decodes `type` from the composed `node`; every key of `node` must be read by a type.
    public static func decode<T: Decodable>(_ type: T.Type, from node: Node) throws(Failure) -> T {
        let log = KeyLog()
        let value: T
        do {
            let inner = try YAMLDecoder().decode(Inner.self, from: node).decoder
            value = try build(type, inner, [], log)
        } catch let e as DecodingError {
            if let unknown = unknownKeys(node, log: log, trustedOnly: true).first { throw .unknownKey(unknown) }
            if let typo = hint(for: e, node: node, log: log) { throw .unknownKey(typo) }
            throw .decoding(e)
        } catch {
            throw .other(error)
        }
        if let unknown = unknownKeys(node, log: log, trustedOnly: false).first { throw .unknownKey(unknown) }
        return value
    }

    /// Composes `yaml` and decodes it strictly; a syntax error or an empty text is `.other`.
    public static func decode<T: Decodable>(_ type: T.Type, yaml: String) throws(Failure) -> T {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch { throw .other(error) }
        guard let node else { throw .other(DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "the document is empty"))) }
        return try decode(type, from: node)
    }

    /// A path as the messages write it: `forms[0].title`.
    static func text(_ path: [Step]) -> String {
        var s = ""
        for step in path {
            switch step {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }

    /// Captures Yams' own decoder for the root, so that the recorder wraps it.
    private struct Inner: Decodable {
        let decoder: any Decoder
        init(from decoder: any Decoder) throws { self.decoder = decoder }
    }

    /// The keys no type read, in document order; with `trustedOnly`, only in mappings whose
    /// type finished decoding or whose keys are `CaseIterable`.
    static func unknownKeys(_ root: Node, log: KeyLog, trustedOnly: Bool) -> [UnknownKey] {
        var found: [UnknownKey] = []
        func walk(_ node: Node, _ path: [Step]) {
            switch node {
            case .mapping(let m):
                guard let read = log.read[path] else { return }  // not decoded as a mapping
                let trusted = !trustedOnly || log.trusted.contains(path)
                for (k, v) in m {
                    guard let key = k.string else { continue }
                    if read.contains(key) {
                        walk(v, path + [.key(key)])
                    } else if trusted {
                        let near = read.filter { close(key, $0) }.min { distance(key, $0) < distance(key, $1) }
                        found.append(UnknownKey(path: path, key: key, mark: k.mark, expected: read.sorted(), suggestion: near))
                    }
                }
            case .sequence(let s):
                for (i, v) in s.enumerated() { walk(v, path + [.index(i)]) }
            default:
                break
            }
        }
        walk(root, [])
        return found
    }

    /// `key` is a likely typo of `known`: one edit away, two for keys of six letters or more;
    /// keys shorter than three letters (`vi`, `en`) are not guessed at.
    static func close(_ key: String, _ known: String) -> Bool {
        known.count >= 3 && distance(key, known) <= (known.count >= 6 ? 2 : 1)
    }

    /// For a missing key, the unread key of the same mapping that looks like its typo.
    private static func hint(for e: DecodingError, node: Node, log: KeyLog) -> UnknownKey? {
        guard case .keyNotFound(let missing, let ctx) = e else { return nil }
        var path: [Step] = []
        var n: Node? = node
        for k in ctx.codingPath {
            if case .sequence(let s)? = n, let i = k.intValue, i < s.count {
                n = s[i]
                path.append(.index(i))
            } else if case .mapping(let m)? = n {
                n = m[k.stringValue]
                path.append(.key(k.stringValue))
            } else {
                return nil
            }
        }
        guard case .mapping(let m)? = n else { return nil }
        let read = log.read[path] ?? []
        var best: (Int, UnknownKey)?
        for (k, _) in m {
            guard let key = k.string, !read.contains(key) else { continue }
            let d = distance(key, missing.stringValue)
            if close(key, missing.stringValue), d < (best?.0 ?? .max) {
                best = (d, UnknownKey(
                    path: path, key: key, mark: k.mark, expected: (read.union([missing.stringValue])).sorted(),
                    suggestion: missing.stringValue))
            }
        }
        return best?.1
    }

    /// Levenshtein distance (keys are short).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
