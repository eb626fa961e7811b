import Foundation
import Musrenbang
import Storage

/// `musrenbang user add|passwd`: accounts from the command line (the admin's first accounts, resets).
enum UserCommand: Command {
    static let name = "user"
    static let summary = "add an account with its role and scope, or reset a password"
    static let usage = """
        musrenbang user add --db FILE --username U --name "Nama" --role ROLE [scope]
        musrenbang user passwd --db FILE --username U
          ROLE: \(Role.allCases.map { $0.rawValue }.joined(separator: ", "))
          scope by role:
            ketua_rt                                    --kelurahan NAME --rw N --rt N
            ketua_rw                                    --kelurahan NAME --rw N
            operator_kelurahan, verifikator_kelurahan   --kelurahan NAME   (add --kecamatan NAME if the name is shared)
            operator_kecamatan, camat                   --kecamatan NAME
            verifikator_opd                             --opd CODE
            warga, bappeda, admin_sistem                (none)
        The password is read from the environment variable MUSRENBANG_PASSWORD, else generated and printed once.
        """

    static func run(_ options: Options) throws {
        guard let sub = options.positional.first, ["add", "passwd"].contains(sub) else {
            throw UsageError("expected 'add' or 'passwd'\n\(usage)")
        }
        let database = try DatabaseOptions.openExisting(options)
        let service = try MusrenbangService(database: database)
        let username = try options.required("username")
        let (password, generated) = Self.password(options)
        if sub == "passwd" {
            do {
                try service.setPassword(username: username, password: password)
            } catch let error as PersistenceError {
                throw UsageError(error.description)
            }
            print("Kata sandi \(username) diganti.")
        } else {
            let roleText = try options.required("role")
            guard let role = Role(rawValue: roleText) else {
                throw UsageError("peran tidak dikenal '\(roleText)'; pilihan: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let scope = try database.read { db in try Self.scope(for: role, options: options, db: db) }
            let assignment: RoleAssignment
            do { assignment = try RoleAssignment(role: role, scope: scope) } catch { throw UsageError(error.message) }
            do {
                try service.createAccount(username: username, displayName: try options.required("name"), roles: [assignment],
                                          password: password)
            } catch let error as PersistenceError {
                throw UsageError(error.description)
            } catch let error as SQLiteError where error.isCheckViolation {
                throw UsageError("nama pengguna harus 3-64 karakter")
            }
            print("Akun \(username) dibuat: \(role.displayName).")
        }
        if generated { print("Kata sandi (ditampilkan sekali): \(password)") }
    }

    private static func password(_ options: Options) -> (String, Bool) {
        if let given = options.environment["MUSRENBANG_PASSWORD"], !given.isEmpty { return (given, false) }
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return (String((0..<14).map { _ in alphabet.randomElement(using: &generator)! }), true)
    }

    /// Resolves the scope options of `role` against the wilayah and OPD tables.
    private static func scope(for role: Role, options: Options, db: Connection) throws -> Scope {
        let wilayah = WilayahRepository(db)
        func kecamatan() throws -> Kecamatan {
            let name = try options.required("kecamatan")
            guard let found = try wilayah.kecamatan(named: name) else { throw UsageError("kecamatan tidak dikenal: \(name)") }
            return found
        }
        func kelurahan() throws -> Kelurahan {
            let name = try options.required("kelurahan")
            var matches = try wilayah.kelurahan(named: name)
            if matches.count > 1, options.string("kecamatan") != nil {
                let kec = try kecamatan()
                matches = matches.filter { $0.kecamatanId == kec.id }
            }
            guard let found = matches.first else { throw UsageError("kelurahan tidak dikenal: \(name)") }
            guard matches.count == 1 else { throw UsageError("nama kelurahan \(name) dipakai lebih dari satu kecamatan; tambahkan --kecamatan") }
            return found
        }
        func rw(in kel: Kelurahan) throws -> RukunWarga {
            let number = try options.int("rw", default: 0)
            guard let found = try wilayah.rw(kelurahanId: kel.id, number: number) else {
                throw UsageError("RW \(number) tidak ada di Kelurahan \(kel.name)")
            }
            return found
        }
        switch role.scopeKind {
        case .selfOnly: return .selfOnly
        case .kota: return .kota
        case .system: return .system
        case .kecamatan: return .kecamatan(try kecamatan().id)
        case .kelurahan: return .kelurahan(try kelurahan().id)
        case .rw: return .rw(try rw(in: try kelurahan()).id)
        case .rt:
            let kel = try kelurahan(), rwRow = try rw(in: kel)
            let number = try options.int("rt", default: 0)
            guard let found = try wilayah.rt(rwId: rwRow.id, number: number) else {
                throw UsageError("RT \(number) tidak ada di RW \(rwRow.number) Kelurahan \(kel.name)")
            }
            return .rt(found.id)
        case .opd:
            let code = try options.required("opd")
            guard let found = try CatalogRepository(db).opd(code: code) else { throw UsageError("perangkat daerah tidak dikenal: \(code)") }
            return .opd(found.id)
        }
    }
}
