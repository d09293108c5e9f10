import Foundation
import MECHTTP

/// Serves the ETSI OpenAPI descriptions the platform implements, at `GET /openapi/{file}` (no token needed).
public enum OpenAPIDocuments {
    /// The file names served, one per implemented API.
    public static let files = ["MEC011_AppEnablement_ServiceMgmt.yaml", "MEC011_AppEnablement_AppSupport.yaml"]

    /// The route template of the documents.
    public static let routeTemplate = "/openapi/{file}"

    /// Adds the route, loading the files once.
    public static func register(in router: inout Router) {
        var documents: [String: Data] = [:]
        for file in files {
            let name = (file as NSString).deletingPathExtension
            if let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "openapi"),
                let data = try? Data(contentsOf: url)
            {
                documents[file] = data
            }
        }
        let loaded = documents
        router.on(.get, routeTemplate, produces: ["application/yaml", "text/yaml", "application/json"]) { request in
            guard let data = loaded[try request.pathParameter("file")] else {
                throw HTTPError.notFound("No OpenAPI document has this name.")
            }
            var headers = HTTPHeaders()
            headers["Content-Type"] = "application/yaml"
            return Response(status: 200, headers: headers, body: data)
        }
        router.on(.get, "/openapi") { _ in try .json(files.map { "/openapi/\($0)" }) }
    }
}
