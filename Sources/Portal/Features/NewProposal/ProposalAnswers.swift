import Foundation
import Musrenbang

/// The answers of the proposal form as typed, carried between its steps in hidden fields until they are saved; turns
/// them into the engine's `ProposalEdit`, with every field error (number formats here, content rules from the engine).
struct ProposalAnswers {
    var rtId: Int64?
    var kamusId = ""
    var volume = ""
    var title = ""
    var problem = ""
    var output = ""
    var outcome = ""
    var location = ""
    var latitude = ""
    var longitude = ""
    var beneficiaries = ""

    /// The names of the fields, in the order of the form.
    static let names = ["kamus", "volume", "title", "problem", "expected_output", "expected_outcome", "location", "latitude",
                        "longitude", "beneficiaries"]

    init(rtId: Int64?) { self.rtId = rtId }

    init(fields: [String: String]) {
        rtId = fields["rt"].flatMap { Int64($0) }
        func text(_ name: String) -> String { fields[name] ?? "" }
        kamusId = text("kamus"); volume = text("volume"); title = text("title"); problem = text("problem")
        output = text("expected_output"); outcome = text("expected_outcome"); location = text("location")
        latitude = text("latitude"); longitude = text("longitude"); beneficiaries = text("beneficiaries")
    }

    /// Every answer as hidden inputs, so the next step (check page, back to the form) keeps them.
    var hiddenFields: HTML {
        let values = [("rt", rtId.map(String.init) ?? ""), ("kamus", kamusId), ("volume", volume), ("title", title), ("problem", problem),
                      ("expected_output", output), ("expected_outcome", outcome), ("location", location), ("latitude", latitude),
                      ("longitude", longitude), ("beneficiaries", beneficiaries)]
        return HTML.join(values.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" })
    }

    /// The kamus item chosen, if it is one of the catalogue's active items.
    func item(in catalog: ProposalCatalog) -> KamusItem? {
        Int64(kamusId).flatMap { id in catalog.items.first { $0.id.rawValue == id } }
    }

    /// The volume as a whole number ("1.200" and "1 200" are 1200), nil when it is not one.
    var volumeNumber: Int64? { Self.wholeNumber(volume) }

    /// The cost the engine will compute (volume x the SSH unit price), when both are known.
    func cost(in catalog: ProposalCatalog) -> Int64? {
        guard let item = item(in: catalog), let volume = volumeNumber else { return nil }
        return try? SSHPrice.minimumCost(volume: volume, unitPrice: item.unitPrice)
    }

    /// The engine's content and every error of the form at once (formats first, then the engine's own rules).
    func content(in catalog: ProposalCatalog) -> (ProposalEdit?, [FieldError]) {
        var errors: [FieldError] = []
        let item = item(in: catalog)
        if item == nil { errors.append(FieldError(field: "kamus", message: "Pilih kegiatan dari kamus usulan.")) }
        let volume = volumeNumber
        if volume == nil {
            errors.append(FieldError(field: "volume", message: "Isi volume dengan angka bulat, misalnya 120."))
        }
        let people = beneficiaries.trimmingCharacters(in: .whitespaces).isEmpty ? 0 : Self.wholeNumber(beneficiaries)
        if people == nil {
            errors.append(FieldError(field: "beneficiaries", message: "Isi jumlah penerima manfaat dengan angka, misalnya 150."))
        }
        let lat = Self.decimal(latitude), lon = Self.decimal(longitude)
        if (!latitude.isEmpty && lat == nil) || (!longitude.isEmpty && lon == nil) {
            errors.append(FieldError(field: "latitude", message: "Isi koordinat dengan angka desimal, misalnya -6,3021 dan 106,7123, atau kosongkan."))
        }
        var edit = ProposalEdit(title: title, problem: problem, kamusId: item?.id ?? KamusID(0), volume: volume ?? 1, locationText: location,
                                latitude: lat, longitude: lon, beneficiaries: people ?? 0)
        edit.expectedOutput = output
        edit.expectedOutcome = outcome
        for error in edit.fieldErrors where !errors.contains(where: { $0.field == error.field })
            && !(error.field == "volume" && volume == nil) {
            errors.append(error.field == "coordinates" ? FieldError(field: "latitude", message: error.message) : error)
        }
        if let volume, let item, (try? SSHPrice.minimumCost(volume: volume, unitPrice: item.unitPrice)) == nil,
           !errors.contains(where: { $0.field == "volume" }) {
            errors.append(FieldError(field: "volume", message: "Volume terlalu besar; periksa lagi angkanya."))
        }
        let order = ["kamus", "volume", "title", "problem", "expected_output", "expected_outcome", "location", "latitude", "beneficiaries"]
        errors.sort { (order.firstIndex(of: $0.field) ?? 99) < (order.firstIndex(of: $1.field) ?? 99) }
        return (errors.isEmpty ? edit : nil, errors)
    }

    static func wholeNumber(_ text: String) -> Int64? {
        let digits = text.filter { $0 != "." && $0 != " " && $0 != "\u{00A0}" }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int64(digits), value >= 0 else { return nil }
        return value
    }

    static func decimal(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !trimmed.isEmpty, let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }
}

/// What the form offers: the bidang and the active kamus items with their satuan and SSH price.
struct ProposalCatalog {
    let bidang: [Bidang]
    let items: [KamusItem]

    /// The kamus select's groups: one per bidang, each option "name (Rp price per satuan)".
    var groups: [SelectGroup] {
        bidang.map { b in
            SelectGroup(label: b.name, options: items.filter { $0.bidangId == b.id }.map { item in
                SelectOption(value: String(item.id.rawValue), text: "\(item.name) (\(Rupiah.format(item.unitPrice)) per \(item.unit))")
            })
        }.filter { !$0.options.isEmpty }
    }
}

extension ProposalAnswers {
    /// The answers of a stored proposal, for its edit.
    init(_ proposal: Proposal) {
        rtId = proposal.origin.rtId?.rawValue
        kamusId = String(proposal.kamusId.rawValue)
        volume = String(proposal.volume)
        title = proposal.title
        problem = proposal.problem
        output = proposal.expectedOutput
        outcome = proposal.expectedOutcome
        location = proposal.locationText
        latitude = proposal.latitude.map { "\($0)" } ?? ""
        longitude = proposal.longitude.map { "\($0)" } ?? ""
        beneficiaries = String(proposal.beneficiaries)
    }
}
