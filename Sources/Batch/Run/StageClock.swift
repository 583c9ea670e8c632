import Logging

/// Times the stages of a run for `--verbose` (`debug: stage validate: 3.41 s`): where a slow
/// night went, without a profiler. Monotonic; the times never reach an output.
struct StageClock {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
        last = clock.now
    }

    /// Logs the time since the previous lap (or the start) under `stage`.
    mutating func lap(_ stage: String) {
        let now = clock.now
        let d = (now - last).components
        let seconds = Double(d.seconds) + Double(d.attoseconds) / 1e18
        logger.debug("stage \(stage): \(String(format: "%.3f", seconds)) s")
        last = now
    }
}
