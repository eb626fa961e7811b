/// RT and RW numbers as people write them: "RT 01/RW 05".
enum AreaWords {
    /// "RT 01/RW 05"; "RW 05" without an RT; nil without either.
    static func rtRW(rt: Int?, rw: Int?) -> String? {
        switch (rt, rw) {
        case (let rt?, let rw?): "RT \(pad(rt))/RW \(pad(rw))"
        case (nil, let rw?): "RW \(pad(rw))"
        default: nil
        }
    }

    static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
