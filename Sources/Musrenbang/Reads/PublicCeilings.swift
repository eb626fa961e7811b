/// Every envelope's ceiling of a cycle as the public may read it (`/data/pagu.csv`): the formula's settings per level,
/// each area's criteria inputs, the exact parts and the rounding that made its ceiling, and what it funds once the
/// level's results are public (domain.md "Ceilings": the inputs and the result are public).
public struct PublicCeilings: Hashable, Sendable {
    /// One envelope: a kelurahan's or kecamatan's computed ceiling, or an OPD's ceiling set by Bappeda.
    public struct Envelope: Hashable, Sendable {
        public var envelope: FundingEnvelope
        /// The kelurahan's or kecamatan's name, or the OPD's short name.
        public var name: String
        /// The kecamatan of a kelurahan.
        public var kecamatanName: String?
        /// The criteria inputs (a kecamatan's: the sums of its kelurahan's); nil for an OPD.
        public var input: CeilingInput?
        /// How the ceiling was computed; nil for an OPD.
        public var line: CeilingLine?
        public var amount: Int64
        /// Funded from it (cost in force of its funded and ratified proposals); nil while its level's results are not public.
        public var used: Int64?
        /// What is left; nil with `used`.
        public var remaining: Int64? { used.map { amount - $0 } }
    }

    public var cycle: Cycle
    /// The kelurahan and kecamatan settings, when set.
    public var settings: [Level: CeilingSettings]
    /// Kelurahan (by kecamatan, then name), then kecamatan, then OPD (by name).
    public var envelopes: [Envelope]
}
