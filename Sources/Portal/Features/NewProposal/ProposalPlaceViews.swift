import Musrenbang

/// The first steps of a new proposal without JavaScript: choose the kelurahan, then the RT (grouped by RW).
enum ProposalPlaceViews {
    static func kelurahanStep(_ groups: [(label: String, options: [(value: String, text: String)])], error: String? = nil) -> HTML {
        """
        <h1>Usulan baru</h1>
        <p class="lead">Langkah 1 dari 3: di mana kegiatan ini akan dilaksanakan?</p>
        <form method="get" action="/usulan/baru">
        \(FormViews.select("kelurahan", label: "Kelurahan", groups: groups, selected: nil, placeholder: "Pilih kelurahan",
                           hint: "Kelurahan tempat RT Anda berada.", error: error))
        <button type="submit" class="button">Lanjut</button>
        </form>
        """
    }

    static func rtStep(kelurahanName: String, groups: [(label: String, options: [(value: String, text: String)])], error: String? = nil) -> HTML {
        """
        <h1>Usulan baru</h1>
        <p class="lead">Langkah 2 dari 3: RT dan RW di Kelurahan \(kelurahanName).</p>
        <form method="get" action="/usulan/baru">
        \(FormViews.select("rt", label: "RT / RW", groups: groups, selected: nil, placeholder: "Pilih RT", error: error))
        <button type="submit" class="button">Lanjut</button>
        </form>
        <p><a href="/usulan/baru">Pilih kelurahan lain</a></p>
        """
    }
}
