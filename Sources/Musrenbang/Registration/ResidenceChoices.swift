/// The lists a resident picks their home from, one level at a time: every kelurahan (grouped by kecamatan), the RWs
/// of the chosen kelurahan and the RTs of the chosen RW (empty until the level above is chosen).
public struct ResidenceChoices: Hashable, Sendable {
    /// The kelurahan of one kecamatan.
    public struct Group: Hashable, Sendable {
        public var kecamatan: Kecamatan
        public var kelurahan: [Kelurahan]
    }

    public var groups: [Group]
    public var rws: [RukunWarga]
    public var rts: [RukunTetangga]
}
