import Foundation
import Reporting
import XLSX

/// When a file entered the inbox, written beside it by whoever placed it there (the upload
/// server, `tonghop receive`, a mail fetcher, the sample generator):
/// `<inbox>/.receipts/<file name>.json`,
/// `{"file": …, "sha256": …, "received_at": "2016-11-14T09:12:00+07:00", "via": "upload"}`.
///
/// A receipt counts only for the content it names (its SHA-256); a file without one, or
/// replaced by other content, counts as received at its modification time. Either way the
/// run takes the time when it first sees that content and the ledger keeps it, so the
/// time a file counts as received is when it entered the inbox, not when the job ran.
public struct Receipt: Codable, Sendable, Equatable {
    public var file: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// ISO 8601 with a zone offset.
    public var receivedAt: String
    /// How it came: `upload`, `receive`, `sample`, `mail`…
    public var via: String

    enum CodingKeys: String, CodingKey {
        case file, sha256, via
        case receivedAt = "received_at"
    }

    public init(file: String, sha256: String, receivedAt: Timestamp, via: String) {
        self.file = file
        self.sha256 = sha256
        self.receivedAt = receivedAt.iso
        self.via = via
    }

    /// The hidden folder of receipts inside an inbox (the scan never reads it as a submission).
    public static let folderName = ".receipts"

    /// `<inbox>/.receipts/<name>.json`.
    public static func path(inbox: String, name: String) -> String {
        inbox + "/" + folderName + "/" + name + ".json"
    }

    /// The receipt time, when the text parses.
    public var time: Timestamp? { Timestamp(iso: receivedAt) }

    /// The receipt of `name` in `inbox`, or nil when there is none or it does not parse
    /// (receipts are advisory: a bad one falls back to the file's time, never stops a run).
    public static func read(inbox: String, name: String) -> Receipt? {
        let p = path(inbox: inbox, name: name)
        guard let data = FileManager.default.contents(atPath: p), data.count < 64 * 1024,
            let r = try? JSONDecoder().decode(Receipt.self, from: data), r.file == name, r.time != nil
        else { return nil }
        return r
    }

    /// The receipt's JSON, keys sorted, one line.
    public var json: [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8]((try? e.encode(self)) ?? Data()) + [10]
    }
}

extension Inbox {
    /// Places a file being written (a temporary file from `AtomicFile.begin(<inbox>/<name>)`)
    /// into the inbox with its receipt: hashes it, writes the receipt (temporary file and
    /// rename), then renames the file into place. A process killed before the last rename
    /// leaves no submission (a receipt without its file is ignored; the temporary file is
    /// swept as a leftover). Returns the receipt.
    @discardableResult
    public static func place(_ pending: AtomicFile.Pending, receivedAt: Timestamp, via: String, closing: Bool = true)
        throws(BatchError) -> Receipt
    {
        if closing { close(pending.fd) }
        let name = pending.path.split(separator: "/").last.map(String.init) ?? pending.path
        let inbox = String(pending.path.dropLast(name.count + 1))
        let sha: String
        do { sha = try hash(path: pending.temporaryPath) } catch {
            pending.discard(closing: false)
            throw error
        }
        let receipt = Receipt(file: name, sha256: sha, receivedAt: receivedAt, via: via)
        do {
            try AtomicFile.write(receipt.json, to: Receipt.path(inbox: inbox.isEmpty ? "." : inbox, name: name))
            try pending.commit(closing: false)
        } catch {
            pending.discard(closing: false)
            if case .io(let p, let m) = error { throw .cannotWrite(path: p, reason: m) }
            throw .cannotWrite(path: pending.path, reason: error.description)
        }
        return receipt
    }

    /// Places `bytes` as `<inbox>/<name>` with a receipt (see `place(_:receivedAt:via:)`).
    @discardableResult
    public static func place(_ bytes: [UInt8], name: String, into inbox: String, receivedAt: Timestamp, via: String)
        throws(BatchError) -> Receipt
    {
        let pending: AtomicFile.Pending
        do { pending = try AtomicFile.begin(inbox + "/" + name) } catch {
            throw .cannotWrite(path: inbox + "/" + name, reason: error.description)
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(pending.fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let why = String(cString: strerror(errno))
                pending.discard()
                throw .cannotWrite(path: pending.path, reason: why)
            }
            offset += n
        }
        return try place(pending, receivedAt: receivedAt, via: via)
    }
}
