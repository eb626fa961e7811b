import Musrenbang

extension FieldError {
    /// The engine's refusal of one of its fields, shown beside the form's own field `name` as a sentence: the engine
    /// names its field in words ("kode", "harga satuan (SSH)") and gives the rule ("wajib diisi"), so the sentence is
    /// "Kode wajib diisi.".
    func placed(at name: String) -> FieldError {
        FieldError(field: name, message: "\(field.prefix(1).uppercased() + field.dropFirst()) \(message).")
    }
}
