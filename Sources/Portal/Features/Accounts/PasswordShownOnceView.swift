import Musrenbang

/// The new password after a reset, shown on this one answer only (not stored in plain anywhere, not in a flash, the
/// page not cached): what to do with it, and the way back.
enum PasswordShownOnceView {
    static func render(_ account: Account, password: String) -> HTML {
        """
        <h1>Kata sandi baru untuk \(account.displayName)</h1>
        <div class="notice" role="status">
        <p>Kata sandi baru akun <strong>\(account.username)</strong>:</p>
        <p class="code large"><code>\(password)</code></p>
        <p>Kata sandi ini ditampilkan <strong>sekali ini saja</strong> dan tidak disimpan dalam bentuk terbaca. Serahkan langsung kepada pemilik akun, lalu tutup halaman ini.</p>
        </div>
        <p><a href="\(AccountsPaths.account(account.id))">Kembali ke akun \(account.username)</a></p>
        """
    }
}
