/// A file sent by `TestBrowser.postMultipart`: the form field, the name the browser gives, the declared type, the bytes.
struct MultipartFile {
    let field: String
    let fileName: String
    let contentType: String
    let bytes: [UInt8]
}
