import Batch
import Foundation
import Testing

@testable import Serve

/// Links in the ledger: only the token's hash is kept; a new link revokes the old; the
/// migration is appended after the released ones.
@Suite struct LedgerLinksTests {
    @Test func linksAreKeptHashedAndRevocable() throws {
        let f = try ServeFixture()
        #expect(Ledger.migrationNames.suffix(2) == ["v2-history", "links-1"])
        let token = f.token("DBP")
        #expect(LinkTokens.isWellFormed(token))
        #expect(token.count == 43)
        #expect(LinkTokens.make() != LinkTokens.make())
        let link = try #require(try f.site.ledger.link(tokenSHA256: LinkTokens.hash(token)))
        #expect(link.unit == "DBP" && !link.isRevoked)
        #expect(try f.site.ledger.link(tokenSHA256: token) == nil)  // the token itself is not stored
        let ledgerBytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: f.site.ledger.path)), as: UTF8.self)
        #expect(!ledgerBytes.contains(token))
        #expect(try f.site.ledger.revokeLinks(job: f.site.job.name, period: "2016", unit: "DBP", at: Date()) == 1)
        #expect(try f.site.ledger.link(tokenSHA256: LinkTokens.hash(token))?.isRevoked == true)
        #expect(try f.site.ledger.link(tokenSHA256: LinkTokens.hash(f.token("MNH")))?.isRevoked == false)
    }
}
