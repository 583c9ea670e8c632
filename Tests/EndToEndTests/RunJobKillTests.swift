import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kill -9` at any moment leaves the previous outputs and the ledger intact, and the next
/// run completes with the same outputs as a run that was never interrupted.
@Suite(.serialized) struct RunJobKillTests {
    typealias H = RunJobHarness

    @Test func killedRunsThenRerunGiveTheUninterruptedOutputs() throws {
        // The reference: one uninterrupted run.
        let reference = try H.Workspace()
        let start = Date()
        let clean = try H.run(["run", reference.job])
        let duration = Date().timeIntervalSince(start)
        #expect(clean.status == 0, "stderr: \(clean.stderr)")
        let expected = reference.outputs()

        let ws = try H.Workspace()
        // Kill at spread-out moments of a run (fractions of the clean run's time, plus a
        // pseudo-random jitter), so the kills land in scanning, validation, writing and
        // recording. Each killed run starts from whatever the previous one left.
        var generator = SplitMix(seed: 0x7068_6f6e_6768)
        var killed = 0
        for fraction in [0.1, 0.3, 0.5, 0.7, 0.9] {
            let jitter = Double(generator.next() % 1000) / 1000 * 0.05
            let (p, out, err) = try H.start(["run", ws.job])
            usleep(useconds_t((duration * (fraction + jitter)) * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            _ = out.fileHandleForReading.readDataToEndOfFile()
            _ = err.fileHandleForReading.readDataToEndOfFile()
            if p.terminationReason == .uncaughtSignal { killed += 1 }
            // Whatever is on disk is whole: every workbook present is a complete ZIP.
            if let book = FileManager.default.contents(atPath: ws.out + "/TongHop_NQ04_2016.xlsx") {
                #expect(book == expected["TongHop_NQ04_2016.xlsx"], "a partial workbook after a kill at \(fraction)")
            }
        }
        let rerun = try H.run(["run", ws.job])
        #expect(rerun.status == clean.status, "stderr: \(rerun.stderr)")
        let got = ws.outputs()
        #expect(Set(got.keys) == Set(expected.keys))
        for (name, bytes) in expected { #expect(got[name] == bytes, "\(name) differs after kills") }
        // No temporary file survives the rerun.
        #expect(!got.keys.contains { $0.hasSuffix(".tonghop-tmp") })
        // And the run after that sees nothing changed.
        let again = try H.run(["run", ws.job])
        #expect(again.stdout.contains("unchanged"), "stdout: \(again.stdout)")
        print("kill -9 test: \(killed) of 5 runs killed mid-run (clean run \(Int(duration * 1000)) ms)")
    }
}

/// A small deterministic generator (SplitMix64) for the kill delays.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
