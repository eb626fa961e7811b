import Foundation

/// Templates for realistic Indonesian proposal texts of the demo: street names, proposer names, and a
/// problem statement per kind of kamus item.
enum DemoText {
    static let streets = [
        "Kenanga", "Melati", "Mawar", "Flamboyan", "Cempaka", "Dahlia", "Anggrek", "Masjid Al-Ikhlas", "Pendidikan",
        "Bhakti", "Swadaya", "Gotong Royong", "Pesantren", "Merpati", "Nuri", "Kutilang", "Cendrawasih", "Rambutan",
        "Duku", "Salak", "Jambu", "Kemuning", "Teratai", "Bougenville", "H. Sarmah", "H. Naim", "Raya Pamulang",
        "Beringin", "Kelapa Gading", "Sawo", "Mangga", "Nangka", "Pinang", "Cemara", "Akasia", "Kapuk", "Persatuan",
        "Damai", "Sejahtera", "Makmur", "Bina Warga", "Al-Hidayah", "Madrasah", "Puskesmas", "Lapangan Bola",
    ]

    static let firstNames = [
        "Siti", "Nur", "Ahmad", "Muhammad", "Dewi", "Sri", "Budi", "Agus", "Rina", "Eko", "Yuliani", "Hendra",
        "Fitri", "Rudi", "Wahyu", "Lestari", "Dedi", "Ratna", "Joko", "Ani", "Hasan", "Aminah", "Slamet", "Indah",
        "Bambang", "Yanti", "Asep", "Neneng", "Ujang", "Euis", "Iwan", "Mulyadi", "Suryani", "Rahmat", "Nurhayati",
    ]

    static let lastNames = [
        "Rahayu", "Saputra", "Hidayat", "Kurniawan", "Susanti", "Wijaya", "Setiawan", "Lestari", "Pratama", "Nugroho",
        "Permana", "Hasanah", "Suryadi", "Maulana", "Fauzi", "Sari", "Gunawan", "Firmansyah", "Ramadhan", "Handayani",
        "Sulastri", "Syahputra", "Wulandari", "Hakim", "Aziz",
    ]

    static func personName(_ random: inout SeededRandom) -> String {
        "\(random.pick(firstNames)) \(random.pick(lastNames))"
    }

    static func location(_ random: inout SeededRandom, rw: Int, rt: Int) -> (street: String, text: String) {
        let street = (random.chance(0.7) ? "Jl. " : "Gg. ") + random.pick(streets)
        return (street, "\(street) RT \(pad(rt))/RW \(pad(rw))")
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// The proposal's title: the activity, where, and for whom.
    static func title(kamus name: String, street: String, rw: Int, rt: Int, kelurahan: String) -> String {
        let lower = name.lowercased()
        let place = "\(street) RT \(pad(rt))/RW \(pad(rw))"
        if lower.hasPrefix("pelatihan") || lower.hasPrefix("penyuluhan") || lower.hasPrefix("sosialisasi")
            || lower.hasPrefix("pemberian") || lower.hasPrefix("pemeriksaan") || lower.hasPrefix("pembinaan")
            || lower.hasPrefix("fasilitasi") || lower.hasPrefix("pemberantasan") {
            return "\(short(name)) warga RW \(pad(rw)) Kelurahan \(kelurahan)"
        }
        return "\(short(name)) \(place)"
    }

    /// The kamus name without its parenthesised detail.
    static func short(_ name: String) -> String {
        name.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? name
    }

    /// A problem statement that fits the activity.
    static func problem(kamus name: String, street: String, random: inout SeededRandom) -> String {
        let n = name.lowercased()
        let options: [String]
        if n.contains("jalan") {
            options = ["Jalan di \(street) rusak dan berlubang sehingga membahayakan pengendara, terutama saat hujan.",
                       "Permukaan \(street) masih tanah dan becek ketika hujan, menyulitkan warga dan anak sekolah.",
                       "Kondisi \(street) retak dan amblas di beberapa titik; sering terjadi kecelakaan sepeda motor."]
        } else if n.contains("drainase") || n.contains("saluran") || n.contains("resapan") || n.contains("biopori") {
            options = ["Saluran air di \(street) tersumbat dan meluap sehingga rumah warga tergenang setiap hujan deras.",
                       "Belum ada saluran drainase di \(street); air hujan menggenang hingga 30 cm dan lama surut.",
                       "Genangan air di \(street) menjadi sarang nyamuk dan menyebabkan kasus DBD di lingkungan RT."]
        } else if n.contains("turap") || n.contains("jembatan") {
            options = ["Tebing kali di dekat \(street) longsor dan mengancam rumah warga di bantaran.",
                       "Jembatan penghubung di \(street) sudah lapuk sehingga tidak aman dilalui warga dan motor."]
        } else if n.contains("penerangan") || n.contains("cctv") || n.contains("rambu") || n.contains("polisi tidur") {
            options = ["\(street) gelap pada malam hari dan rawan tindak kejahatan serta kecelakaan.",
                       "Kendaraan melaju kencang di \(street) yang padat anak-anak; warga khawatir akan keselamatan.",
                       "Sering terjadi pencurian kendaraan di sekitar \(street); warga membutuhkan pengawasan lingkungan."]
        } else if n.contains("sampah") || n.contains("tps3r") {
            options = ["Sampah rumah tangga di sekitar \(street) menumpuk karena belum ada sarana pengangkutan dan pemilahan.",
                       "Warga masih membuang sampah ke kali di dekat \(street) sehingga menyumbat aliran air."]
        } else if n.contains("rumah tidak layak") || n.contains("mck") || n.contains("ipal") {
            options = ["Masih ada keluarga kurang mampu di sekitar \(street) yang tinggal di rumah tidak layak huni.",
                       "Sebagian warga di sekitar \(street) belum memiliki jamban sehat dan membuang limbah ke saluran terbuka."]
        } else if n.contains("posyandu") || n.contains("balita") || n.contains("stunting") || n.contains("lansia")
                    || n.contains("nyamuk") || n.contains("kesehatan") {
            options = ["Angka balita dengan gizi kurang di wilayah RW masih tinggi menurut data posyandu.",
                       "Kegiatan posyandu belum didukung sarana dan kader yang memadai untuk melayani warga.",
                       "Kasus demam berdarah meningkat di lingkungan RW pada musim hujan tahun lalu.",
                       "Banyak warga lansia belum rutin memeriksakan kesehatan karena jarak ke puskesmas jauh."]
        } else if n.contains("umkm") || n.contains("usaha") || n.contains("bazar") || n.contains("menjahit")
                    || n.contains("tata boga") || n.contains("sepeda motor") || n.contains("pertanian") || n.contains("bibit") {
            options = ["Banyak ibu rumah tangga dan pemuda di RW belum memiliki keterampilan untuk menambah penghasilan.",
                       "Pelaku usaha mikro di lingkungan kesulitan memasarkan produk dan mengelola usaha.",
                       "Angka pengangguran pemuda di lingkungan RW cukup tinggi setelah pandemi.",
                       "Lahan pekarangan warga belum dimanfaatkan untuk ketahanan pangan keluarga."]
        } else if n.contains("disabilitas") || n.contains("perempuan") || n.contains("pkk") {
            options = ["Warga penyandang disabilitas di lingkungan belum mendapat alat bantu dan pelatihan yang layak.",
                       "Kader PKK dan warga perlu pembekalan untuk mencegah kekerasan terhadap perempuan dan anak.",
                       "Kegiatan PKK di RW kurang berjalan karena kader belum terlatih."]
        } else if n.contains("sekolah") || n.contains("buku") || n.contains("seni") {
            options = ["Ruang kelas SD negeri di lingkungan rusak, atap bocor dan membahayakan murid.",
                       "Taman baca warga kekurangan buku sehingga minat baca anak-anak menurun.",
                       "Sanggar seni warga tidak memiliki sarana latihan untuk melestarikan budaya lokal."]
        } else if n.contains("olahraga") || n.contains("lapangan") {
            options = ["Pemuda di lingkungan tidak memiliki sarana olahraga sehingga banyak berkegiatan yang kurang positif.",
                       "Lapangan warga di dekat \(street) rusak dan tidak dapat digunakan untuk kegiatan karang taruna."]
        } else if n.contains("bencana") || n.contains("apar") || n.contains("kebakaran") {
            options = ["Permukiman padat di sekitar \(street) rawan kebakaran namun warga belum siap menghadapinya.",
                       "Warga belum memahami langkah tanggap darurat saat banjir dan kebakaran."]
        } else {
            options = ["Warga di sekitar \(street) membutuhkan kegiatan ini untuk meningkatkan kualitas lingkungan.",
                       "Penataan lingkungan di sekitar \(street) diperlukan agar lebih hijau dan nyaman."]
        }
        return random.pick(options)
    }

    /// Reasons a verifier gives.
    static let rejectReasons = [
        "Lokasi merupakan aset milik pengembang perumahan, bukan kewenangan pemerintah kota.",
        "Kegiatan serupa sudah dianggarkan pada tahun berjalan.",
        "Usulan tidak termasuk prioritas pembangunan tahun ini.",
        "Lokasi berada di jalan provinsi; diteruskan sebagai aspirasi ke pemerintah provinsi.",
        "Data volume dan lokasi tidak dapat diverifikasi di lapangan.",
        "Usulan ganda dengan usulan lain dari RW yang sama.",
    ]
    static let returnReasons = [
        "Lengkapi foto kondisi lokasi dan titik koordinat.",
        "Volume belum sesuai dengan hasil pengukuran di lapangan; mohon diperbaiki.",
        "Tanda tangan Ketua RW pada formulir belum ada.",
        "Uraian permasalahan belum jelas; mohon dilengkapi.",
    ]
    static let changeReasons = [
        "Volume disesuaikan dengan hasil survei lapangan.",
        "Disesuaikan dengan panjang ruas yang benar-benar rusak.",
        "Volume dikurangi agar sesuai kemampuan pagu.",
    ]
    static let notRatifiedReasons = [
        "Tidak tersedia anggaran pada rancangan APBD.",
        "Kegiatan dialihkan ke program prioritas kota.",
    ]
}
