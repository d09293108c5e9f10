/// The set of services a `FilteringCriteria` names: by instance, by name or by category.
///
/// The specification makes `serInstanceIds`, `serNames` and `serCategories` mutually exclusive ("Only one of them
/// may be present"), so they are the cases of one enumeration.
public enum ServiceSelector: Sendable, Equatable {
    /// Services by instance identifier (`serInstanceIds`).
    case serInstanceIds([String])
    /// Services by name (`serNames`).
    case serNames([String])
    /// Services by category (`serCategories`).
    case serCategories([CategoryRef])
}
