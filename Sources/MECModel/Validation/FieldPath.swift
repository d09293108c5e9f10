/// The path of a field inside a body, written `transportInfo.endpoint` or `trafficFilter[0].srcPort`.
struct FieldPath: CustomStringConvertible {
    private var text: String

    /// The body itself.
    static let root = FieldPath(text: "")

    private init(text: String) {
        self.text = text
    }

    /// The path a decoder reports.
    init(codingPath: [any CodingKey]) {
        var path = FieldPath.root
        for key in codingPath {
            path = key.intValue.map { path.item($0) } ?? path.field(key.stringValue)
        }
        self = path
    }

    /// The member `name` of this field.
    func field(_ name: String) -> FieldPath {
        FieldPath(text: text.isEmpty ? name : "\(text).\(name)")
    }

    /// The array item at `index` of this field.
    func item(_ index: Int) -> FieldPath {
        FieldPath(text: "\(text)[\(index)]")
    }

    var description: String {
        text.isEmpty ? "(root)" : text
    }
}
