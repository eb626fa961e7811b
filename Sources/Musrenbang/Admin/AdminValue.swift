/// One JSON value of an `AdminSnapshot`: text, integer, boolean, null, a list or an object.
public indirect enum AdminValue: Hashable, Sendable, Codable {
    case text(String)
    case integer(Int64)
    case bool(Bool)
    case null
    case list([AdminValue])
    case object([String: AdminValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(String.self) { self = .text(value) }
        else if let value = try? container.decode([AdminValue].self) { self = .list(value) }
        else { self = .object(try container.decode([String: AdminValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .list(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
