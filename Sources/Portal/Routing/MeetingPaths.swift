/// The addresses of a meeting's work: scoring and ranking, the allocation, the berita acara with its scan and its
/// printable document.
enum MeetingPaths {
    static let scoring = "/kerja/penilaian"
    static let reorder = "/kerja/penilaian/urutan"
    static let allocation = "/kerja/alokasi"
    static let beritaAcara = "/kerja/berita-acara"
    static let scan = "/kerja/berita-acara/pindaian"
    static let print = "/kerja/berita-acara/cetak"
}
