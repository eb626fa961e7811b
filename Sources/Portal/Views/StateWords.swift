import Musrenbang

/// A proposal's state in plain words for the people who follow it ("Menunggu persetujuan Ketua RT",
/// "Dikembalikan: perlu diperbaiki"), with a tone for its badge: still on its way, needing the proposer, or ended.
enum StateWords {
    /// How a state feels to the proposer: the badge's class.
    enum Tone: String {
        case waiting, returned, good, ended
    }

    static func text(_ state: ProposalState) -> String {
        switch (state.stage, state.status) {
        case (.praMusrenbang, .draft): "Draf: belum diajukan"
        case (.praMusrenbang, .diajukan): "Menunggu persetujuan Ketua RT"
        case (.praMusrenbang, .disetujuiRT): "Disetujui Ketua RT, menunggu persetujuan Ketua RW"
        case (.praMusrenbang, .dikembalikan): "Dikembalikan: perlu diperbaiki"
        case (.kelurahan, .verifikasi): "Menunggu verifikasi Musrenbang kelurahan"
        case (.kelurahan, .dikembalikan): "Dikembalikan kelurahan: perlu diperbaiki"
        case (.kelurahan, .didanai): "Didanai pagu kelurahan"
        case (.kecamatan, .verifikasi): "Diteruskan ke Musrenbang kecamatan, menunggu verifikasi"
        case (.kecamatan, .didanai): "Didanai pagu kecamatan"
        case (.kecamatan, .f2): "Tidak masuk pagu kecamatan, menunggu diteruskan ke perangkat daerah"
        case (.kecamatan, .pokir): "Dialihkan ke Pokir DPRD"
        case (.opd, .verifikasi): "Diteruskan ke perangkat daerah, menunggu verifikasi"
        case (.opd, .didanai): "Didanai pagu perangkat daerah"
        case (.opd, .f2): "Tidak mendapat pagu perangkat daerah"
        case (.kota, .ditetapkan): "Ditetapkan dalam RKPD"
        case (.kota, .tidakDitetapkan): "Tidak ditetapkan dalam RKPD"
        case (let stage, let status): "\(status.displayName) di \(stage.displayName)"
        }
    }

    static func tone(_ state: ProposalState) -> Tone {
        switch state.status {
        case .draft, .dikembalikan: .returned
        case .didanai, .ditetapkan: .good
        case .ditolak, .tidakDitetapkan, .pokir: .ended
        case .f2: state.stage == .opd ? .ended : .waiting
        default: .waiting
        }
    }

    /// The state as a badge: its words in a span whose class gives the tone.
    static func badge(_ state: ProposalState) -> HTML {
        "<span class=\"badge \(tone(state).rawValue)\">\(text(state))</span>"
    }
}
