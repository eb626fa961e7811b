import Musrenbang

/// `/kerja/penilaian`: the scoring table (one 1-5 field per candidate and criterion, saved at once, the weighted score
/// beside) and the ranked list with the manual move form (a position and the meeting's reason).
enum ScoringView {
    static func render(_ situation: MeetingSituation, board: ScoringBoard, scores: ScoreSheetForm, reorder: ReorderForm,
                       csrfToken: String, notice: RefusalNotice? = nil) -> HTML {
        let title = "Penilaian dan peringkat"
        let intro: HTML = """
            <p class="back"><a href="/kerja/alokasi">Alokasi pagu</a> · <a href="/kerja/berita-acara">Berita acara</a></p>
            <h1>\(title)</h1>
            <p class="lead">\(situation.meetingTitle), \(situation.cycle.name). Nilai setiap usulan 1 sampai 5 untuk setiap kriteria; peringkat disusun dari nilai berbobot, yang sama diurutkan menurut waktu pengajuan.</p>
            """
        guard !board.rows.isEmpty else {
            return intro + situation.closedNotice + "<p class=\"empty\">Belum ada usulan yang diterima dan menunggu penilaian untuk pagu ini.</p>"
        }
        guard !board.criteria.isEmpty else {
            return intro + "<p class=\"empty\">Kriteria penilaian siklus ini belum ditetapkan Bappeda.</p>"
        }
        return intro + (notice?.html ?? .empty) + situation.closedNotice
            + FormViews.errorSummary(scores.errors + reorder.errors)
            + scoreTable(situation, board: board, form: scores, csrfToken: csrfToken)
            + rankedList(situation, board: board, form: reorder, csrfToken: csrfToken)
    }

    private static func weights(_ board: ScoringBoard) -> HTML {
        let items = board.criteria.map { c -> HTML in "<li>\(c.name): bobot \(c.weight)</li>" }
        return "<ul class=\"criteria\">\(items)</ul>"
    }

    private static func scoreTable(_ situation: MeetingSituation, board: ScoringBoard, form: ScoreSheetForm, csrfToken: String) -> HTML {
        let heads = board.criteria.map { c -> HTML in "<th scope=\"col\" class=\"crit\">\(c.name)<br><span class=\"muted\">bobot \(c.weight)</span></th>" }
        let rows = board.rows.map { row -> HTML in
            let cells = board.criteria.map { c -> HTML in
                let name = ScoreSheetForm.field(row.proposal.id, c.id)
                let value = form.values[name] ?? ""
                guard situation.canAct else {
                    return "<td class=\"score\"><span class=\"cell-label\">\(c.name)</span> \(value.isEmpty ? "–" : value)</td>"
                }
                let error = form.error(name)
                let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\" class=\"invalid\""
                // The label wraps the field: its words are shown on a phone only, and axe-core takes a visually hidden
                // `for` label as hidden.
                return """
                    <td class="score"><label><span class="cell-label">\(c.name)<span class="visually-hidden"> untuk \(row.proposal.trackingCode.description)</span></span> \
                    <input id="\(name)" name="\(name)" type="number" min="1" max="5" step="1" inputmode="numeric" value="\(value)" size="2"\(invalid)></label></td>
                    """
            }
            let score: HTML = row.scoreMillis.map { "\(ScoringBoard.scoreText($0))" } ?? "<span class=\"muted\">belum lengkap</span>"
            return """
                <tr><td class="num"><span class="cell-label">Peringkat </span>\(row.rank.map(String.init) ?? "–")</td>\
                <td class="proposal"><span class="code">\(row.proposal.trackingCode.description)</span> \(row.proposal.title)<br>\
                <span class="muted">\(Rupiah.format(row.proposal.effectiveCost))</span></td>\(cells)<td class="num"><span class="cell-label">Nilai berbobot </span>\(score)</td></tr>
                """
        }
        let table: HTML = """
            <div class="table-scroll"><table class="scores">
            <caption>Nilai per kriteria (\(board.rows.count) usulan)</caption>
            <thead><tr><th scope="col" class="num">Peringkat</th><th scope="col">Usulan</th>\(heads)<th scope="col" class="crit">Nilai berbobot</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
        guard situation.canAct else { return "<h2 id=\"nilai\">Nilai</h2>" + weights(board) + table }
        let reset: HTML = board.manualOrder ? resetFieldset(form) : .empty
        return """
            <h2 id="nilai">Nilai</h2>
            \(weights(board))
            <form method="post" action="\(MeetingPaths.scoring)" class="wide">
            \(FormViews.csrf(csrfToken))<input type="hidden" name="keadaan" value="\(board.stateToken)">
            \(table)
            \(reset)
            <p class="actions"><button type="submit" class="button">Simpan semua nilai</button></p>
            </form>
            """
    }

    private static func resetFieldset(_ form: ScoreSheetForm) -> HTML {
        let error = form.error(ScoreSheetForm.resetField)
        let checked: HTML = form.resetOrder ? " checked" : .empty
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(ScoreSheetForm.resetField)-error\">\($0)</p>" } ?? .empty
        return """
            <fieldset class="group\(error == nil ? "" : " has-error")"><legend>Urutan manual</legend>
            <p>Musyawarah sudah mengubah urutan secara manual. Menyimpan nilai menyusun peringkat dari nilai lagi dan menggantikan urutan itu.</p>
            \(errorHTML)
            <div class="choice"><input type="checkbox" id="\(ScoreSheetForm.resetField)" name="\(ScoreSheetForm.resetField)" value="1"\(checked)>\
            <label for="\(ScoreSheetForm.resetField)">Atur ulang urutan dari nilai</label></div>
            \(FormViews.textArea(ScoreSheetForm.resetReasonField, label: "Alasan mengatur ulang urutan", value: form.resetReason,
                                 error: form.error(ScoreSheetForm.resetReasonField), rows: 2, required: false))
            </fieldset>
            """
    }

    private static func rankedList(_ situation: MeetingSituation, board: ScoringBoard, form: ReorderForm, csrfToken: String) -> HTML {
        let ranked = board.ranked
        guard !ranked.isEmpty else {
            return "<h2 id=\"peringkat\">Peringkat</h2><p class=\"empty\">Belum ada usulan dengan nilai lengkap.</p>"
        }
        let rows = ranked.map { row -> HTML in
            let rank = row.rank ?? 0
            var moves: [HTML] = []
            if situation.canAct && rank > 1 {
                moves.append("<a href=\"\(MeetingPaths.scoring)?pindah=\(row.proposal.id.rawValue)&amp;ke=\(rank - 1)#urutan\">Naikkan</a>")
            }
            if situation.canAct && rank < ranked.count {
                moves.append("<a href=\"\(MeetingPaths.scoring)?pindah=\(row.proposal.id.rawValue)&amp;ke=\(rank + 1)#urutan\">Turunkan</a>")
            }
            return """
                <tr><td class="num"><span class="cell-label">Peringkat </span>\(rank)</td><td><span class="code">\(row.proposal.trackingCode.description)</span> \(row.proposal.title)</td>\
                <td class="num"><span class="cell-label">Nilai </span>\(row.scoreMillis.map { ScoringBoard.scoreText($0) } ?? "–")</td>\
                <td class="num"><span class="cell-label">Biaya </span>\(Rupiah.format(row.proposal.effectiveCost))</td><td>\(HTML.join(moves, separator: " · "))</td></tr>
                """
        }
        let manual: HTML = board.manualOrder ? "<p class=\"muted\">Urutan ini sudah diubah manual oleh musyawarah (tercatat pada riwayat setiap usulan yang berpindah).</p>" : .empty
        let list: HTML = """
            <h2 id="peringkat">Peringkat</h2>
            \(manual)
            <table class="stack ranked">
            <thead><tr><th scope="col" class="num">Peringkat</th><th scope="col">Usulan</th><th scope="col" class="num">Nilai</th><th scope="col" class="num">Biaya</th><th scope="col">Pindahkan</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        guard situation.canAct else { return list }
        let options = ranked.map { row in
            SelectOption(value: String(row.proposal.id.rawValue), text: "\(row.rank ?? 0). \(row.proposal.trackingCode.description) \(row.proposal.title)")
        }
        return list + """
            <section class="decide" id="urutan">
            <h2>Ubah urutan</h2>
            <p>Musyawarah boleh mengubah urutan dengan alasan; alasannya dicatat pada riwayat setiap usulan yang berpindah.</p>
            <form method="post" action="\(MeetingPaths.reorder)">
            \(FormViews.csrf(csrfToken))<input type="hidden" name="keadaan" value="\(board.stateToken)">
            \(FormViews.select("usulan", label: "Usulan", placeholder: "Pilih usulan", groups: [SelectGroup(label: nil, options: options)],
                               selected: form.proposal, error: form.error("usulan")))
            \(FormViews.field("posisi", label: "Posisi baru", value: form.position, type: "number", hint: "1 = paling atas, sampai \(ranked.count).",
                              error: form.error("posisi"), inputMode: "numeric"))
            \(FormViews.textArea("alasan", label: "Alasan musyawarah", value: form.reason, error: form.error("alasan"), rows: 3,
                                 autofocus: !form.proposal.isEmpty && form.reason.isEmpty))
            <p class="actions"><button type="submit" class="button">Pindahkan</button></p>
            </form>
            </section>
            """
    }
}
