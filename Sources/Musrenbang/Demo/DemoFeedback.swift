import Foundation

/// Feedback of the demo city: about 60 saran and pengaduan of the last two months, sent through the service (so each is
/// routed by `FeedbackRouting` and numbered), most answered by their unit a few days later, some forwarded to an agency
/// first, a few closed (duplicates without an answer, or done after it), the rest still waiting: `/saran/daftar` and `/saran/statistik` show a
/// city at work. Names and numbers are invented.
extension DemoSeedRun {
    func feedback() throws {
        let categories: [(FeedbackCategory, Int)] = [(.infrastruktur, 30), (.lingkungan, 20), (.sosial, 12), (.ekonomi, 8), (.pelayanan, 12),
                                                     (.musrenbang, 12), (.lainnya, 6)]
        let weighted = categories.flatMap { Array(repeating: $0.0, count: $0.1) }
        var sent: [(item: FeedbackItem, days: Int)] = []
        for _ in 0..<60 {
            let days = random.int(1...60)
            clock.set(today.addingTimeInterval(-Double(days) * Self.day + Double(random.int(7...20)) * 3600))
            let category = random.pick(weighted)
            let place = random.pick(kelurahan)
            let roll = random.unit()
            let area: FeedbackArea = roll < 0.7 ? .kelurahan(place.id) : roll < 0.85 ? .kecamatan(place.kecamatanId) : .kota
            let street = random.pick(DemoText.streets)
            let name = random.chance(0.6) ? DemoText.personName(&random) : ""
            let contact = random.chance(0.5) ? "08\(random.int(11...59))\(random.int(1_000_000...9_999_999))" : ""
            let item = try service.submitFeedback(NewFeedback(
                kind: random.chance(0.65) ? .pengaduan : .saran, category: category, area: area,
                text: random.pick(Self.texts[category] ?? ["Mohon perhatian untuk lingkungan kami di Jalan {jalan}."])
                    .replacingOccurrences(of: "{jalan}", with: street).replacingOccurrences(of: "{rw}", with: String(format: "%02d", random.int(1...9))),
                senderName: name, senderContact: contact))
            sent.append((item, days))
        }
        for (item, days) in sent {
            var current = item
            let fate = random.unit()
            guard fate > 0.15, days > 1 else { continue }  // still waiting
            var day = Double(days) - Double(random.int(1...min(days - 1, 10)))
            clock.set(today.addingTimeInterval(-day * Self.day + 10 * 3600))
            if fate < 0.2 {  // a duplicate, closed without an answer
                current = try service.closeFeedback(current.code, note: "Sama dengan pengaduan lain tentang lokasi yang sama; ikuti jawabannya di sana.",
                                                    expectedVersion: current.version, by: deskActor(current.unit))
                continue
            }
            if fate < 0.35, case .kelurahan = current.unit, [.infrastruktur, .lingkungan].contains(current.category),
               let agency = opds.first(where: { $0.code == (current.category == .infrastruktur ? "DPUPR" : "DLH") }) {
                current = try service.forwardFeedback(current.code, to: .opd(agency.id),
                                                      note: "Lokasi di jalan kota; penanganannya kewenangan \(agency.shortName).",
                                                      expectedVersion: current.version, by: deskActor(current.unit))
                day = max(0.2, day - Double(random.int(1...3)))
                clock.set(today.addingTimeInterval(-day * Self.day + 14 * 3600))
            }
            current = try service.answerFeedback(current.code, answer: random.pick(Self.answers[current.category] ?? Self.answers[.lainnya]!),
                                                 expectedVersion: current.version, by: deskActor(current.unit))
            if random.chance(0.25) {
                clock.advance(Self.day)
                _ = try service.closeFeedback(current.code, note: "", expectedVersion: current.version, by: deskActor(current.unit))
            }
        }
    }

    /// The actor answering for `unit`: its Lurah, Camat, agency verifier, or Bappeda.
    private func deskActor(_ unit: FeedbackUnit) -> Actor {
        switch unit {
        case .kelurahan(let id): lurahOf[id] ?? bappeda
        case .kecamatan(let id): camatOf[id] ?? bappeda
        case .opd(let id): verifierOf[id] ?? bappeda
        case .bappeda: bappeda
        }
    }

    static let texts: [FeedbackCategory: [String]] = [
        .infrastruktur: [
            "Jalan di Gang {jalan} rusak dan berlubang, membahayakan pengendara motor terutama malam hari.",
            "Lampu penerangan jalan di Jalan {jalan} mati sejak sebulan; warga takut lewat malam hari.",
            "Saluran air di Gang {jalan} tersumbat; setiap hujan air meluap ke rumah warga RW {rw}.",
            "Jembatan kecil di Jalan {jalan} retak; mohon diperiksa sebelum musim hujan.",
        ],
        .lingkungan: [
            "Sampah menumpuk di TPS dekat Jalan {jalan}, sudah seminggu tidak diangkut dan berbau.",
            "Pohon besar di Jalan {jalan} miring dan rawan tumbang saat angin kencang.",
            "Mohon ditambah taman bermain anak di sekitar Jalan {jalan}; anak-anak bermain di jalan.",
            "Kali di belakang Jalan {jalan} dangkal; mohon dinormalisasi agar tidak banjir.",
        ],
        .sosial: [
            "Posyandu di RW {rw} kekurangan alat timbang bayi dan meja pendaftaran.",
            "Tetangga lansia kami di Jalan {jalan} belum terdata sebagai penerima bantuan sosial.",
            "Mohon kegiatan pemeriksaan kesehatan lansia di RW {rw} diadakan lebih sering.",
        ],
        .ekonomi: [
            "Pelaku UMKM di sekitar Jalan {jalan} membutuhkan pelatihan pemasaran daring.",
            "Pasar tumpah di Jalan {jalan} membuat macet setiap pagi; mohon ditata.",
        ],
        .pelayanan: [
            "Pelayanan surat pengantar di kantor kelurahan lama; mohon jam layanan diumumkan.",
            "Mohon layanan administrasi kependudukan dibuka juga pada hari Sabtu.",
            "Petugas loket tidak menjelaskan syarat yang kurang; kami harus datang tiga kali.",
        ],
        .musrenbang: [
            "Undangan Musrenbang kelurahan baru kami terima sehari sebelum acara.",
            "Usulan RW {rw} tahun lalu tidak jelas nasibnya; mohon hasilnya diumumkan.",
            "Mohon jadwal Musrenbang kecamatan diumumkan lebih awal di portal ini.",
        ],
        .lainnya: [
            "Mohon informasi jadwal kerja bakti kota diumumkan di portal ini.",
            "Terima kasih, portal ini memudahkan kami mengikuti usulan.",
        ],
    ]

    static let answers: [FeedbackCategory: [String]] = [
        .infrastruktur: [
            "Terima kasih atas laporannya. Petugas sudah meninjau lokasi; perbaikan dijadwalkan dalam dua minggu.",
            "Lampu sudah diganti oleh petugas PJU. Bila mati lagi, mohon laporkan dengan kode saran ini.",
            "Saluran sudah dibersihkan bersama warga dalam kerja bakti hari Minggu.",
        ],
        .lingkungan: [
            "Sampah sudah diangkut dan jadwal angkut di TPS itu ditambah menjadi dua kali seminggu.",
            "Petugas sudah memangkas pohon tersebut. Terima kasih atas kepeduliannya.",
            "Usulan ini kami masukkan ke Musrenbang kelurahan tahun depan sebagai usulan taman lingkungan.",
        ],
        .sosial: [
            "Alat timbang sudah diusulkan melalui Musrenbang; sementara dipinjamkan dari puskesmas.",
            "Petugas akan mendata ulang minggu ini; mohon siapkan KTP dan KK.",
        ],
        .ekonomi: [
            "Pelatihan pemasaran daring UMKM dibuka bulan depan; pendaftaran di kantor kelurahan.",
            "Penataan pedagang sedang dikoordinasikan dengan kecamatan dan dinas terkait.",
        ],
        .pelayanan: [
            "Jam layanan sudah diumumkan di papan kantor dan di portal ini. Mohon maaf atas ketidaknyamanannya.",
            "Masukan ini kami jadikan bahan perbaikan; syarat layanan kini dicetak dan ditempel di loket.",
        ],
        .musrenbang: [
            "Mulai tahun ini undangan dikirim paling lambat seminggu sebelum acara dan jadwalnya tampil di portal.",
            "Semua usulan dapat dilacak di portal dengan kode pelacakannya; hasil tiap tingkat diumumkan.",
        ],
        .lainnya: ["Terima kasih atas masukannya; sudah kami teruskan ke bagian terkait."],
    ]
}
