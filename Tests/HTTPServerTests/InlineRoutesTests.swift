import Testing
@testable import HTTPServer

/// Routes marked `inline` run on the I/O thread; they must behave exactly like pool routes.
@Suite(.serialized) struct InlineRoutesTests {
    @Test func routerPlansInlineOnlyForMarkedRoutes() {
        var router = Router()
        router.get("/cepat", inline: true) { _ in .text("ok") }
        router.add(.post, "/unggah", bodyLimit: 2048) { _ in .text("ok") }
        let fast = router.dispatchPlan(method: .get, rawPath: "/cepat")
        #expect(fast.runsInline)
        #expect(fast.bodyLimit == Router.defaultBodyLimit)
        #expect(router.dispatchPlan(method: .head, rawPath: "/cepat").runsInline)
        let upload = router.dispatchPlan(method: .post, rawPath: "/unggah")
        #expect(!upload.runsInline)
        #expect(upload.bodyLimit == 2048)
        let missing = router.dispatchPlan(method: .get, rawPath: "/tidak-ada")
        #expect(!missing.runsInline)
        #expect(missing.bodyLimit == router.unmatchedBodyLimit)
        #expect(!router.dispatchPlan(method: .post, rawPath: "/cepat").runsInline)
    }

    @Test func pipelinedInlineAndPoolRequestsKeepTheirOrder() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /slow/200 HTTP/1.1\r\nHost: a\r\n\r\nGET /inline/b HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /echo/c HTTP/1.1\r\nHost: a\r\n\r\nGET /inline-stream HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /inline/e HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "slow 200")
            #expect(try client.readResponse().text == "inline b")
            #expect(try client.readResponse().text == "c")
            let streamed = try client.readResponse()
            #expect(streamed["Transfer-Encoding"] == "chunked")
            #expect(streamed.text == "potongan 1\npotongan 2\npotongan 3\n")
            #expect(try client.readResponse().text == "inline e")
        }
    }

    @Test func manyPipelinedInlineRequestsAreAllAnswered() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            let count = 1000
            var batch = ""
            for index in 0..<count { batch += "GET /inline/\(index) HTTP/1.1\r\nHost: a\r\n\r\n" }
            try client.send(batch)
            for index in 0..<count {
                #expect(try client.readResponse().text == "inline \(index)")
            }
        }
    }
}
