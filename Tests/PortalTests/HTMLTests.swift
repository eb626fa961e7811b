import Testing
@testable import Portal

@Suite struct HTMLTests {
    @Test func interpolationEscapesTextAndAttributes() {
        let name = "<script>alert('x')</script> & \"kutip\""
        let html: HTML = "<p title=\"\(name)\">\(name)</p>"
        #expect(html.rendered == "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;kutip&quot;\">"
            + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;kutip&quot;</p>")
    }

    @Test func markupIsAddedOnlyAsHTML() {
        let inner: HTML = "<b>\("a<b")</b>"
        let outer: HTML = "<p>\(inner)\([inner, inner])\(Optional<String>.none)\(42)</p>"
        #expect(outer.rendered == "<p><b>a&lt;b</b><b>a&lt;b</b><b>a&lt;b</b>42</p>")
        #expect(HTML.unescaped("<hr>").rendered == "<hr>")
        #expect(HTML.text("<hr>").rendered == "&lt;hr&gt;")
    }
}
