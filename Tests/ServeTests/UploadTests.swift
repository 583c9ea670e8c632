import Batch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Reporting
import Testing
import XLSX

@testable import Serve

/// Uploads: placed with a receipt when not rejected, discarded when rejected, cut off at
/// the size limit, never placed for another unit, two at once both kept.
@Suite struct UploadTests {
    func upload(
        _ client: some TestClientProtocol, token: String, body: ByteBuffer, lang: String = "en"
    ) async throws -> TestResponse {
        try await client.execute(uri: "/u/\(token)/upload?lang=\(lang)", method: .post, headers: MultipartBody.headers, body: body)
    }

    @Test func anAcceptedFileIsPlacedWithItsReceiptAndReported() async throws {
        let f = try ServeFixture()
        let sample = ServeFixture.sample("NQ04_DBP_2016.xlsx")
        try await f.application.test(.router) { client in
            let r = try await upload(client, token: f.token("DBP"), body: MultipartBody.file(path: sample, filename: "báo cáo.xlsx"))
            #expect(r.status == .ok)
            #expect(r.text.contains("File received"))
            #expect(r.text.contains("data-placed=\"NQ04_DBP_2016.xlsx\""))
            #expect(r.text.contains("badge accepted"))  // the nightly report's own markup
            try await client.execute(uri: "/u/\(f.token("DBP"))?lang=en", method: .get) { page in
                #expect(page.text.contains("báo cáo.xlsx"))
                #expect(page.text.contains("waiting for tonight"))
            }
        }
        #expect(f.inboxFiles() == ["NQ04_DBP_2016.xlsx"])
        #expect(f.allInboxNames() == ["NQ04_DBP_2016.xlsx"], "no temporary file left")
        let bytes = FileManager.default.contents(atPath: f.inbox + "/NQ04_DBP_2016.xlsx")
        #expect(bytes == FileManager.default.contents(atPath: sample))
        let receipt = try #require(Receipt.read(inbox: f.inbox, name: "NQ04_DBP_2016.xlsx"))
        #expect(receipt.via == "upload")
        #expect(receipt.sha256 == (try Inbox.hash(path: sample)))
        #expect(receipt.receivedAt == "2016-11-14T09:00:00+07:00")
        let uploads = try f.site.ledger.uploads(unit: "DBP", period: "2016")
        #expect(uploads.count == 1)
        #expect(uploads.first?.file == "NQ04_DBP_2016.xlsx")
        #expect(uploads.first?.sentName == "báo cáo.xlsx")
        #expect(uploads.first?.sha256 == receipt.sha256)
    }

    @Test func anUploadIsJudgedWithTheEarlierPeriodsAsTheNightlyRunWillJudgeIt() async throws {
        // DBD's 2015 figures in the ledger (64 admissions): its 2016 file's 192 break the
        // template's prev() rule, a warning the upload's report must show as the run's will.
        let f = try ServeFixture()
        try f.site.ledger.importPeriod(
            job: "nq04-serve", period: "2015",
            figures: [AcceptedFigures(unit: "DBD", period: "2015", file: "NQ04_DBD_2015.xlsx", hash: "h2015",
                                      received: Timestamp(seconds: 1_449_000_000, offset: 25200), values: ["KN": ["current": 64]])],
            source: "test", at: ServeFixture.now)
        try await f.application.test(.router) { client in
            let r = try await upload(client, token: f.token("DBD"), body: MultipartBody.file(path: ServeFixture.sample("NQ04_DBD_2016.xlsx"), filename: "dbd.xlsx"))
            #expect(r.status == .ok)
            #expect(r.text.contains("nq04-kn-tang-dot-bien") && r.text.contains("exceed twice last year"), "\(r.text.prefix(400))")
        }
        #expect(f.inboxFiles() == ["NQ04_DBD_2016.xlsx"], "a warning does not stop it")
    }

    @Test func aRejectedFileIsReportedAndNotPlaced() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            let r = try await upload(client, token: f.token("DBD"), body: MultipartBody.file(path: ServeFixture.invalid("NQ04_DBD_2016.xlsx")), lang: "vi")
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("KHÔNG được lưu"))
            #expect(r.text.contains("nq04-ds-thon-chibo"))  // the issue the sample is made to have
            #expect(r.text.contains("Chỉ tiêu"))
            try await client.execute(uri: "/u/\(f.token("DBD"))", method: .get) { page in
                #expect(page.text.contains("Không được lưu"))
            }
        }
        #expect(f.allInboxNames().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: f.inbox + "/.receipts/NQ04_DBD_2016.xlsx.json"))
        let uploads = try f.site.ledger.uploads(unit: "DBD", period: "2016")
        #expect(uploads.map(\.file) == [nil])
        #expect(uploads.first?.status == .rejected)
    }

    @Test func anUnreadableFileIsReportedAndNotPlaced() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            let r = try await upload(client, token: f.token("MNH"), body: MultipartBody.file(Array("not a workbook".utf8)))
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("unreadable"))
        }
        #expect(f.allInboxNames().isEmpty)
    }

    @Test func anotherUnitsFileIsRejectedForThisUnitsLink() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            // MNH's link, DBP's workbook (named as DBP's, too): checked as MNH's file.
            let r = try await upload(client, token: f.token("MNH"), body: MultipartBody.file(path: ServeFixture.sample("NQ04_DBP_2016.xlsx")))
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("wrong-unit"))
        }
        #expect(f.allInboxNames().isEmpty)
    }

    @Test func theClientsFileNameIsNeverAPath() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            for name in ["../../evil.xlsx", "/etc/passwd", "..\\..\\x.xlsx", "NQ04_TGI_2016.xlsx"] {
                let r = try await upload(client, token: f.token("DBP"), body: MultipartBody.file(path: ServeFixture.sample("NQ04_DBP_2016.xlsx"), filename: name))
                #expect(r.status == .ok, "\(name)")
            }
        }
        #expect(f.inboxFiles() == ["NQ04_DBP_2016.xlsx", "NQ04_DBP_2016_v2.xlsx", "NQ04_DBP_2016_v3.xlsx", "NQ04_DBP_2016_v4.xlsx"])
        #expect(!FileManager.default.fileExists(atPath: f.path + "/evil.xlsx"))
    }

    @Test func aBodyPastTheLimitIs413AndLeavesNothing() async throws {
        let f = try ServeFixture(maxFileSizeMB: 1)
        let big = [UInt8](repeating: 0x41, count: (1 << 20) + 1)
        try await f.application.test(.router) { client in
            let r = try await upload(client, token: f.token("DBP"), body: MultipartBody.file(big))
            #expect(r.status == .contentTooLarge)
            #expect(r.headers[.connection] == "close")
            #expect(r.text.contains("too large"))
            // Just under the limit is read (and rejected as no workbook): the limit is the file's.
            let under = [UInt8](repeating: 0x41, count: 1 << 20)
            let r2 = try await upload(client, token: f.token("DBP"), body: MultipartBody.file(under))
            #expect(r2.status == .unprocessableContent)
        }
        #expect(f.allInboxNames().isEmpty)
        #expect(try f.site.ledger.uploads(unit: "DBP", period: "2016").count == 1)  // the 413 is not an upload
    }

    /// The cut-off happens while streaming: past the limit, no more of the body is read.
    @Test func theCutOffStopsReadingTheBody() async throws {
        let f = try ServeFixture(maxFileSizeMB: 1)
        let chunk = ByteBuffer(bytes: [UInt8](repeating: 0x42, count: 64 * 1024))
        let pulled = Counter()
        let head = ByteBuffer(string: "--\(MultipartBody.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.xlsx\"\r\n\r\n")
        let total = 200  // 12.5 MiB offered
        let stream = AsyncStream<ByteBuffer> { c in
            c.yield(head)
            for _ in 0..<total { c.yield(chunk) }
            c.finish()
        }
        let counted = stream.map { b -> ByteBuffer in
            pulled.add()
            return b
        }
        let pending = try AtomicFile.begin(f.inbox + "/NQ04_DBP_2016.xlsx")
        var form = MultipartStream(contentType: MultipartBody.contentType)!
        await #expect(throws: UploadHandler.Failure.self) {
            _ = try await UploadHandler(site: f.site).stream(
                RequestBody(asyncSequence: counted), into: pending.fd, form: &form, limit: f.site.maxFileSize)
        }
        pending.discard()
        #expect(pulled.value < 20, "read \(pulled.value) chunks of \(total + 1)")
        #expect(f.allInboxNames().isEmpty)
    }

    @Test func twoUploadsAtOnceBothLandWithReceipts() async throws {
        let f = try ServeFixture()
        let dbp = ServeFixture.sample("NQ04_DBP_2016.xlsx")
        let mnh = ServeFixture.sample("NQ04_MNH_2016.xlsx")
        try await f.application.test(.router) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await upload(client, token: f.token("DBP"), body: MultipartBody.file(path: dbp)).status }
                }
                group.addTask { try await upload(client, token: f.token("MNH"), body: MultipartBody.file(path: mnh)).status }
                for try await status in group { #expect(status == .ok) }
            }
        }
        #expect(f.inboxFiles() == ["NQ04_DBP_2016.xlsx", "NQ04_DBP_2016_v2.xlsx", "NQ04_MNH_2016.xlsx"])
        #expect(f.allInboxNames() == f.inboxFiles(), "no temporary file left")
        for name in f.inboxFiles() {
            let receipt = try #require(Receipt.read(inbox: f.inbox, name: name))
            #expect(receipt.sha256 == (try Inbox.hash(path: f.inbox + "/" + name)))
        }
        #expect(try f.site.ledger.uploads(unit: "DBP", period: "2016").count == 2)
        // The nightly job reads them all and keeps one per unit.
        let result = try await f.runNightly()
        #expect(result.counts.accepted == 2)
        #expect(result.counts.superseded == 1)
    }

    @Test func aFormWithoutAFileOrNotMultipartIs400() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            var empty = ByteBuffer()
            empty.writeString("--\(MultipartBody.boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n--\(MultipartBody.boundary)--\r\n")
            let r = try await upload(client, token: f.token("DBP"), body: empty)
            #expect(r.status == .badRequest)
            try await client.execute(
                uri: "/u/\(f.token("DBP"))/upload", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "file=x")
            ) { r in #expect(r.status == .badRequest) }
            let truncated = MultipartBody.file(path: ServeFixture.sample("NQ04_DBP_2016.xlsx")).getSlice(at: 0, length: 5000)!
            let r3 = try await upload(client, token: f.token("DBP"), body: truncated)
            #expect(r3.status == .badRequest)
        }
        #expect(f.allInboxNames().isEmpty)
    }
}

/// A count shared with a stream's closure.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}

/// A server killed mid-upload leaves only its hidden temporary file, which no run reads
/// and the next start removes.
@Suite struct LeftoverTests {
    @Test func aKilledUploadLeavesNothingTheRunReadsAndIsSweptAtStart() throws {
        let f = try ServeFixture()
        let pending = try AtomicFile.begin(f.inbox + "/NQ04_DBP_2016.xlsx")
        _ = pending.temporaryPath.withCString { p in write(pending.fd, p, 10) }
        close(pending.fd)  // as a kill would leave it: written, never placed
        let receipt = try AtomicFile.begin(f.inbox + "/" + Receipt.folderName + "/NQ04_DBP_2016.xlsx.json")
        close(receipt.fd)
        #expect(f.inboxFiles().isEmpty)
        #expect(try Inbox.scan(f.inbox).isEmpty)
        #expect(f.allInboxNames().count == 1)
        f.site.sweepLeftovers()
        #expect(f.allInboxNames().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.inbox + "/" + Receipt.folderName).isEmpty)
    }
}

/// Uploads while the nightly job runs, and the names an upload can take.
@Suite struct UploadDuringRunTests {
    @Test func uploadsDuringANightlyRunLoseNothing() async throws {
        let f = try ServeFixture()
        try FileManager.default.copyItem(atPath: ServeFixture.sample("NQ04_TGI_2016.xlsx"), toPath: f.inbox + "/NQ04_TGI_2016.xlsx")
        try await f.application.test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await f.runNightly() }
                for unit in ["DBP", "MNH", "DBP"] {
                    group.addTask {
                        let r = try await client.execute(
                            uri: "/u/\(f.token(unit))/upload", method: .post, headers: MultipartBody.headers,
                            body: MultipartBody.file(path: ServeFixture.sample("NQ04_\(unit)_2016.xlsx")))
                        #expect(r.status == .ok)
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(f.inboxFiles() == ["NQ04_DBP_2016.xlsx", "NQ04_DBP_2016_v2.xlsx", "NQ04_MNH_2016.xlsx", "NQ04_TGI_2016.xlsx"])
        #expect(f.allInboxNames() == f.inboxFiles())
        // The next run sees every file, each with its receipt's time.
        let result = try await f.runNightly()
        #expect(result.counts.files == 4)
        #expect(result.counts.accepted == 3)
        #expect(try f.site.ledger.uploads(unit: "DBP", period: "2016").count == 2)
        let times = try f.site.ledger.receivedTimes([(name: "NQ04_MNH_2016.xlsx", hash: Inbox.hash(path: f.inbox + "/NQ04_MNH_2016.xlsx"))])
        #expect(times.first??.via == "upload")
    }

    @Test func namesAreTheExpectedOneThenResubmissionsUpTo99() throws {
        let f = try ServeFixture()
        let names = UploadNames()
        let base = "NQ04_DBP_2016.xlsx"
        #expect(UploadNames.candidates(base).prefix(3) == ["NQ04_DBP_2016.xlsx", "NQ04_DBP_2016_v2.xlsx", "NQ04_DBP_2016_v3.xlsx"])
        #expect(UploadNames.candidates(base).count == 99)
        // Every candidate parses back to the unit and period (the nightly job's reading).
        for c in UploadNames.candidates(base) {
            let parts = f.site.template.identify.parseFileName(c) { f.site.template.period.parse($0) != nil }
            #expect(parts?.unit == "DBP" && parts?.period == "2016", "\(c)")
        }
        let first = names.reserve(base: base, in: f.inbox)
        let second = names.reserve(base: base, in: f.inbox)
        #expect(first == base && second == "NQ04_DBP_2016_v2.xlsx")
        names.release(first!)
        #expect(names.reserve(base: base, in: f.inbox) == base)
        for c in UploadNames.candidates(base) { _ = FileManager.default.createFile(atPath: f.inbox + "/" + c, contents: Data()) }
        #expect(UploadNames().reserve(base: base, in: f.inbox) == nil)
    }
}
