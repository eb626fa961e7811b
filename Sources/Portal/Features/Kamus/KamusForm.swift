import HTTPServer
import Musrenbang

/// A kamus usulan item as typed, for adding one (`kode` too) or changing one: `nama`, `bidang`, `opd`, `satuan`,
/// `harga` (the SSH unit price in rupiah, dots allowed), `fisik` (`ya`/`tidak`) and `alasan` (required for a change of
/// an existing item's price; kept in the admin log).
struct KamusForm {
    var code = ""
    var name = ""
    var bidang = ""
    var opd = ""
    var unit = ""
    var price = ""
    var fisik = "ya"
    var reason = ""
    var errors: [FieldError] = []

    init() {}

    /// The stored item's values.
    init(_ item: KamusItem) {
        code = item.code; name = item.name; bidang = String(item.bidangId.rawValue); opd = String(item.opdId.rawValue)
        unit = item.unit; price = Rupiah.groupDigits(UInt64(max(0, item.unitPrice))); fisik = item.isFisik ? "ya" : "tidak"
    }

    /// The submitted form; `existing` is the item being changed (nil when adding one).
    init(_ form: FormData, existing: KamusItem?) {
        code = existing?.code ?? form["kode"] ?? ""
        name = form["nama"] ?? ""; bidang = form["bidang"] ?? ""; opd = form["opd"] ?? ""; unit = form["satuan"] ?? ""
        price = form["harga"] ?? ""; fisik = form["fisik"] ?? ""; reason = form["alasan"] ?? ""
        if existing == nil, code.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "kode", message: "Tulis kode kegiatan, misalnya JL-01."))
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError(field: "nama", message: "Tulis nama kegiatan.")) }
        if Int64(bidang) == nil { errors.append(FieldError(field: "bidang", message: "Pilih bidang.")) }
        if Int64(opd) == nil { errors.append(FieldError(field: "opd", message: "Pilih perangkat daerah pelaksana.")) }
        if unit.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError(field: "satuan", message: "Tulis satuan, misalnya meter.")) }
        if VerificationForm.number(price) == nil {
            errors.append(FieldError(field: "harga", message: "Tulis harga satuan SSH dalam rupiah, misalnya 350.000."))
        }
        if fisik != "ya" && fisik != "tidak" { errors.append(FieldError(field: "fisik", message: "Pilih fisik atau non-fisik.")) }
        if let existing, let newPrice = VerificationForm.number(price), newPrice != existing.unitPrice, trimmedReason.isEmpty {
            errors.append(FieldError(field: "alasan", message: "Tulis alasan perubahan harga SSH; harga baru berlaku untuk usulan berikutnya."))
        }
        if trimmedReason.count > 2_000 { errors.append(FieldError(field: "alasan", message: "Alasan terlalu panjang: paling banyak 2.000 huruf.")) }
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The new item (only once `errors` is empty).
    var newItem: NewKamusItem? {
        guard errors.isEmpty, let bidang = Int64(bidang), let opd = Int64(opd), let price = VerificationForm.number(price) else { return nil }
        return NewKamusItem(code: code, name: name, bidangId: BidangID(bidang), opdId: OPDID(opd), unit: unit, unitPrice: price, isFisik: fisik == "ya")
    }

    /// The change (only once `errors` is empty).
    var change: KamusItemChange? {
        guard errors.isEmpty, let bidang = Int64(bidang), let opd = Int64(opd), let price = VerificationForm.number(price) else { return nil }
        return KamusItemChange(name: name, unit: unit, unitPrice: price, bidangId: BidangID(bidang), opdId: OPDID(opd), isFisik: fisik == "ya")
    }

    /// The engine's refusal beside its field; nil for another rule.
    static func fieldError(for error: Error) -> [FieldError]? {
        switch error {
        case DomainError.invalidFields(let fields):
            return fields.map { field in
                let name = switch field.field {
                case "kode": "kode"
                case "satuan": "satuan"
                case "harga satuan (SSH)": "harga"
                default: "nama"
                }
                return field.placed(at: name)
            }
        case PersistenceError.duplicate:
            return [FieldError(field: "kode", message: "Kode ini sudah dipakai kegiatan lain; kode tidak dapat diubah, pilih kode lain.")]
        case PersistenceError.notFound:
            return [FieldError(field: "bidang", message: "Bidang atau perangkat daerah tidak dikenal; pilih dari daftar.")]
        default:
            return nil
        }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
