import Testing
import TestSupport

@Suite struct TourTests {
    @Test func initCreatesLedger() throws {
        let directory = TemporaryDirectory()
        let result = try CPFRunner.run(["--db", directory.file("fund.cpf"), "init", "--name", "Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"])
        #expect(result.status == 0, "\(result)")
        #expect(result.standardOutput.contains("Created the ledger of Quỹ Bảo trợ trẻ em tỉnh Tây Ninh"))
    }
}
