import Foundation

/// A scoped temporary folder, removed when the test is done with it.
final class TempFolder {
    let path: String

    init(_ label: String = "batch") {
        path = NSTemporaryDirectory() + "tonghop-\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func sub(_ name: String) -> String {
        let p = path + "/" + name
        try? FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func writeFile(_ path: String, _ text: String, modified: Double? = nil) {
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    if let modified {
        try! FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: modified)], ofItemAtPath: path)
    }
}

func readBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}
