import Batch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Reporting
import Testing

@testable import Serve

/// The pages and the token rules: a unit's page, the province's, unknown (404), revoked
/// (403), a token used on the other kind of page (404).
@Suite struct PageRoutesTests {
    @Test func unitPageHasThePlainUploadFormInVietnameseAndEnglish() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            try await client.execute(uri: "/u/\(f.token("DBP"))", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                let html = r.text
                #expect(html.contains("<html lang=\"vi\">"))
                #expect(html.contains("Thành ủy Điện Biên Phủ"))
                #expect(html.contains("enctype=\"multipart/form-data\""))
                #expect(html.contains("action=\"/u/\(f.token("DBP"))/upload?lang=vi\""))
                #expect(html.contains("type=\"file\" name=\"file\""))
                #expect(html.contains("Gửi tệp"))
                #expect(html.contains("NQ04_DBP_2016.xlsx"))  // the name it is kept as
                #expect(html.contains("Chưa gửi tệp nào"))
                #expect(!html.contains("<script"), "no script needed")
                #expect(!html.contains("http://") && !html.contains("https://"), "no asset from anywhere")
                #expect(html.contains("name=\"viewport\""))
            }
            try await client.execute(uri: "/u/\(f.token("DBP"))?lang=en", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<html lang=\"en\">"))
                #expect(r.text.contains("Send the file"))
                #expect(r.text.contains("href=\"/u/\(f.token("DBP"))?lang=vi\""))  // the switch back
            }
        }
    }

    @Test func unknownMalformedAndCrossedTokensAre404() async throws {
        let f = try ServeFixture()
        let guesses = [
            "x", "", LinkTokens.make(), String(f.token("DBP").dropLast()) + "A", f.token("DBP") + "A",
            "..%2F..%2Fetc%2Fpasswd", f.token("DBP").uppercased(),
        ]
        try await f.application.test(.router) { client in
            for g in guesses where g != f.token("DBP") {
                try await client.execute(uri: "/u/\(g)", method: .get) { r in #expect(r.status == .notFound, "\(g)") }
                try await client.execute(uri: "/p/\(g)", method: .get) { r in #expect(r.status == .notFound, "\(g)") }
            }
            // A unit's token opens no province page; the province's token no unit page.
            try await client.execute(uri: "/p/\(f.token("DBP"))", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/p/\(f.token("DBP"))/files/run-report.json", method: .get) { r in
                #expect(r.status == .notFound)
            }
            try await client.execute(uri: "/u/\(f.provinceToken)", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(
                uri: "/u/\(f.provinceToken)/upload", method: .post, headers: MultipartBody.headers,
                body: MultipartBody.file(path: ServeFixture.sample("NQ04_DBP_2016.xlsx"))
            ) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/", method: .get) { r in #expect(r.status == .notFound) }
        }
        #expect(f.allInboxNames().isEmpty)
    }

    @Test func revokedTokensAre403AndUploadNothing() async throws {
        let f = try ServeFixture()
        let old = f.token("MNH")
        let new = try f.renew("MNH")  // a new link revokes the unit's earlier one
        try f.site.ledger.revokeLinks(job: f.site.job.name, period: "2016", unit: nil, at: Date())
        try await f.application.test(.router) { client in
            try await client.execute(uri: "/u/\(old)", method: .get) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("không còn hiệu lực"))
            }
            try await client.execute(uri: "/u/\(old)?lang=en", method: .get) { r in #expect(r.text.contains("no longer valid")) }
            try await client.execute(
                uri: "/u/\(old)/upload", method: .post, headers: MultipartBody.headers,
                body: MultipartBody.file(path: ServeFixture.sample("NQ04_MNH_2016.xlsx"))
            ) { r in #expect(r.status == .forbidden) }
            try await client.execute(uri: "/u/\(new)", method: .get) { r in #expect(r.status == .ok) }
            try await client.execute(uri: "/p/\(f.provinceToken)", method: .get) { r in #expect(r.status == .forbidden) }
            try await client.execute(uri: "/p/\(f.provinceToken)/files/run-report.json", method: .get) { r in
                #expect(r.status == .forbidden)
            }
        }
        #expect(f.allInboxNames().isEmpty)
    }

    @Test func aLinkOfAnotherPeriodOrAnUnexpectedUnitIs403() async throws {
        let f = try ServeFixture()
        let other = LinkTokens.make()
        try f.site.ledger.addLink(job: f.site.job.name, period: "2015", unit: "DBP", tokenSHA256: LinkTokens.hash(other), at: Date())
        let unexpected = LinkTokens.make()
        try f.site.ledger.addLink(job: f.site.job.name, period: "2016", unit: "MLA", tokenSHA256: LinkTokens.hash(unexpected), at: Date())
        try await f.application.test(.router) { client in
            try await client.execute(uri: "/u/\(other)", method: .get) { r in #expect(r.status == .forbidden) }
            try await client.execute(uri: "/u/\(unexpected)", method: .get) { r in #expect(r.status == .forbidden) }
        }
    }

    @Test func theResultPagesAddressLeadsBackToTheForm() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            try await client.execute(uri: "/u/\(f.token("DBP"))/upload?lang=en", method: .get) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/u/\(f.token("DBP"))?lang=en")
            }
            try await client.execute(uri: "/u/\(LinkTokens.make())/upload", method: .get) { r in #expect(r.status == .notFound) }
        }
        #expect(f.allInboxNames().isEmpty)
    }

    @Test func healthAnswers() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text == "ok\n")
            }
        }
    }

    @Test func provincePageBeforeAndAfterTheNightlyRun() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            try await client.execute(uri: "/p/\(f.provinceToken)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Chưa có lần tổng hợp nào"))
            }
            try await client.execute(
                uri: "/u/\(f.token("DBP"))/upload", method: .post, headers: MultipartBody.headers,
                body: MultipartBody.file(path: ServeFixture.sample("NQ04_DBP_2016.xlsx"))
            ) { r in #expect(r.status == .ok) }
            try await client.execute(uri: "/p/\(f.provinceToken)?lang=en", method: .get) { r in
                #expect(r.text.contains("No consolidation has run"))
                #expect(r.text.contains("DBP: 1"))  // waiting for the run
            }
        }
        let result = try await f.runNightly()
        #expect(result.counts.accepted == 1)
        try await f.application.test(.router) { client in
            try await client.execute(uri: "/p/\(f.provinceToken)?lang=en", method: .get) { r in
                #expect(r.status == .ok)
                let html = r.text
                #expect(html.contains("1/4 on time, 3 missing"))
                #expect(html.contains("/p/\(f.provinceToken)/files/run-report.en.html"))
                #expect(html.contains("/p/\(f.provinceToken)/files/TongHop_NQ04_2016.xlsx"))
                #expect(html.contains("/p/\(f.provinceToken)/files/units/DBP.en.html"))
                #expect(html.contains("Thành ủy Điện Biên Phủ"))
            }
            try await client.execute(uri: "/p/\(f.provinceToken)/files/run-report.en.html", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
            }
            try await client.execute(uri: "/p/\(f.provinceToken)/files/TongHop_NQ04_2016.xlsx", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentDisposition] == "attachment")
                #expect(Array(r.body.readableBytesView.prefix(2)) == [0x50, 0x4B])  // a ZIP
            }
            try await client.execute(uri: "/p/\(f.provinceToken)/files/run-report.json", method: .get) { r in
                #expect(r.status == .ok)
            }
            // The unit's page now says what the nightly run made of the upload.
            try await client.execute(uri: "/u/\(f.token("DBP"))?lang=en", method: .get) { r in
                #expect(r.text.contains("The one consolidated"))
            }
        }
    }
}

/// The province page links each unit's annotated file (a file with warnings comes back
/// marked), served from the output folder.
@Suite struct ProvinceFilesTests {
    @Test func theAnnotatedFileOfAUnitWithWarningsIsLinkedAndServed() async throws {
        let f = try ServeFixture()
        try await f.application.test(.router) { client in
            try await client.execute(
                uri: "/u/\(f.token("DBP"))/upload", method: .post, headers: MultipartBody.headers,
                body: MultipartBody.file(path: ServeFixture.invalid("NQ04_DBP_2016.xlsx"))
            ) { r in
                #expect(r.status == .ok)  // warnings only: kept
                #expect(r.text.contains("number-as-text"))
            }
        }
        _ = try await f.runNightly()
        let link = "/p/\(f.provinceToken)/files/returned/DBP/NQ04_DBP_2016.xlsx"
        try await f.application.test(.router) { client in
            try await client.execute(uri: "/p/\(f.provinceToken)", method: .get) { r in
                #expect(r.text.contains("href=\"\(link)\""))
                #expect(r.text.contains("tệp có ghi chú"))
            }
            try await client.execute(uri: link, method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(Array(r.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }
        }
    }
}
