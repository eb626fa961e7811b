import Musrenbang

/// The first steps of a new proposal without JavaScript: choose the kelurahan, then the RT (grouped by RW).
enum ProposalPlaceViews {
    static func kelurahanStep(_ groups: [SelectGroup], error: String? = nil) -> HTML {
        """
        <h1>Usulan baru</h1>
        <p class="lead">Langkah 1 dari 3: di mana kegiatan ini akan dilaksanakan?</p>
        <form method="get" action="/usulan/baru">
        <input type="hidden" name="pilih" value="1">
        \(FormViews.select("kelurahan", label: "Kelurahan", placeholder: "Pilih kelurahan", groups: groups, selected: nil,
                           error: error, hint: "Kelurahan tempat RT Anda berada."))
        <button type="submit" class="button">Lanjut</button>
        </form>
        """
    }

    static func rtStep(kelurahanName: String, groups: [SelectGroup], error: String? = nil) -> HTML {
        """
        <h1>Usulan baru</h1>
        <p class="lead">Langkah 2 dari 3: RT dan RW di Kelurahan \(kelurahanName).</p>
        <form method="get" action="/usulan/baru">
        <input type="hidden" name="pilih" value="1">
        \(FormViews.select("rt", label: "RT / RW", placeholder: "Pilih RT", groups: groups, selected: nil, error: error, autofocus: true))
        <button type="submit" class="button">Lanjut</button>
        </form>
        <p><a href="/usulan/baru?pilih=1">Pilih kelurahan lain</a></p>
        """
    }
}
