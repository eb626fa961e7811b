import Foundation

/// The demo's announcements of the current cycle: Bappeda's technical guideline (a one-page PDF) and news, the Musrenbang
/// of every kecamatan announced by its camat inside the kecamatan window, two kelurahan's meetings by their operators
/// (one left as a draft), and the Musrenbang kota; published over the days before the seed's day.
extension DemoSeedRun {
    func announcements(_ cycle: Cycle) throws {
        clock.set(today.addingTimeInterval(-10 * Self.day))
        let guideline = AnnouncementDraft(
            kind: .guideline, area: .kota, title: "Panduan teknis Musrenbang \(cycle.planYear)",
            body: "Panduan teknis penyelenggaraan Musrenbang \(cycle.planYear) untuk RKPD \(cycle.budgetYear): tahapan, formulir usulan, "
                + "penilaian dan berita acara. Unduh dokumennya di bawah.")
        _ = try service.createAnnouncement(guideline, document: NewAnnouncementDocument(
            title: "Panduan teknis Musrenbang \(cycle.planYear) (PDF)", fileName: "panduan-musrenbang-\(cycle.planYear).pdf",
            bytes: Self.onePagePDF("Panduan teknis Musrenbang \(cycle.planYear) - contoh dokumen demo")), publish: true, by: bappeda)
        clock.advance(Self.day)
        _ = try service.createAnnouncement(AnnouncementDraft(
            kind: .news, area: .kota, title: "\(cycle.name) dimulai",
            body: "Warga dapat mengajukan usulan dari RT/RW masing-masing dan mengikutinya sampai ditetapkan.\n\n"
                + "Jadwal setiap tahap ada di halaman Jadwal; undangan rapat diumumkan oleh kelurahan dan kecamatan."), publish: true, by: bappeda)
        let stages = cycle.windows
        for (index, kec) in kecamatan.enumerated() {
            guard let camat = camatOf[kec.id], let window = stages[.kecamatan] else { continue }
            clock.advance(3600)
            _ = try service.createAnnouncement(Self.meeting(
                area: .kecamatan(kec.id), stage: .kecamatan, title: "Musrenbang Kecamatan \(kec.name)",
                day: window.opensAt.addingTimeInterval(Double(3 + index * 5) * Self.day), place: "Aula Kantor Kecamatan \(kec.name)",
                invited: "Delegasi kelurahan, lurah, perangkat daerah terkait, anggota DPRD dapil, tokoh masyarakat"), publish: true, by: camat)
        }
        for (index, kel) in kelurahan.prefix(2).enumerated() {
            guard let op = operatorOf[kel.id], let window = stages[.kelurahan] else { continue }
            clock.advance(3600)
            _ = try service.createAnnouncement(Self.meeting(
                area: .kelurahan(kel.id), stage: .kelurahan, title: "Musrenbang Kelurahan \(kel.name)",
                day: window.opensAt.addingTimeInterval(Double(2 + index) * Self.day), place: "Aula Kantor Kelurahan \(kel.name)",
                invited: "Ketua RT/RW, LPM, PKK, Karang Taruna, tokoh masyarakat, perwakilan perempuan"), publish: index == 0, by: op)
        }
        if let window = stages[.kota] {
            clock.advance(3600)
            _ = try service.createAnnouncement(Self.meeting(
                area: .kota, stage: .kota, title: "Musrenbang \(TangselReference.cityName)", day: window.opensAt.addingTimeInterval(3 * Self.day),
                place: "Gedung Pusat Pemerintahan, Ciputat", invited: "Delegasi kecamatan, perangkat daerah, DPRD, Bappeda"), publish: true, by: bappeda)
        }
    }

    /// A meeting 09.00-13.00 WIB on the day of `day`.
    private static func meeting(area: AnnouncementArea, stage: Stage, title: String, day: Date, place: String, invited: String) -> AnnouncementDraft {
        let f = WIBTime.fields(day, offset: WIBTime.offsetSeconds)
        return AnnouncementDraft(kind: .meeting, area: area, title: title, body: "Mohon hadir tepat waktu dan membawa daftar usulan.",
                                 meeting: MeetingDraft(stage: stage, day: CivilDay(year: f.year, month: f.month, day: f.day),
                                                       startMinute: 9 * 60, endMinute: 13 * 60, place: place, invited: invited))
    }

    /// A one-page PDF that shows `text` (ASCII), with a correct cross-reference table.
    static func onePagePDF(_ text: String) -> [UInt8] {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
        let stream = "BT /F1 14 Tf 56 780 Td (\(escaped)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }
}
