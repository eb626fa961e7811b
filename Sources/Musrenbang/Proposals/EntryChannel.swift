/// How a proposal the kelurahan operator enters reached it: a signed paper form, or typed in live by the meeting's
/// delegates. Recorded as the note of the proposal's `buat` event, so its timeline tells verifiers and the public.
public enum EntryChannel: String, Sendable, CaseIterable {
    /// A signed paper form (its scan is attached).
    case paperForm = "formulir"
    /// Typed in live by the delegates during the Musrenbang (the seeds: "diinput langsung oleh masyarakat").
    case liveMeeting = "delegasi"

    /// The words of the channel, also the `buat` event's note.
    public var displayName: String {
        switch self {
        case .paperForm: "Formulir kertas bertanda tangan"
        case .liveMeeting: "Diinput langsung oleh delegasi masyarakat saat Musrenbang berlangsung"
        }
    }
}
