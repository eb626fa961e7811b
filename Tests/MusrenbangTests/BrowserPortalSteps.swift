import Foundation
import TestSupport

/// The portal's own gestures, as a person makes them in the browser: sign in and out through the forms, pick an option
/// of a select by what it says, tick boxes. Shared by the browser tests that walk the portal.
extension BrowserSession {
    /// Signs in through `/masuk` and waits for the page that greets the account.
    func signIn(_ portal: ServedPortal, _ username: String, _ password: String) throws {
        try open(portal.url("/masuk"))
        try fill("#nama_pengguna", with: username)
        try fill("#kata_sandi", with: password)
        try submit("#nama_pengguna")
        _ = try waitForElement("form[action='/keluar']")
    }

    /// Signs out with the header's "Keluar" and waits for the signed-out header.
    func signOut() throws {
        try click("form[action='/keluar'] button")
        _ = try waitForElement("nav.account a[href='/masuk']")
    }

    /// The flash message of the page a form answered with, once it is there.
    func flashText() throws -> String {
        _ = try waitForElement(".flash")
        return try text(of: ".flash")
    }

    /// Chooses the option of the select `selector` whose text contains `text` (what a person taps); throws if none does.
    func choose(_ selector: String, containing text: String) throws {
        let chosen = try execute("""
            const select = document.querySelector(arguments[0]);
            const option = select && Array.from(select.options).find(o => o.text.includes(arguments[1]));
            if (!option) return false;
            select.value = option.value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            return true;
            """, selector, text)
        guard chosen as? Bool == true else { throw WebDriverError("no option containing \"\(text)\" in \(selector)") }
    }

    /// Clicks every unticked checkbox matching `selector`, one by one as a person would; returns how many it ticked.
    @discardableResult
    func tickAll(_ selector: String) throws -> Int {
        let boxes = try elements(selector + ":not(:checked)")
        for box in boxes { try command("POST", "element/\(box.id)/click") }
        return boxes.count
    }
}
