/// A reason a verifying unit reuses, offered on the decision form ("Pilih alasan yang sering dipakai").
struct ReasonTemplate: Equatable {
    let id: Int64
    let text: String
}
