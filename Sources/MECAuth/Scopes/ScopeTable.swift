import MECHTTP

/// The one place that says what a request needs: no token (public routes), or a scope per route template and method.
///
/// Secure by default: a template that is neither public nor listed needs a token and is then refused with 403, so a
/// route added without a row can never be reached by accident. MEC API modules add their rows to ``standard``.
public struct ScopeTable: Sendable {
    /// What a request for a template and method needs.
    public enum Access: Equatable, Sendable {
        /// No token.
        case `public`
        /// A valid token with any one of these scopes.
        case scopes(Set<String>)
        /// A valid token; then the router answers 405 because the template has rows but none for this method.
        case methodNotListed
        /// A valid token; then 403, because the protected template has no row at all.
        case unlisted
    }

    /// Templates that need no token, for every method.
    public let publicTemplates: Set<String>
    /// Every row.
    public let rules: [ScopeRule]
    private let index: [String: [HTTPMethod: Set<String>]]

    /// Creates a table.
    public init(publicTemplates: Set<String>, rules: [ScopeRule]) {
        self.publicTemplates = publicTemplates
        self.rules = rules
        var index: [String: [HTTPMethod: Set<String>]] = [:]
        for rule in rules {
            index[rule.template, default: [:]][rule.method, default: []].formUnion(rule.grantingScopes)
        }
        self.index = index
    }

    /// This table with more rows, such as those of a test or a new API module.
    public func adding(_ more: [ScopeRule], publicTemplates morePublic: Set<String> = []) -> ScopeTable {
        ScopeTable(publicTemplates: publicTemplates.union(morePublic), rules: rules + more)
    }

    /// What a request for `template` with `method` needs; HEAD needs what GET needs.
    public func access(_ method: HTTPMethod, _ template: String) -> Access {
        if publicTemplates.contains(template) {
            return .public
        }
        guard let methods = index[template] else {
            return .unlisted
        }
        if let scopes = methods[method] ?? (method == .head ? methods[.get] : nil) {
            return .scopes(scopes)
        }
        return .methodNotListed
    }

    /// Every scope value the table knows, for the authorization server metadata.
    public var knownScopes: [String] {
        var scopes: Set<String> = []
        for rule in rules {
            scopes.formUnion(rule.grantingScopes)
        }
        return scopes.sorted()
    }
}
