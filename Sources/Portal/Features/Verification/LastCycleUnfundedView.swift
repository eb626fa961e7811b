import Musrenbang

/// Last cycle's unfunded proposals of a kecamatan (the seeds ask the kecamatan Musrenbang to look at them again):
/// each with its kelurahan, how it ended, its cost, and the new proposal it was carried into, if it was.
enum LastCycleUnfundedView {
    static func render(previous: Cycle?, rows: [UnfundedProposal], kelurahanNames: [KelurahanID: String]) -> HTML {
        let heading: HTML = """
            <p class="back"><a href="\(VerificationPaths.queue)">‹ Kembali ke daftar verifikasi</a></p>
            <h1>Usulan tak terdanai siklus lalu</h1>
            """
        guard let previous else { return heading + "<p class=\"empty\">Belum ada siklus sebelumnya.</p>" }
        guard !rows.isEmpty else { return heading + "<p class=\"empty\">Tidak ada usulan tak terdanai di kecamatan Anda pada \(previous.name).</p>" }
        let items = rows.map { row -> HTML in
            let proposal = row.proposal
            let carried: HTML = row.carriedInto.map { "Dibawa ke <span class=\"code\">\($0.description)</span>" } ?? "Belum dibawa"
            return """
                <tr><td><span class="code">\(proposal.trackingCode.description)</span><br>\(proposal.title)</td>
                <td>\(kelurahanNames[proposal.origin.kelurahanId] ?? "")</td>
                <td>\(StateWords.badge(proposal.state))</td>
                <td class="num">\(Rupiah.format(proposal.effectiveCost))</td>
                <td>\(carried)</td></tr>
                """
        }
        return heading + """
            <p class="lead">Usulan kecamatan Anda yang tidak terdanai pada \(previous.name): ditolak, tidak masuk pagu, atau tidak ditetapkan. Pengusul atau operator kelurahan dapat membawanya ke siklus ini.</p>
            <table class="stack worklist">
            <caption>\(rows.count) usulan · \(previous.name)</caption>
            <thead><tr><th scope="col">Usulan</th><th scope="col">Kelurahan</th><th scope="col">Akhir</th><th scope="col" class="num">Biaya</th><th scope="col">Siklus ini</th></tr></thead>
            <tbody>\(items)</tbody>
            </table>
            """
    }
}
