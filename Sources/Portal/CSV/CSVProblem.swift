/// What is wrong in an uploaded CSV file, where: its line, the column (in the words the preview shows; nil for the
/// row or the file as a whole), and what to fix.
struct CSVProblem: Equatable {
    let line: Int
    let column: String?
    let message: String

    /// "Baris 734, kolom volume: Isi volume dengan angka bulat, misalnya 120."
    var words: String {
        let place = column.map { "Baris \(line), kolom \($0)" } ?? "Baris \(line)"
        return "\(place): \(message)"
    }
}
