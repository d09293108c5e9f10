import MECModel

extension FilteringCriteria {
    /// Whether a change of `service` is to be reported under these criteria.
    ///
    /// Every member present must hold (logical AND). `states` is compared with the state after the change, as the
    /// specification says for state changes; for other changes it is the service's state as reported. An empty
    /// list restricts nothing, like an absent one. Categories compare by `id`, as the `ser_category_id` query does.
    func matches(_ service: ServiceInfo) -> Bool {
        switch services {
        case .serInstanceIds(let ids) where !ids.isEmpty:
            guard let id = service.serInstanceId, ids.contains(id) else { return false }
        case .serNames(let names) where !names.isEmpty:
            guard names.contains(service.serName) else { return false }
        case .serCategories(let categories) where !categories.isEmpty:
            guard let category = service.serCategory, categories.contains(where: { $0.id == category.id }) else {
                return false
            }
        default:
            break
        }
        if let states, !states.isEmpty, !states.contains(service.state) {
            return false
        }
        if let isLocal, isLocal != (service.isLocal ?? true) {
            return false
        }
        return true
    }
}
