import Glibc
import Testing
@testable import HTTPServer

@Suite(.serialized) struct BufferedLineWriterTests {
    /// Reads whatever is in the pipe within `seconds` (non-blocking polls).
    private func drain(_ fd: Int32, until expected: Int, seconds: Double) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = MonotonicClock.after(seconds: seconds)
        while bytes.count < expected && MonotonicClock.now() < deadline {
            let got = read(fd, &buffer, buffer.count)
            if got > 0 { bytes.append(contentsOf: buffer[0..<got]) } else { usleep(10_000) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        return (fds[0], fds[1])
    }

    @Test func linesArriveInOrderOnFlush() throws {
        let pipe = try makePipe()
        defer { close(pipe.read); close(pipe.write) }
        let writer = BufferedLineWriter(fd: pipe.write, interval: 60)
        for index in 1...3 { writer.write("baris \(index)") }
        writer.flush()
        #expect(drain(pipe.read, until: 24, seconds: 5) == "baris 1\nbaris 2\nbaris 3\n")
    }

    @Test func linesArriveWithoutFlushAfterTheInterval() throws {
        let pipe = try makePipe()
        defer { close(pipe.read); close(pipe.write) }
        let writer = BufferedLineWriter(fd: pipe.write, interval: 0.05)
        writer.write("GET /healthz 200")
        #expect(drain(pipe.read, until: 17, seconds: 10) == "GET /healthz 200\n")
        withExtendedLifetime(writer) {}
    }

    @Test func aFullBufferIsWrittenAtOnce() throws {
        let pipe = try makePipe()
        defer { close(pipe.read); close(pipe.write) }
        let writer = BufferedLineWriter(fd: pipe.write, interval: 60, limit: 16)
        writer.write("0123456789abcdef")
        #expect(drain(pipe.read, until: 17, seconds: 5) == "0123456789abcdef\n")
        withExtendedLifetime(writer) {}
    }
}
