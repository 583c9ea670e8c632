import Foundation
import Testing

@testable import Batch
@testable import Reporting
import XLSX

/// The job file: every field decoded, paths resolved against the file's folder,
/// mistakes reported with their line.
@Suite struct JobFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func theResolution04JobsLoad() throws {
        for (period, deadline) in [("2015", "2015-12-15T17:00:00+07:00"), ("2016", "2016-11-15T17:00:00+07:00")] {
            let job = try JobFile.load(path: Self.root + "/Jobs/nq04-\(period).yaml")
            #expect(job.version == 1 && job.name == "nq04" && job.period == period)
            #expect(job.template == Self.root + "/Jobs/nq04/template.yaml")
            #expect(job.inbox == Self.root + "/Samples/\(period)")
            #expect(job.output == Self.root + "/out/nq04-\(period)")
            #expect(job.rejected == Self.root + "/out/nq04-\(period)/rejected")
            // One ledger for both periods: the job's memory across them.
            #expect(job.ledger == Self.root + "/out/nq04/ledger.sqlite")
            #expect(job.deadline?.iso == deadline && job.timeZoneOffset == 7 * 3600)
            #expect(job.reports.formats == ["html", "json"] && job.reports.languages == [.vi, .en])
            #expect(job.limits.maxFileSizeMB == 50 && job.limits.maxEntrySizeMB == 256 && job.limits.maxEntries == 1000 && job.limits.workers == 0)
            #expect(job.limits.readerLimits.maxFileSize == 50 << 20)
            #expect(job.units == .all)
            let template = try TemplateLoader.load(path: job.template)
            #expect(job.expectedUnits(of: template).count == 10)
        }
    }

    private func parse(_ yaml: String) -> Result<JobFile, JobFileError> {
        do { return .success(try JobFile.parse(yaml: yaml, path: "/jobs/j.yaml")) } catch { return .failure(error) }
    }

    private let minimal = """
        job: 1
        name: t
        template: t/template.yaml
        period: "2016-Q3"
        inbox: in
        output: /abs/out
        """

    @Test func defaultsAndUnitLists() throws {
        let job = try parse(minimal + "\nunits: [MNH, dbp]\n").get()
        #expect(job.inbox == "/jobs/in" && job.output == "/abs/out")
        #expect(job.rejected == "/abs/out/rejected" && job.ledger == "/abs/out/ledger.sqlite")
        #expect(job.units == .only(["MNH", "dbp"]))
        #expect(job.reports.formats == ["html", "json"])
    }

    @Test func mistakesAreReportedWithTheirLine() throws {
        guard case .failure(let e) = parse(minimal + "\nouput: x\n") else { Issue.record("accepted an unknown key"); return }
        #expect(e.line == 7 && e.message.contains("unknown key 'ouput'"))
        guard case .failure(let l) = parse(minimal + "\nlimits: { workers: many }\n") else { Issue.record("accepted a bad limit"); return }
        #expect(l.line == 7)
        guard case .failure(let m) = parse("job: 1\nname: t\n") else { Issue.record("accepted a job with no template"); return }
        #expect(m.message.contains("missing key 'template'"))
        guard case .failure(let v) = parse(minimal.replacingOccurrences(of: "job: 1", with: "job: 2")) else { Issue.record("accepted version 2"); return }
        #expect(v.line == 1)
        guard case .failure(let r) = parse(minimal + "\nreports: { formats: [pdf] }\n") else { Issue.record("accepted pdf"); return }
        #expect(r.message.contains("pdf"))
        guard case .failure(let d) = parse(minimal + "\nreports: { format: [html] }\n") else { Issue.record("accepted 'format'"); return }
        #expect(d.message.contains("unknown key 'format'"))
    }

    /// Every level of the job file refuses a key its Codable types do not read, at its line.
    @Test func anUnknownKeyAtEachLevelIsRefusedWithItsLine() throws {
        guard case .failure(let top) = parse(minimal + "\nzz: 1\n") else { Issue.record("accepted zz"); return }
        #expect(top.line == 7 && top.message.hasPrefix("unknown key 'zz' (expected one of: deadline, inbox, job, ledger, limits, name, output, period, rejected, reports, template, time_zone, units)"))
        guard case .failure(let r) = parse(minimal + "\nreports:\n  formats: [html]\n  zz: 1\n") else { Issue.record("accepted reports.zz"); return }
        #expect(r.line == 9 && r.message == "unknown key 'zz' in reports (expected one of: formats, languages)")
        guard case .failure(let l) = parse(minimal + "\nlimits:\n  workers: 2\n  max_grid_cell: 10\n") else { Issue.record("accepted max_grid_cell"); return }
        #expect(l.line == 9 && l.message == "unknown key 'max_grid_cell' in limits (did you mean 'max_grid_cells'?)")
        guard case .failure(let u) = parse(minimal + "\nunits: some\n") else { Issue.record("accepted units: some"); return }
        #expect(u.line == 7 && u.message == "units is 'all' or a list of unit codes")
        guard case .failure(let t) = parse(minimal.replacingOccurrences(of: "template:", with: "tempate:")) else { Issue.record("accepted tempate"); return }
        #expect(t.line == 3 && t.message == "unknown key 'tempate' (did you mean 'template'?)")
    }

    @Test func everyReaderLimitIsSettableUnderItsDocumentedKey() throws {
        let keys = ReaderLimits.settings.map(\.key)
        #expect(keys == [
            "max_file_size_mb", "max_entries", "max_entry_size_mb", "max_total_size_mb", "min_compression_ratio",
            "ratio_check_threshold_bytes", "max_cell_text_bytes", "max_shared_strings", "max_grid_cells",
        ])
        let yaml = minimal + """

            limits:
              max_file_size_mb: 50
              max_entries: 1000
              max_entry_size_mb: 256
              max_total_size_mb: 512
              min_compression_ratio: 0.02
              ratio_check_threshold_bytes: 200000
              max_cell_text_bytes: 4000
              max_shared_strings: 100000
              max_grid_cells: 500000
              workers: 3
            """
        let job = try parse(yaml).get()
        let l = job.limits.readerLimits
        #expect(l.maxFileSize == 50 << 20 && l.maxEntries == 1000 && l.maxEntrySize == 256 << 20)
        #expect(l.maxTotalSize == 512 << 20 && l.minCompressionRatio == 0.02 && l.ratioCheckThreshold == 200_000)
        #expect(l.maxCellTextLength == 4000 && l.maxSharedStrings == 100_000 && l.maxGridCells == 500_000)
        #expect(job.limits.workers == 3)
        // Unset keys keep the defaults.
        let defaults = try parse(minimal).get().limits.readerLimits
        #expect(defaults.maxGridCells == ReaderLimits.default.maxGridCells && defaults.maxFileSize == 512 << 20)
    }

    @Test func aLimitOfZeroOrBelowIsRefusedWithItsKeyAndLine() throws {
        for bad in ["max_grid_cells: 0", "max_entry_size_mb: -5", "min_compression_ratio: 0"] {
            guard case .failure(let e) = parse(minimal + "\nlimits:\n  workers: 1\n  \(bad)\n") else {
                Issue.record("accepted \(bad)")
                continue
            }
            let key = String(bad.prefix { $0 != ":" })
            #expect(e.line == 9, "\(bad): line \(e.line ?? -1)")
            #expect(e.message.hasPrefix("limits.\(key) must be greater than 0; it is "), "\(e.message)")
        }
        guard case .failure(let w) = parse(minimal + "\nlimits: { max_entries: 2.5 }\n") else { Issue.record("accepted 2.5"); return }
        #expect(w.message == "limits.max_entries must be a whole number; it is 2.5")
        guard case .failure(let n) = parse(minimal + "\nlimits: { workers: -1 }\n") else { Issue.record("accepted -1"); return }
        #expect(n.message.contains("limits.workers"))
        #expect(try parse(minimal + "\nlimits: { workers: 0 }\n").get().limits.workers == 0)
    }
}
