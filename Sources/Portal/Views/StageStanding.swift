import Foundation
import Musrenbang

/// Where a stage's window stands at a moment: to come, open now (from its opening until just before its closing), or
/// over. One rule for the public schedule (home, `/jadwal`) and Bappeda's cycle page, each with its own words.
enum StageStanding {
    case upcoming, current, done

    init(_ window: StageWindow, at now: Date) {
        self = window.contains(now) ? .current : now < window.opensAt ? .upcoming : .done
    }

    /// The public schedule's words: "Akan datang", "Sedang berlangsung", "Selesai".
    var publicLabel: String {
        switch self {
        case .upcoming: "Akan datang"
        case .current: "Sedang berlangsung"
        case .done: "Selesai"
        }
    }

    /// Bappeda's cycle page's words (about the window it can extend): "Belum dibuka", "Sedang berjalan", "Sudah ditutup".
    var deskLabel: String {
        switch self {
        case .upcoming: "Belum dibuka"
        case .current: "Sedang berjalan"
        case .done: "Sudah ditutup"
        }
    }

    /// The class of its row or badge in the stylesheet.
    var cssClass: String {
        switch self {
        case .upcoming: "upcoming"
        case .current: "current"
        case .done: "done"
        }
    }
}
