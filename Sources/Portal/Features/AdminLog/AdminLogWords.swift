import Foundation
import Musrenbang

/// The admin log in words: what an entity and an action are called, and a change as the fields that differ
/// ("nama: «Pondok Karya» menjadi «Pondok Karya Baru»"), a creation as its values, a removal as what was there; a
/// logged role ("operator_kelurahan@kelurahan:3") as its label ("Operator Kelurahan · Kelurahan Pondok Karya").
struct AdminLogWords {
    /// The label of a logged role text, when it names one.
    let roleLabel: (String) -> String?

    static func entity(_ entity: AdminEntity) -> String {
        switch entity {
        case .kecamatan: "Kecamatan"
        case .kelurahan: "Kelurahan"
        case .rw: "RW"
        case .rt: "RT"
        case .opd: "Perangkat daerah"
        case .bidang: "Bidang"
        case .kamusUsulan: "Kamus usulan"
        case .scoringCriteria: "Kriteria penilaian"
        case .ceilingSettings: "Pengaturan pagu"
        case .ceilingInputs: "Data kriteria pagu"
        case .opdCeilings: "Pagu perangkat daerah"
        case .ceilings: "Perhitungan pagu"
        case .cycle: "Siklus"
        case .account: "Akun"
        case .groupShares: "Porsi kelompok"
        }
    }

    static func action(_ action: AdminAction, key: String) -> String {
        switch action {
        case .create: "dibuat"
        case .update: key.contains(">") ? "peran diserahkan" : "diubah"
        case .deactivate: "dinonaktifkan"
        case .reactivate: "diaktifkan kembali"
        case .remove: "dihapus"
        case .compute: "dihitung"
        case .resetPassword: "kata sandi diatur ulang"
        case .addRole: "peran ditambahkan"
        case .removeRole: "peran dicabut"
        }
    }

    /// What an entry is about: an account by its username ("akun op.pk", a hand-over "akun op.pk ke op.baru"), any
    /// other entity by its name and key.
    static func subject(_ entry: AdminLogEntry) -> String {
        let snapshot = entry.after ?? entry.before
        if entry.entity == .account {
            if case .object(let from)? = snapshot?["from"], case .object(let to)? = snapshot?["to"],
               case .text(let old)? = from["username"], case .text(let new)? = to["username"] {
                return "Akun \(old) ke \(new)"
            }
            if case .text(let username)? = snapshot?["username"] { return "Akun \(username)" }
        }
        return "\(entity(entry.entity)) \(entry.entityKey)"
    }

    /// Field names a reader knows; others are shown as stored.
    static func field(_ name: String) -> String {
        let names = ["name": "nama", "display_name": "nama lengkap", "username": "nama pengguna", "active": "aktif",
                     "roles": "peran", "role": "peran", "from": "akun lama", "to": "akun baru", "code": "kode",
                     "short_name": "singkatan", "number": "nomor", "unit_price": "harga satuan", "satuan": "satuan",
                     "is_fisik": "fisik", "weight": "bobot", "total": "total", "amount": "jumlah", "has_nik": "NIK diisi",
                     "has_phone": "telepon diisi", "has_email": "e-mail diisi", "windows": "jadwal", "id": "id"]
        return names[name] ?? name.replacingOccurrences(of: "_", with: " ")
    }

    func value(_ value: AdminValue) -> String {
        switch value {
        case .text(let text): roleLabel(text).map { "«\($0)»" } ?? "«\(text)»"
        case .integer(let number): Self.number(number)
        case .bool(let flag): flag ? "ya" : "tidak"
        case .null: "kosong"
        case .list(let items): items.isEmpty ? "tidak ada" : items.map(self.value).joined(separator: ", ")
        case .object(let fields): "(" + fields.keys.sorted().map { "\(Self.field($0)) \(self.value(fields[$0]!))" }.joined(separator: "; ") + ")"
        }
    }

    /// A whole number with `.` thousands, as Indonesians write it ("1.500.000").
    static func number(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "." }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// The changes of an entry, one line each: the differing fields, or every field of a creation or removal.
    func changes(before: AdminSnapshot?, after: AdminSnapshot?) -> [String] {
        switch (before, after) {
        case (nil, let after?): return after.fields.keys.sorted().map { "\(Self.field($0)): \(value(after.fields[$0]!))" }
        case (let before?, nil): return before.fields.keys.sorted().map { "\(Self.field($0)) semula \(value(before.fields[$0]!))" }
        case (let before?, let after?):
            let keys = Set(before.fields.keys).union(after.fields.keys).sorted()
            let lines = keys.compactMap { key -> String? in
                let old = before.fields[key] ?? .null, new = after.fields[key] ?? .null
                guard old != new else { return nil }
                if case .object(let a) = old, case .object(let b) = new {
                    let inner = changes(before: AdminSnapshot(a), after: AdminSnapshot(b))
                    return "\(Self.field(key)): " + inner.joined(separator: "; ")
                }
                return "\(Self.field(key)): \(value(old)) menjadi \(value(new))"
            }
            return lines.isEmpty ? ["tidak ada nilai yang berubah"] : lines
        case (nil, nil): return []
        }
    }
}
