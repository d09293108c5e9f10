import Foundation
import MECTestSupport

/// The schemas of the two MEC 011 files, read at test time with python3 and PyYAML so that the tests follow the
/// files rather than a copy of them.
///
/// The files are looked up in `MEC_OPENAPI_DIR`, or in the copies the platform serves when it is unset.
enum SpecFixture {
    enum File: String, Sendable, CaseIterable {
        case serviceManagement = "MEC011_AppEnablement_ServiceMgmt.yaml"
        case applicationSupport = "MEC011_AppEnablement_AppSupport.yaml"
    }

    struct Property: Decodable, Sendable {
        var description: String?
        var values: [String]?
    }

    struct Schema: Decodable, Sendable {
        var required: [String]
        var values: [String]?
        var description: String?
        var properties: [String: Property]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let directory =
        ProcessInfo.processInfo.environment["MEC_OPENAPI_DIR"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MECPlatform/Resources/openapi").path

    /// The schemas of every file, keyed by file and schema name.
    static let schemas: Result<[String: [String: Schema]], Failure> = load()

    static func schema(_ file: File, _ name: String) throws -> Schema {
        guard let schema = try schemas.get()[file.rawValue]?[name] else {
            throw Failure(description: "schema \(name) is missing from \(file.rawValue)")
        }
        return schema
    }

    private static let script = """
        import json, sys, yaml
        out = {}
        for path in sys.argv[2:]:
            doc = yaml.safe_load(open(sys.argv[1] + "/" + path))
            schemas = {}
            for name, schema in doc["components"]["schemas"].items():
                props = {}
                for pname, prop in (schema.get("properties") or {}).items():
                    values = prop.get("enum") or (prop.get("items") or {}).get("enum")
                    props[pname] = {"description": prop.get("description"), "values": values}
                schemas[name] = {"required": schema.get("required", []), "values": schema.get("enum"),
                                 "description": schema.get("description"), "properties": props}
            out[path] = schemas
        json.dump(out, sys.stdout)
        """

    private static func load() -> Result<[String: [String: Schema]], Failure> {
        do {
            let result = try ChildProcess.run(["python3", "-c", script, directory] + File.allCases.map(\.rawValue))
            guard result.status == 0 else {
                return .failure(
                    Failure(description: "python3 with PyYAML could not read \(directory): \(result.error)"))
            }
            return .success(try JSONDecoder().decode([String: [String: Schema]].self, from: result.outputData))
        } catch {
            return .failure(Failure(description: "could not run python3: \(error)"))
        }
    }
}
