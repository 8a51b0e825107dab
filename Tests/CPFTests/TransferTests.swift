import Foundation
@testable import FundLedger
import Testing
import TestSupport

/// `cpf transfer send` and `cpf transfer receive` (docs/fund-network.md): money and goods
/// passed from the national fund to a provincial fund keep their original donor, restriction
/// and designation; every refusal of a notice says why and writes nothing.
@Suite struct TransferTests {
    /// A national fund holding AIA's designated grant money and two lots of bicycles (one of
    /// AIA's grant, one given without a grant), and a provincial fund; each registers the other.
    struct Network {
        let national: CLILedger
        let province: CLILedger

        init() throws {
            national = try CLILedger(fundName: "Quỹ Bảo trợ trẻ em Việt Nam")
            province = try CLILedger(fundName: "Quỹ BTTE tỉnh Tây Ninh")
            try national.mustRun(["fund", "add", "TN", "--name", "Quỹ BTTE tỉnh Tây Ninh", "--level", "province", "--ledger", province.path])
            try province.mustRun(["fund", "add", "QBTTEVN", "--name", "Quỹ Bảo trợ trẻ em Việt Nam", "--level", "national", "--ledger", national.path])
            for step in [
                ["funder", "add", "AIA", "--name", "AIA Việt Nam", "--kind", "company"],
                ["item", "add", "bicycle", "--name-vi", "Xe đạp", "--name-en", "Bicycle", "--unit", "chiếc"],
                ["grant", "add", "AIA-2018", "--funder", "AIA", "--amount", "400000000 VND", "--programs", "gift,bicycle", "--designated",
                 "--from", "2018-01-01", "--to", "2018-12-31"],
                ["receive", "--date", "2018-05-02", "--funder", "AIA", "--grant", "AIA-2018", "--amount", "260000000 VND", "--ref", "GBC-1"],
                ["receive", "--date", "2018-05-03", "--funder", "AIA", "--grant", "AIA-2018", "--in-kind", "--item", "bicycle", "--quantity", "40",
                 "--unit-value", "1500000 VND", "--basis", "hóa đơn", "--ref", "PN-1"],
                ["receive", "--date", "2018-05-04", "--funder", "AIA", "--in-kind", "--item", "bicycle", "--quantity", "50",
                 "--unit-value", "1400000 VND", "--basis", "hóa đơn", "--ref", "PN-2"],
            ] { try national.mustRun(step) }
        }

        func send(_ options: [String], notice: String) throws -> String {
            let path = national.directory.file(notice)
            try national.mustRun(["transfer", "send", "--to", "TN"] + options + ["--notice", path])
            return path
        }
    }

    @Test func moneyAndGoodsKeepTheirDonorRestrictionAndDesignation() throws {
        let network = try Network()
        let money = try network.send(["--date", "2018-05-20", "--ref", "CK-01", "--amount", "200000000 VND", "--grant", "AIA-2018"], notice: "ck-01.json")
        let goods = try network.send(["--date", "2018-05-21", "--ref", "XK-02", "--item", "bicycle", "--quantity", "90"], notice: "xk-02.json")
        let province = network.province
        try province.mustRun(["transfer", "receive", money, "--date", "2018-05-22", "--sender", network.national.path])
        try province.mustRun(["transfer", "receive", goods, "--date", "2018-05-23", "--sender", network.national.path])

        // Goods drawn first in, first out: 40 of the grant's lot at 1.500.000, 50 unrestricted at 1.400.000.
        let lines = try province.journalJSON().flatMap { $0["lines"] as? [[String: Any]] ?? [] }
        let goodsLines = lines.filter { $0["account"] as? String == "156" }
        #expect(goodsLines.map { $0["quantity"] as? Int } == [40, 50])
        #expect(goodsLines.map { $0["amount_vnd"] as? Int } == [60_000_000, 70_000_000])
        #expect(goodsLines.map { $0["restriction"] as? String } == ["designated", "unrestricted"])
        #expect(lines.filter { $0["account"] as? String == "519" }.allSatisfy { $0["funder"] as? String == "AIA" })
        let bank = lines.first { $0["account"] as? String == "1121" }
        #expect(bank?["grant"] as? String == "AIA-2018" && bank?["restriction"] as? String == "designated")

        // Passed on, the grant's money and goods left the national fund's grant; received, they are the province's.
        #expect(try network.national.trialBalanceJSON().dong("652", "balance_debit_vnd") == 330_000_000)
        #expect(try province.trialBalanceJSON().dong("519", "balance_credit_vnd") == 330_000_000)

        // The designation holds at the receiving fund: a scholarship from the grant is refused.
        try province.mustRun(["unit", "add", "TN", "--name", "Tây Ninh", "--level", "province"])
        let refused = try province.run(["disburse", "--date", "2018-06-02", "--program", "scholarship", "--unit", "TN", "--grant", "AIA-2018",
                                        "--amount", "1000000 VND", "--children", "1"])
        #expect(refused.status == 1 && refused.standardError.contains("refused (restriction)"), "\(refused)")

        // The original donor is named, through the national fund.
        try province.mustRun(["disburse", "--date", "2018-06-01", "--program", "bicycle", "--unit", "TN", "--in-kind", "bicycle", "--quantity", "90", "--children", "90"])
        let statement = try province.mustRun(["report", "donor-statement", "--funder", "AIA", "--from", "2018-01-01", "--to", "2018-12-31"]).standardOutput
        #expect(statement.contains("Funder: AIA Việt Nam, through Quỹ Bảo trợ trẻ em Việt Nam (AIA)"), "\(statement)")
        let goodsUses = try province.mustRun(["report", "donor-statement", "--funder", "AIA", "--from", "2018-01-01", "--to", "2018-12-31", "--format", "csv"]).standardOutput
        #expect(goodsUses.contains("goods_uses,,,,,,,,,,,,,,,,,,,,90,Bicycles,Tây Ninh,Bicycle,90,130000000"), "\(goodsUses)")
        let disclosure = try province.mustRun(["report", "disclosure", "--year", "2018", "--format", "csv"]).standardOutput
        #expect(disclosure.contains("\"AIA Việt Nam, through Quỹ Bảo trợ trẻ em Việt Nam\",Companies,200000000,130000000,330000000"), "\(disclosure)")
        let vietnamese = try province.mustRun(["report", "disclosure", "--year", "2018", "--lang", "vi"]).standardOutput
        #expect(vietnamese.contains("AIA Việt Nam, qua Quỹ Bảo trợ trẻ em Việt Nam"))
        let grants = try province.mustRun(["report", "grants", "--format", "csv"]).standardOutput
        #expect(grants.contains("AIA (through QBTTEVN)"))
        let journal = try province.mustRun(["journal", "--lang", "vi"]).standardOutput
        #expect(journal.contains("Nhận chuyển từ Quỹ Bảo trợ trẻ em Việt Nam: 90 chiếc Xe đạp (AIA Việt Nam)"), "\(journal)")

        for ledger in [network.national, province] {
            let verified = try ledger.run(["verify"])
            #expect(verified.status == 0, "\(verified)")
            #expect(try ledger.run(["audit"]).status == 0)
        }
        let listed = try province.mustRun(["transfer", "list", "--format", "csv"]).standardOutput
        #expect(listed.split(whereSeparator: \.isNewline).count == 3 && listed.contains("received,QBTTEVN,CK-01,200000000"), "\(listed)")
    }

    /// A transfer of the grant's money is spending of the grant on its date: dated before the
    /// money came in, or for more than the grant has, it is refused; so is a notice path that
    /// exists, and goods not on hand. Nothing is written.
    @Test(arguments: [
        (["--date", "2018-05-01", "--ref", "CK-09", "--amount", "1000000 VND", "--grant", "AIA-2018"], "overspent"),
        (["--date", "2018-05-20", "--ref", "CK-09", "--amount", "260000001 VND", "--grant", "AIA-2018"], "insufficient-funds"),
        (["--date", "2018-05-20", "--ref", "CK-09", "--item", "bicycle", "--quantity", "91"], "insufficient-goods"),
        (["--date", "2018-05-20", "--ref", "CK-09", "--amount", "100.00 USD"], "currency-mismatch"),
        (["--date", "2018-05-20", "--ref", "CK-09", "--item", "bicycle", "--quantity", "1", "--grant", "AIA-2018"], "invalid-input"),
        (["--date", "2018-05-20", "--ref", "GBC-1", "--amount", "1000000 VND"], "duplicate-reference"),
    ])
    func sendingRefusalsWriteNothing(_ options: [String], rule: String) throws {
        let network = try Network()
        let before = try network.national.fingerprint()
        let notice = network.national.directory.file("refused.json")
        let result = try network.national.run(["transfer", "send", "--to", "TN"] + options + ["--notice", notice])
        #expect(result.status == 1 && result.standardError.contains("refused (\(rule))"), "\(result)")
        #expect(result.standardError.contains("hint:"))
        #expect(try network.national.fingerprint() == before)
        #expect(!FileManager.default.fileExists(atPath: notice), "a refused transfer leaves no notice")
    }

    @Test func aNoticePathThatExistsOrAnUnknownFundRefusesBeforeAnythingIsPosted() throws {
        let network = try Network()
        let taken = network.national.directory.file("taken.json")
        FileManager.default.createFile(atPath: taken, contents: Data("keep".utf8))
        let before = try network.national.fingerprint()
        let exists = try network.national.run(["transfer", "send", "--to", "TN", "--date", "2018-05-20", "--ref", "CK-09", "--amount", "1000000 VND", "--notice", taken])
        #expect(exists.status == 1 && exists.standardError.contains("already exists"), "\(exists)")
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "keep")
        let unknown = try network.national.run(["transfer", "send", "--to", "LA", "--date", "2018-05-20", "--ref", "CK-09", "--amount", "1000000 VND",
                                                "--notice", network.national.directory.file("la.json")])
        #expect(unknown.status == 1 && unknown.standardError.contains("refused (unknown-dimension)"), "\(unknown)")
        #expect(try network.national.fingerprint() == before)
    }

    /// Every refusal of a notice: altered (with or without a digest made to match), addressed
    /// to another fund, from an unregistered fund, already received, dated before it was sent,
    /// not a notice at all. The receiving ledger is left exactly as it was.
    @Test func everyRefusalOfANoticeWritesNothing() throws {
        let network = try Network()
        let path = try network.send(["--date", "2018-05-20", "--ref", "CK-01", "--amount", "200000000 VND", "--grant", "AIA-2018"], notice: "ck-01.json")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let notice = try TransferNotice.read(text)
        let province = network.province
        let directory = province.directory

        func write(_ name: String, _ contents: String) throws -> String {
            let file = directory.file(name)
            try contents.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        // The same notice with its value raised and its digest made to match: only the sending
        // ledger can tell.
        let raised = TransferNotice(sender: notice.sender, receiver: notice.receiver, date: notice.date, reference: notice.reference,
                                    senderSeq: notice.senderSeq, senderHash: notice.senderHash,
                                    parts: notice.parts.map { TransferNotice.Part(valueDong: $0.valueDong * 2, restriction: $0.restriction, donor: $0.donor, purpose: $0.purpose, goods: $0.goods) })
        let other = try CLILedger(fundName: "Quỹ BTTE tỉnh Long An")
        let cases: [(CLILedger, [String], String)] = [
            (province, ["transfer", "receive", try write("edited.json", text.replacing("200000000", with: "900000000")), "--date", "2018-05-22"], "notice-altered"),
            (province, ["transfer", "receive", try write("forged.json", raised.fileText), "--date", "2018-05-22", "--sender", network.national.path], "notice-altered"),
            (province, ["transfer", "receive", try write("wrong-sender.json", text), "--date", "2018-05-22", "--sender", province.path], "notice-altered"),
            (other, ["transfer", "receive", path, "--date", "2018-05-22"], "notice-misaddressed"),
            (province, ["transfer", "receive", path, "--date", "2018-05-19"], "invalid-date"),
            (province, ["transfer", "receive", try write("not-json.json", "{\"format\": "), "--date", "2018-05-22"], "notice-invalid"),
            (province, ["transfer", "receive", try write("extra.json", text.replacing("\"digest\"", with: "\"extra\":1,\"digest\"")), "--date", "2018-05-22"], "notice-invalid"),
            (province, ["transfer", "receive", try write("no-parts.json", text.replacing("\"parts\"", with: "\"partz\"")), "--date", "2018-05-22"], "notice-invalid"),
        ]
        for (ledger, arguments, rule) in cases {
            let before = try ledger.fingerprint()
            let result = try ledger.run(arguments)
            #expect(result.status == 1 && result.standardError.contains("refused (\(rule))"), "\(arguments): \(result)")
            #expect(result.standardError.contains("hint:"))
            #expect(try ledger.fingerprint() == before, "\(arguments) changed the ledger")
        }
        // Without the sending ledger, a forged notice whose digest matches is indistinguishable
        // here; consolidation matches it against the sender (docs/fund-network.md).

        try province.mustRun(["transfer", "receive", path, "--date", "2018-05-22"])
        let before = try province.fingerprint()
        let again = try province.run(["transfer", "receive", path, "--date", "2018-05-22"])
        #expect(again.status == 1 && again.standardError.contains("refused (already-received)"), "\(again)")
        #expect(try province.fingerprint() == before)
        let reversed = try province.run(["reverse", "1", "--reason", "nhầm", "--date", "2018-05-30"])
        #expect(reversed.status == 1 && reversed.standardError.contains("refused (not-reversible)"), "\(reversed)")
        #expect(try province.fingerprint() == before)
    }

    @Test func aNoticeFromAFundNotRegisteredIsRefused() throws {
        let national = try CLILedger(fundName: "Quỹ Bảo trợ trẻ em Việt Nam")
        let province = try CLILedger(fundName: "Quỹ BTTE tỉnh Tây Ninh")
        try national.mustRun(["fund", "add", "TN", "--name", "Quỹ BTTE tỉnh Tây Ninh", "--level", "province", "--ledger", province.path])
        try national.mustRun(["funder", "add", "NSTW", "--name", "Ngân sách trung ương", "--kind", "government-central"])
        try national.mustRun(["receive", "--date", "2018-05-02", "--funder", "NSTW", "--amount", "1000000 VND"])
        let notice = national.directory.file("n.json")
        try national.mustRun(["transfer", "send", "--to", "TN", "--date", "2018-05-20", "--ref", "CK-01", "--amount", "1000000 VND", "--notice", notice])
        let before = try province.fingerprint()
        let result = try province.run(["transfer", "receive", notice, "--date", "2018-05-22"])
        #expect(result.status == 1 && result.standardError.contains("refused (unknown-dimension)") && result.standardError.contains("cpf fund add"), "\(result)")
        #expect(try province.fingerprint() == before)
        // Registered, the sending fund's own money arrives from the sending fund as donor.
        try province.mustRun(["fund", "add", "QBTTEVN", "--name", "Quỹ Bảo trợ trẻ em Việt Nam", "--level", "national", "--ledger", national.path])
        try province.mustRun(["transfer", "receive", notice, "--date", "2018-05-22"])
        let funders = try province.mustRun(["funder", "list", "--format", "csv"]).standardOutput
        #expect(funders.contains("QBTTEVN,Quỹ Bảo trợ trẻ em Việt Nam,other"), "\(funders)")
    }

    @Test func aLostNoticeIsWrittenAgainIdentically() throws {
        let network = try Network()
        let path = try network.send(["--date", "2018-05-20", "--ref", "CK-01", "--amount", "1000000 VND"], notice: "ck-01.json")
        let again = network.national.directory.file("again.json")
        try network.national.mustRun(["transfer", "notice", "4", "--notice", again])
        #expect(try String(contentsOfFile: again, encoding: .utf8) == String(contentsOfFile: path, encoding: .utf8))
        let notATransfer = try network.national.run(["transfer", "notice", "1", "--notice", network.national.directory.file("x.json")])
        #expect(notATransfer.status == 1 && notATransfer.standardError.contains("refused (unknown-entry)"))
    }

    /// Maker–checker holds for transfers too: at or above the threshold the entry waits, with
    /// no notice yet; once a second person approves it, the transfer is written and its notice
    /// can be written. The receiving side waits the same way, and a notice waiting is not
    /// received twice.
    @Test func transfersAtTheThresholdWaitForASecondPerson() throws {
        let network = try Network()
        try network.national.mustRun(["settings", "set", "approval-threshold", "100000000 VND"])
        try network.province.mustRun(["settings", "set", "approval-threshold", "100000000 VND"])
        let notice = network.national.directory.file("ck-big.json")
        let sent = try network.national.mustRun(["transfer", "send", "--to", "TN", "--date", "2018-05-20", "--ref", "CK-BIG", "--amount", "150000000 VND",
                                                 "--grant", "AIA-2018", "--notice", notice])
        #expect(sent.standardOutput.contains("waits for approval") && !FileManager.default.fileExists(atPath: notice), "\(sent)")
        #expect(try network.national.mustRun(["transfer", "list", "--format", "csv"]).standardOutput.split(whereSeparator: \.isNewline).count == 1)
        try network.national.mustRun(["approve", "1", "--user", "giamdoc"])
        try network.national.mustRun(["transfer", "notice", "4", "--notice", notice])
        #expect(try network.national.mustRun(["transfer", "list", "--format", "csv"]).standardOutput.contains("4,2018-05-20,sent,TN,CK-BIG,150000000"))

        let waiting = try network.province.mustRun(["transfer", "receive", notice, "--date", "2018-05-22"])
        #expect(waiting.standardOutput.contains("Pending entry 1"), "\(waiting)")
        let before = try network.province.fingerprint()
        let again = try network.province.run(["transfer", "receive", notice, "--date", "2018-05-23"])
        #expect(again.status == 1 && again.standardError.contains("refused (already-received)") && again.standardError.contains("cpf approve 1"), "\(again)")
        #expect(try network.province.fingerprint() == before)
        try network.province.mustRun(["approve", "1", "--user", "giamdoc"])
        let listed = try network.province.mustRun(["transfer", "list", "--format", "csv"]).standardOutput
        #expect(listed.contains("1,2018-05-20,received,QBTTEVN,CK-BIG,150000000"), "\(listed)")
        #expect(try network.province.run(["transfer", "receive", notice, "--date", "2018-05-23"]).standardError.contains("refused (already-received)"))
        for ledger in [network.national, network.province] { #expect(try ledger.run(["verify"]).status == 0) }
        let books = try network.national.run(["consolidate", network.national.path, network.province.path, "--report", "transfers", "--format", "csv"])
        #expect(books.status == 0 && books.standardOutput.contains("CK-BIG,4,2018-05-20,2018-05-22,150000000"), "\(books)")
    }

    /// What the receiving or sending fund's own registries refuse: a donor code naming another
    /// donor there, a grant's program it does not run, a chart using 652 for something else.
    /// Each says why, and nothing is written.
    @Test func registriesThatDisagreeRefuseTheTransfer() throws {
        let network = try Network()
        try network.national.mustRun(["program", "add", "camp", "--name-vi", "Trại hè", "--name-en", "Summer camp", "--expense-account", "6119"])
        try network.national.mustRun(["grant", "add", "CAMP-2018", "--funder", "AIA", "--amount", "50000000 VND", "--programs", "camp"])
        try network.national.mustRun(["receive", "--date", "2018-05-05", "--funder", "AIA", "--grant", "CAMP-2018", "--amount", "50000000 VND"])
        let camp = try network.send(["--date", "2018-05-20", "--ref", "CK-CAMP", "--amount", "50000000 VND", "--grant", "CAMP-2018"], notice: "camp.json")
        var before = try network.province.fingerprint()
        let noProgram = try network.province.run(["transfer", "receive", camp, "--date", "2018-05-22"])
        #expect(noProgram.status == 1 && noProgram.standardError.contains("refused (unknown-dimension)") && noProgram.standardError.contains("cpf program add camp"), "\(noProgram)")
        #expect(try network.province.fingerprint() == before)

        let money = try network.send(["--date", "2018-05-21", "--ref", "CK-01", "--amount", "10000000 VND", "--grant", "AIA-2018"], notice: "ck-01.json")
        try network.province.mustRun(["funder", "add", "AIA", "--name", "An Infant Association", "--kind", "ngo"])
        before = try network.province.fingerprint()
        let clash = try network.province.run(["transfer", "receive", money, "--date", "2018-05-22"])
        #expect(clash.status == 1 && clash.standardError.contains("refused (registry-exists)") && clash.standardError.contains("An Infant Association"), "\(clash)")
        #expect(try network.province.fingerprint() == before)

        let other = try CLILedger(fundName: "Quỹ có hệ thống tài khoản riêng")
        try other.mustRun(["account", "add", "652", "--name-vi", "Tài sản khác", "--name-en", "Other assets", "--type", "asset"])
        try other.mustRun(["fund", "add", "TN", "--name", "Quỹ BTTE tỉnh Tây Ninh", "--level", "province", "--ledger", network.province.path])
        try other.mustRun(["funder", "add", "NS", "--name", "Ngân sách", "--kind", "government-local"])
        try other.mustRun(["receive", "--date", "2018-05-02", "--funder", "NS", "--amount", "5000000 VND"])
        before = try other.fingerprint()
        let chart = try other.run(["transfer", "send", "--to", "TN", "--date", "2018-05-20", "--ref", "CK-X", "--amount", "1000000 VND", "--notice", other.directory.file("x.json")])
        #expect(chart.status == 1 && chart.standardError.contains("refused (invalid-account)") && chart.standardError.contains("652"), "\(chart)")
        #expect(try other.fingerprint() == before)
    }

    /// Support designated to a place: the receiving fund keeps the designation when it has the
    /// place, and refuses the notice, writing nothing, when it has not.
    @Test func aDesignationToAPlaceTravelsOnlyWhereThePlaceIsKnown() throws {
        let network = try Network()
        try network.national.mustRun(["unit", "add", "TN", "--name", "Tây Ninh", "--level", "province"])
        try network.national.mustRun(["grant", "add", "TN-2018", "--funder", "AIA", "--amount", "30000000 VND", "--units", "TN", "--designated"])
        try network.national.mustRun(["receive", "--date", "2018-05-05", "--funder", "AIA", "--grant", "TN-2018", "--amount", "30000000 VND"])
        let notice = try network.send(["--date", "2018-05-20", "--ref", "CK-TN", "--amount", "30000000 VND", "--grant", "TN-2018"], notice: "tn.json")
        let before = try network.province.fingerprint()
        let refused = try network.province.run(["transfer", "receive", notice, "--date", "2018-05-22"])
        #expect(refused.status == 1 && refused.standardError.contains("refused (unknown-dimension)") && refused.standardError.contains("cpf unit add"), "\(refused)")
        #expect(try network.province.fingerprint() == before)
        try network.province.mustRun(["unit", "add", "TN", "--name", "Tây Ninh", "--level", "province"])
        try network.province.mustRun(["unit", "add", "LA", "--name", "Long An", "--level", "province"])
        try network.province.mustRun(["transfer", "receive", notice, "--date", "2018-05-22"])
        let elsewhere = try network.province.run(["disburse", "--date", "2018-06-01", "--program", "gift", "--unit", "LA", "--grant", "TN-2018",
                                                  "--amount", "1000000 VND", "--children", "1"])
        #expect(elsewhere.status == 1 && elsewhere.standardError.contains("refused (restriction)"), "\(elsewhere)")
        let grants = try network.province.mustRun(["report", "grants", "--format", "csv"]).standardOutput
        #expect(grants.contains("TN-2018,AIA (through QBTTEVN),active,designated,30000000"), "\(grants)")
    }
}
