import Batch
import Reporting

/// Who a token lets in: one unit's page, or the province's; the one place a token is
/// checked. A token reaches only its own page: a unit's token opens no other unit's page
/// and not the province's, and the other way round.
enum Access: Sendable {
    case unit(LedgerLink, ReportingUnit)
    case province(LedgerLink)

    /// Why a token is refused: unknown (404, so that a guess learns nothing) or revoked,
    /// or made for another job or period (403).
    enum Refusal: Error {
        case unknown
        case revoked
    }

    /// The unit page's access for `token`.
    static func unit(_ token: String, site: UploadSite) throws -> (LedgerLink, ReportingUnit) {
        let link = try find(token, site: site)
        guard let code = link.unit else { throw Refusal.unknown }
        guard let unit = site.expectedUnits.first(where: { $0.code == code }) else { throw Refusal.revoked }
        return (link, unit)
    }

    /// The province page's access for `token`.
    static func province(_ token: String, site: UploadSite) throws -> LedgerLink {
        let link = try find(token, site: site)
        guard link.unit == nil else { throw Refusal.unknown }
        return link
    }

    private static func find(_ token: String, site: UploadSite) throws -> LedgerLink {
        guard LinkTokens.isWellFormed(token), let link = try site.ledger.link(tokenSHA256: LinkTokens.hash(token)) else {
            throw Refusal.unknown
        }
        guard !link.isRevoked, link.job == site.job.name, link.period == site.periodText else { throw Refusal.revoked }
        return link
    }
}
