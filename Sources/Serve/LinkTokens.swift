import Batch
import Foundation

/// The upload server's tokens: random, unguessable strings in the links `tonghop links`
/// writes, kept in the ledger only as their SHA-256 (a copy of the ledger opens no page).
public enum LinkTokens {
    /// A new token: 32 bytes from the system's secure generator (`getrandom` on Linux),
    /// base64url without padding, 43 characters.
    public static func make() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What the ledger stores: the SHA-256 of the token's text, lowercase hex.
    public static func hash(_ token: String) -> String { ContentHash.hex(token) }

    /// Whether `text` could be a token (43 base64url characters): anything else is
    /// refused before the ledger is asked.
    public static func isWellFormed(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 43
            && text.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) || $0 == 45 || $0 == 95 }
    }
}
