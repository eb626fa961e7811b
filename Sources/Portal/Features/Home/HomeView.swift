import Foundation
import Musrenbang

/// The home page: what Musrenbang is, the current cycle's schedule with each stage's standing, what to do next.
enum HomeView {
    static func render(cycle: Cycle?, now: Date, signedIn: Bool, announcements: [Announcement] = []) -> HTML {
        let intro: HTML = """
            <h1>Musyawarah Perencanaan Pembangunan</h1>
            <p class="lead">Warga mengusulkan kegiatan dari RT/RW; usulan dibahas berjenjang di kelurahan, kecamatan dan
            perangkat daerah, lalu ditetapkan dalam rencana kerja pemerintah kota. Setiap usulan dapat diikuti dari awal sampai akhir.</p>
            """ + LatestAnnouncementsView.render(announcements)
        let track: HTML = """
            <section aria-labelledby="lacak">
            <h2 id="lacak">Lacak usulan</h2>
            <p>Punya tanda terima? Ketik kode pelacakannya untuk melihat keputusan dan riwayat usulan, atau buka halaman <a href="/lacak">Lacak usulan</a>.</p>
            \(TrackView.form())
            </section>
            """
        guard let cycle else { return intro + "<p>Belum ada siklus perencanaan yang dibuka.</p>" + track }
        let rows = Stage.allCases.compactMap { stage -> HTML? in
            guard let window = cycle.windows[stage] else { return nil }
            let (label, kind): (String, String) =
                now < window.opensAt ? ("Akan datang", "upcoming") : window.contains(now) ? ("Sedang berlangsung", "current") : ("Selesai", "done")
            return """
                <tr class="\(kind)"><th scope="row">\(stage.displayName)</th>
                <td>\(WIBTime.formatDate(window.opensAt)) – \(WIBTime.formatDate(window.closesAt.addingTimeInterval(-1)))</td>
                <td><span class="status \(kind)">\(label)</span></td></tr>
                """
        }
        let action: HTML = signedIn ? .empty : """
            <p class="actions"><a class="button" href="/masuk">Masuk</a> <a class="button secondary" href="/daftar">Daftar sebagai warga</a></p>
            <p>Masuk atau daftar untuk mengajukan usulan dari RT Anda dan mengikutinya sampai ditetapkan.</p>
            """
        return intro + """
            <section aria-labelledby="jadwal">
            <h2 id="jadwal">\(cycle.name)</h2>
            <p>Perencanaan untuk Rencana Kerja Pemerintah Daerah (RKPD) tahun \(cycle.budgetYear).</p>
            <table class="schedule">
            <caption>Jadwal tahapan (WIB)</caption>
            <thead><tr><th scope="col">Tahap</th><th scope="col">Jadwal</th><th scope="col">Keadaan</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            </section>
            \(action)
            \(track)
            """
    }
}
