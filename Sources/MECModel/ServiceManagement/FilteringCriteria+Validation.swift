extension FilteringCriteria {
    /// Checks that no service identifier or name is empty and that each category reference is valid.
    func check(_ validator: inout Validator, at path: FieldPath) {
        switch services {
        case .serInstanceIds(let ids):
            for (index, id) in ids.enumerated() {
                validator.nonEmpty(id, at: path.field("serInstanceIds").item(index))
            }
        case .serNames(let names):
            for (index, name) in names.enumerated() {
                validator.nonEmpty(name, at: path.field("serNames").item(index))
            }
        case .serCategories(let categories):
            for (index, category) in categories.enumerated() {
                category.check(&validator, at: path.field("serCategories").item(index))
            }
        case nil:
            break
        }
    }
}
