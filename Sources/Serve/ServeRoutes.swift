import Batch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Reporting

/// The upload server's routes:
///
/// | route | what |
/// |---|---|
/// | `GET /u/<token>` | a unit's upload page (form, earlier uploads) |
/// | `POST /u/<token>/upload` | an upload: the report, and the file placed unless rejected |
/// | `GET /u/<token>/upload` | 303 back to the unit's page (the result page opened again) |
/// | `GET /p/<token>` | the province's page (completeness, timeliness, links) |
/// | `GET /p/<token>/files/<path>` | a file of the job's output folder (`OutputFiles`) |
/// | `GET /health` | `ok`, for a monitor |
///
/// Every page takes `?lang=en` (Vietnamese otherwise). An unknown token is 404, a revoked
/// one 403.
public enum ServeRoutes {
    /// The router, with one log line per request.
    public static func router(site: UploadSite) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogMiddleware(logger: site.logger))
        router.get("/health") { _, _ in "ok\n" }
        router.get("/u/:token") { request, context in
            let lang = language(request)
            let token = context.parameters.get("token") ?? ""
            let (_, unit): (LedgerLink, ReportingUnit)
            do { (_, unit) = try Access.unit(token, site: site) } catch { return refusal(error, lang: lang, site: site) }
            let uploads = (try? site.ledger.uploads(unit: unit.code, period: site.periodText)) ?? []
            return UploadHandler.page(.ok, UnitPage(site: site, unit: unit, token: token, lang: lang, uploads: uploads).render())
        }
        router.post("/u/:token/upload") { request, context in
            let lang = language(request)
            let token = context.parameters.get("token") ?? ""
            let (link, unit): (LedgerLink, ReportingUnit)
            do { (link, unit) = try Access.unit(token, site: site) } catch { return refusal(error, lang: lang, site: site) }
            return await UploadHandler(site: site).handle(request, link: link, unit: unit, token: token, lang: lang)
        }
        // The result page's address opened again (a bookmark, a reload after a restart):
        // back to the form, with nothing uploaded.
        router.get("/u/:token/upload") { request, context in
            let lang = language(request)
            let token = context.parameters.get("token") ?? ""
            do { _ = try Access.unit(token, site: site) } catch { return refusal(error, lang: lang, site: site) }
            return Response(status: .seeOther, headers: [.location: "/u/\(token)?lang=\(lang.rawValue)"])
        }
        router.get("/p/:token") { request, context in
            let lang = language(request)
            let token = context.parameters.get("token") ?? ""
            do { _ = try Access.province(token, site: site) } catch { return refusal(error, lang: lang, site: site) }
            let report = ProvincePage.lastReport(output: site.output)
            let waiting = site.waitingUploads()
            return UploadHandler.page(.ok, ProvincePage(site: site, token: token, lang: lang, report: report, waiting: waiting).render())
        }
        router.get("/p/:token/files/**") { request, context in
            let lang = language(request)
            let token = context.parameters.get("token") ?? ""
            do { _ = try Access.province(token, site: site) } catch { return refusal(error, lang: lang, site: site) }
            let files = OutputFiles(root: site.output)
            guard let segments = OutputFiles.decode(context.parameters.getCatchAll()), let path = files.resolve(segments),
                let data = FileManager.default.contents(atPath: path)
            else {
                return UploadHandler.page(.notFound, HTMLPage.message(PageWords.text("not-found", lang), lang: lang))
            }
            var headers: HTTPFields = [.contentType: OutputFiles.mediaType(path), .cacheControl: "no-store"]
            headers.append(contentsOf: UploadHandler.securityHeaders)
            if !path.hasSuffix(".html") && !path.hasSuffix(".svg") && !path.hasSuffix(".json") {
                headers[.contentDisposition] = "attachment"
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        return router
    }

    /// `?lang=en` or Vietnamese.
    static func language(_ request: Request) -> Language {
        request.uri.queryParameters.get("lang").flatMap { Language(rawValue: $0) } ?? .vi
    }

    static func refusal(_ error: any Error, lang: Language, site: UploadSite) -> Response {
        switch error as? Access.Refusal {
        case .revoked?: return UploadHandler.page(.forbidden, HTMLPage.message(PageWords.text("revoked", lang), lang: lang))
        case .unknown?: return UploadHandler.page(.notFound, HTMLPage.message(PageWords.text("not-found", lang), lang: lang))
        case nil:
            site.logger.error("cannot check a link: \(error)")
            return UploadHandler.page(.internalServerError, HTMLPage.message(PageWords.text("server-error", lang), lang: lang))
        }
    }
}
