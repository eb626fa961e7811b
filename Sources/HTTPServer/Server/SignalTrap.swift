import Dispatch
import Glibc

/// Runs an action when the process receives SIGTERM or SIGINT (through Dispatch, never in a signal handler).
// @unchecked Sendable: the sources are created once in init and only kept alive afterwards.
public final class SignalTrap: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    /// Installs the trap; keep the returned object alive as long as it should act.
    public init(signals: [Int32] = [SIGTERM, SIGINT], _ action: @escaping @Sendable (Int32) -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)  // the default action would kill the process before Dispatch sees it
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { action(number) }
            source.resume()
            return source
        }
    }

    deinit { sources.forEach { $0.cancel() } }
}
