import Musrenbang

/// One page of a list of decisions: the slice shown and where it stands in the whole list.
struct DecisionPage {
    let decisions: ArraySlice<AllocationDecisionView>
    /// The page shown, 1-based, within 1...pageCount (a page past the end shows the last).
    let page: Int
    let pageCount: Int
    let total: Int

    init(_ all: [AllocationDecisionView], page requested: Int, pageSize: Int = AllocationPages.pageSize) {
        total = all.count
        pageCount = max(1, (all.count + pageSize - 1) / pageSize)
        page = min(max(1, requested), pageCount)
        let start = (page - 1) * pageSize
        decisions = all[min(start, all.count)..<min(start + pageSize, all.count)]
    }

    /// "Menampilkan 51-100 dari 2.187 usulan." when the list spans pages; nothing when all of it is shown.
    var range: String? {
        guard pageCount > 1, let first = decisions.indices.first, let last = decisions.indices.last else { return nil }
        return "Menampilkan \(first + 1)–\(last + 1) dari \(Rupiah.groupDigits(UInt64(total))) usulan."
    }
}
