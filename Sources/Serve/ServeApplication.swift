import Hummingbird
import Logging

/// The server for one job: `tonghop serve` runs it.
public enum ServeApplication {
    /// The application listening on `host:port` (a port of 0 takes any free one).
    public static func make(site: UploadSite, host: String, port: Int) -> some ApplicationProtocol {
        Application(
            router: ServeRoutes.router(site: site),
            configuration: .init(address: .hostname(host, port: port), serverName: "tonghop"),
            logger: site.logger)
    }
}
