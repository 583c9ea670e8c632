import Batch
import Foundation
import HTTPTypes
import Hummingbird
import Reporting
import XLSX

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `POST /u/<token>/upload`: the body streams into a temporary file in the inbox (cut off
/// with 413 as soon as the file passes the job's size limit), is validated by the nightly
/// job's validator under the name it will have, and, unless rejected, placed in the inbox
/// with its receipt (`Inbox.place`); a rejected file is discarded. Either way the unit
/// sees the nightly job's own HTML report of it, and the ledger records the upload.
struct UploadHandler {
    let site: UploadSite

    /// Bytes a body may carry beyond the file: the form's other fields and part headers.
    static let formOverhead: Int64 = 64 * 1024

    /// Why an upload stopped before validation.
    enum Failure: Error {
        case tooLarge
        case badForm
        case noFile
        case cannotWrite(String)
    }

    /// What the stream gave: the file's size, SHA-256 and the name the browser sent.
    struct Received {
        var size: Int64 = 0
        var hasher = ContentHash()
        var sentName: String?
    }

    func handle(_ request: Request, link: LedgerLink, unit: ReportingUnit, token: String, lang: Language) async -> Response {
        let receivedAt = site.now()  // when the request came: the receipt's time
        let back = "/u/\(token)?lang=\(lang.rawValue)"
        guard let contentType = request.headers[.contentType], var form = MultipartStream(contentType: contentType) else {
            return Self.page(.badRequest, HTMLPage.message(PageWords.text("bad-form", lang), lang: lang, back: back))
        }
        let limit = site.maxFileSize
        if let length = request.headers[.contentLength].flatMap({ Int64($0) }), length > limit + Self.formOverhead {
            return tooLarge(lang: lang, back: back)
        }
        guard let name = site.names.reserve(base: site.baseFileName(unit: unit.code), in: site.job.inbox) else {
            return Self.page(.serviceUnavailable, HTMLPage.message(PageWords.text("no-name", lang), lang: lang, back: back))
        }
        defer { site.names.release(name) }
        let pending: AtomicFile.Pending
        do { pending = try AtomicFile.begin(site.job.inbox + "/" + name) } catch {
            site.logger.error("upload: cannot create a temporary file in the inbox: \(error)")
            return Self.page(.internalServerError, HTMLPage.message(PageWords.text("server-error", lang), lang: lang, back: back))
        }
        var received = Received()
        do {
            received = try await stream(request.body, into: pending.fd, form: &form, limit: limit)
        } catch {
            pending.discard()
            switch error {
            case .tooLarge: return tooLarge(lang: lang, back: back)
            case .noFile: return Self.page(.badRequest, HTMLPage.message(PageWords.text("no-file", lang), lang: lang, back: back))
            case .cannotWrite(let why):
                site.logger.error("upload: cannot write the temporary file: \(why)")
                return Self.page(.internalServerError, HTMLPage.message(PageWords.text("server-error", lang), lang: lang, back: back))
            case .badForm:
                return Self.page(.badRequest, HTMLPage.message(PageWords.text("bad-form", lang), lang: lang, back: back))
            }
        }
        close(pending.fd)
        let record = UploadRecord(
            linkID: link.id, unit: unit.code, period: site.periodText, file: nil,
            sentName: String((received.sentName ?? "").prefix(255)), sha256: received.hasher.finalize(), size: received.size,
            received: receivedAt, report: FileReport(file: name, status: .unreadable, issues: []))
        let site = self.site
        // Validation reads the whole workbook, placing it syncs files, and the ledger may
        // wait for a nightly run's transaction: all of it on a thread of its own, never on
        // the threads that serve the other requests.
        let outcome = await Blocking.run { () -> (FileReport, String?, Bool) in
            Self.checkAndPlace(pending, as: name, unit: unit, record: record, site: site)
        }
        let (report, placedAs, failed) = outcome
        if failed {
            return Self.page(.internalServerError, HTMLPage.message(PageWords.text("server-error", lang), lang: lang, back: back))
        }
        return reportPage(report, placedAs: placedAs, at: receivedAt, lang: lang, back: back)
    }

    /// Validates the written file as the nightly job would, places it in the inbox unless
    /// rejected (else discards it) and records the upload. Returns the report, the name it
    /// was placed under, and whether placing it failed.
    static func checkAndPlace(
        _ pending: AtomicFile.Pending, as name: String, unit: ReportingUnit, record: UploadRecord, site: UploadSite
    ) -> (FileReport, String?, Bool) {
        // The same check as the nightly job's, of the file as it will be named in the inbox:
        // its file name says the link's unit, so a file stating another unit is rejected
        // (`wrong-unit`) and can never count for another unit.
        let (report, _) = site.validatorWithHistory().validate(path: pending.temporaryPath, as: name)
        let keep = (report.status == .accepted || report.status == .acceptedWithWarnings)
            && report.unit?.uppercased() == unit.code.uppercased()
        var placedAs: String?
        if keep {
            do {
                try Inbox.place(pending, receivedAt: record.received, via: "upload", closing: false)
                placedAs = name
            } catch {
                site.logger.error("upload: cannot place \(name) in the inbox: \(error)")
                return (report, nil, true)
            }
        } else {
            pending.discard(closing: false)
        }
        var record = record
        record.file = placedAs
        record.report = report
        do { try site.ledger.recordUpload(record) } catch {
            // The file is in place with its receipt: the nightly job will see it all the same.
            site.logger.error("upload: cannot record the upload in the ledger: \(error)")
        }
        return (report, placedAs, false)
    }

    /// Reads the body into `fd`: only the `file` part's bytes, counted as they come; more
    /// than `limit` of them, or a body past `limit` and the form's overhead, stops it.
    func stream(_ body: RequestBody, into fd: Int32, form: inout MultipartStream, limit: Int64) async throws(Failure) -> Received {
        var r = Received()
        var total: Int64 = 0
        var inFile = false
        var fileSeen = false
        do {
            for try await chunk in body {
                total += Int64(chunk.readableBytes)
                if total > limit + Self.formOverhead { throw Failure.tooLarge }
                try form.feed(chunk.readableBytesView) { (event: MultipartStream.Event) throws in
                    switch event {
                    case .part(let name, let filename):
                        inFile = name == "file" && filename != nil && !fileSeen
                        if inFile { r.sentName = filename }
                    case .data(let bytes):
                        guard inFile else { return }
                        r.size += Int64(bytes.count)
                        if r.size > limit { throw Failure.tooLarge }
                        r.hasher.update(bytes)
                        try Self.write(bytes, to: fd)
                    case .end:
                        if inFile { fileSeen = true }
                        inFile = false
                    }
                }
            }
        } catch let e as Failure {
            throw e
        } catch is MultipartStream.Failure {
            throw .badForm
        } catch {
            throw .badForm  // the connection went away mid-body
        }
        guard form.isComplete else { throw .badForm }
        guard fileSeen, r.size > 0 else { throw .noFile }
        return r
    }

    static func write(_ bytes: ArraySlice<UInt8>, to fd: Int32) throws(Failure) {
        let failed: String? = bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = systemWrite(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return String(cString: strerror(errno)) }
                off += n
            }
            return nil
        }
        if let failed { throw .cannotWrite(failed) }
    }

    func tooLarge(lang: Language, back: String) -> Response {
        var r = Self.page(
            .contentTooLarge,
            HTMLPage.message("\(PageWords.text("too-large", lang)) \(HTMLPage.size(site.maxFileSize)).", lang: lang, back: back))
        r.headers[.connection] = "close"  // the rest of the body is not read
        return r
    }

    /// The nightly job's HTML report of the file, with a notice on top: kept (as what, when)
    /// or not, and the way back to the form.
    func reportPage(_ report: FileReport, placedAs: String?, at time: Timestamp, lang: Language, back: String) -> Response {
        let w = { (k: String) in HTMLPage.escape(PageWords.text(k, lang)) }
        var notice: String
        if let placedAs {
            notice = "<p class=\"notice good\" id=\"outcome\" data-placed=\"\(HTMLPage.escape(placedAs))\">\(w("placed")) <strong>\(HTMLPage.escape(placedAs))</strong> \(w("placed-at")) \(HTMLPage.escape(HTMLPage.time(time))).</p>"
        } else {
            notice = "<p class=\"notice bad\" id=\"outcome\">\(w("not-placed"))</p>"
        }
        notice += "\n<p><a href=\"\(HTMLPage.escape(back))\">\(w("back"))</a></p>\n"
        let style = HTMLPage.reportStyle(lang)
        var html: String
        do {
            html = String(decoding: try site.reports.render(report, format: .html, language: lang), as: UTF8.self)
        } catch {
            return Self.page(.internalServerError, HTMLPage.message(PageWords.text("server-error", lang), lang: lang, back: back))
        }
        if let head = html.range(of: "</head>") { html.insert(contentsOf: style, at: head.lowerBound) }
        if let body = html.range(of: "<body>\n") {
            html.insert(contentsOf: notice, at: body.upperBound)
        } else {
            html = notice + html
        }
        return Self.page(placedAs == nil ? .unprocessableContent : .ok, html)
    }

    static func page(_ status: HTTPResponse.Status, _ html: String) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: securityHeaders)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// On every page: no script may run (the pages have none; text from a hostile workbook
    /// is escaped, and this is the second wall), nothing loads from elsewhere, forms post
    /// only here, no other site may frame them, and no address (with its token) is sent on.
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
    ]
}

#if canImport(Glibc)
    @inline(__always) private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Glibc.write(fd, p, n) }
#else
    @inline(__always) private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { Darwin.write(fd, p, n) }
#endif
