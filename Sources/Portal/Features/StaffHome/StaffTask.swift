/// One task on a staff member's home page: where it is, what it is, and how many proposals wait there when the
/// portal can count them (nil: a workspace without a single waiting pile, e.g. the CSV import).
struct StaffTask: Equatable {
    let path: String
    let title: String
    let summary: String
    var waiting: Int?
    /// What the count counts.
    var waitingText = "usulan menunggu keputusan Anda"
}
