/// `verify`'s quick check of the maintained totals: one number per table, from the lines and
/// from the stored rows, instead of every total gathered by key and compared row by row.
///
/// A table's fingerprint is, modulo the prime p = 2^61 − 1,
///
///     Σ over rows   x₁[k₁] · x₂[k₂] · … · xₘ[kₘ] · (w₁·f₁ + w₂·f₂ + … + w_d·f_d)
///
/// where k₁…kₘ is the row's key (day, account, funder…), f₁…f_d its figures (debit, credit,
/// line count…), and every xᵢ[v] and wⱼ a random number drawn afresh by each `verify`. From
/// the lines it is the same sum with each line as a row of its own, which is the sum over keys
/// of each key's totals. The two agree whatever the draw when the rows are exactly the totals
/// the lines give. When they are not, their difference is a polynomial in the random numbers
/// that is not zero: distinct keys are distinct products of distinct variables, and a key whose
/// figures differ has a coefficient that is not zero, provided no figure differs by a multiple
/// of p. It has degree at most m + 1 ≤ 10, so it vanishes at the drawn point with probability
/// at most 10/(p − 1) < 5·10⁻¹⁸ (Schwartz–Zippel, every number drawn from 1…p − 1; five
/// tables, five times that); the numbers are drawn after the file is written, so no one who
/// writes it can aim at them.
///
/// The proviso is what `TotalsFingerprint.Stored` checks on the rows as it reads them:
/// - every stored figure lies within ±10^18 (`JournalExtent.limit`), and every total the lines
///   give does too (their extent is checked), so two figures differ by less than p;
/// - the keys come strictly increasing, so no key is stored twice (a key split over two rows,
///   or a sum pushed round the modulus, needs two rows of one key);
/// - every row counts at least one line, so a row no line gives cannot add nothing.
///
/// When any of that fails, or a fingerprint differs, `verify` gathers every total by key the
/// exact way (`BalanceAccumulator`) and names the rows that differ. So this check only ever
/// vouches for intact tables; it never decides that something is wrong.
struct TotalsFingerprint {
    /// balance_day, balance_month, dimension_month, holding_day and cash_flow_month.
    var day: UInt64 = 0
    var month: UInt64 = 0
    var dimension: UInt64 = 0
    var holding: UInt64 = 0
    var cashFlow: UInt64 = 0
    /// The lines' extent, computed exactly (`journal_extent`), which bounds every total.
    var extent = JournalExtent()
    var variables: FingerprintVariables

    init(registrySizes: FingerprintVariables.Sizes) {
        variables = FingerprintVariables(sizes: registrySizes)
    }

    /// Adds the lines of one entry dated `dayKey`, with the same figures as
    /// `BalanceAccumulator.add` gives the same lines.
    mutating func add<Line: LineFigures>(_ lines: [Line], dayKey: Int32, roles: AccountRoles, isReversal: Bool) {
        let day = variables.day(Int64(dayKey)), month = variables.month(Int64(dayKey / 100))
        let weights = variables.weights
        var movesCash = false
        // By index: iterating the lines would copy each one.
        for index in lines.indices {
            extent.add(lines[index])
            let accountID = lines[index].accountID, amountDong = lines[index].amountDong
            let flags = roles.flags(accountID)
            movesCash = movesCash || flags & AccountRoles.moneyFlag != 0
            let account = variables.account(accountID)
            let dong = amountDong > 0 ? Mod61.multiply(weights.debit, Mod61.element(amountDong))
                                      : Mod61.multiply(weights.credit, Mod61.element(0 &- amountDong))
            let counted = Mod61.add(dong, weights.lineCount)
            let foreign = lines[index].foreignMinorUnits.map { Mod61.multiply(weights.foreign, Mod61.element($0)) } ?? 0
            let accountFigures = flags & AccountRoles.foreignFlag != 0 ? Mod61.add(counted, foreign) : counted
            self.day = Mod61.add(self.day, Mod61.multiply(Mod61.multiply(day, account), accountFigures))
            let monthAccount = Mod61.multiply(month, account)
            self.month = Mod61.add(self.month, Mod61.multiply(monthAccount, accountFigures))

            let key = variables.dimensionKey(monthAccount: monthAccount, funder: lines[index].funderID ?? 0, grant: lines[index].grantID ?? 0,
                                             program: lines[index].programID ?? 0, unit: lines[index].unitID ?? 0, item: lines[index].itemID ?? 0,
                                             restriction: lines[index].restriction, currency: lines[index].currencyCode)
            var figures = Mod61.add(counted, foreign)
            if let quantity = lines[index].quantity { figures = Mod61.add(figures, Mod61.multiply(weights.quantity, Mod61.element(quantity))) }
            if let children = lines[index].children { figures = Mod61.add(figures, Mod61.multiply(weights.children, Mod61.element(children))) }
            dimension = Mod61.add(dimension, Mod61.multiply(key, figures))

            roles.forEachHolding(of: lines[index], isReversal: isReversal) { holding, change in
                let key = Mod61.multiply(variables.holding(holding.kind, holding.subjectID), day)
                self.holding = Mod61.add(self.holding, Mod61.multiply(key, variables.figures(change)))
            }
        }
        guard movesCash else { return }
        for index in lines.indices where roles.flags(lines[index].accountID) & AccountRoles.moneyFlag == 0 {
            let key = variables.cashFlowKey(monthAccount: Mod61.multiply(month, variables.account(lines[index].accountID)),
                                            funder: lines[index].funderID ?? 0, program: lines[index].programID ?? 0)
            let figures = Mod61.add(Mod61.multiply(weights.amount, Mod61.element(lines[index].amountDong)), weights.lineCount)
            cashFlow = Mod61.add(cashFlow, Mod61.multiply(key, figures))
        }
    }
}

/// Arithmetic modulo the Mersenne prime p = 2^61 − 1. Values are kept in 0…p, p standing
/// for 0, so that a sum or product needs one conditional subtraction; `canonical` folds p
/// to 0 before two values are compared.
enum Mod61 {
    static let p: UInt64 = (1 << 61) - 1

    /// a · b for a, b ≤ p: the 122-bit product folded at bit 61, since 2^61 ≡ 1.
    @inline(__always)
    static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        let sum = (low & p) &+ (low >> 61 | high << 3)
        return sum >= p ? sum &- p : sum
    }

    /// a + b for a, b ≤ p.
    @inline(__always)
    static func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sum = a &+ b
        return sum >= p ? sum &- p : sum
    }

    /// Any signed figure, as an element.
    @inline(__always)
    static func element(_ value: Int64) -> UInt64 {
        let magnitude = value.magnitude
        let folded = (magnitude & p) &+ (magnitude >> 61)
        let reduced = folded >= p ? folded &- p : folded
        return value >= 0 || reduced == 0 ? reduced : p &- reduced
    }

    static func canonical(_ a: UInt64) -> UInt64 { a >= p ? a &- p : a }
}

/// The random numbers of one fingerprint: a variable for each value met at each place of a
/// key, and a weight for each figure. Drawn from SHA-256 of a secret seed the system's
/// generator gives and a counter, each the first time it is needed, in 1…p − 1.
struct FingerprintVariables {
    /// How many ids each registry has (its largest id + 1): those ids get their variables
    /// from arrays, any other value from a dictionary.
    struct Sizes {
        var accounts = 0, funders = 0, grants = 0, programs = 0, units = 0, items = 0
    }

    struct Weights {
        var debit: UInt64 = 0, credit: UInt64 = 0, foreign: UInt64 = 0, quantity: UInt64 = 0, children: UInt64 = 0, lineCount: UInt64 = 0
        var net: UInt64 = 0, value: UInt64 = 0, valuations: UInt64 = 0, amount: UInt64 = 0
    }

    private var random = RandomElements()
    private(set) var weights = Weights()
    /// Dates and months by their place; any other key (never in intact books) by itself.
    private var days: VariableTable, months: VariableTable
    private var otherDays = VariableTable(denseCount: 0), otherMonths = VariableTable(denseCount: 0)
    private var accounts: VariableTable, funders: VariableTable, grants: VariableTable, programs: VariableTable, units: VariableTable, items: VariableTable
    private var restrictions: [UInt64] = []
    private var currencies: [String: UInt64] = [:]
    private var dong: UInt64 = 0
    private var kinds: [UInt64] = []
    /// The day met last, and its variable: an entry's lines share it, and entries run by date.
    /// None before the first (a key cannot match a placeholder and get a variable of 0).
    private var lastDay: (key: Int64, variable: UInt64)?
    private var lastMonth: (key: Int64, variable: UInt64)?

    /// Days from 1900-01-01 to 2199-12-31 in 372 places a year (12 months of 31 days).
    private static let dayPlaces = 300 * 372

    init(sizes: Sizes) {
        let cap = 1 << 16
        days = VariableTable(denseCount: FingerprintVariables.dayPlaces)
        months = VariableTable(denseCount: 300 * 12)
        accounts = VariableTable(denseCount: min(sizes.accounts, cap))
        funders = VariableTable(denseCount: min(sizes.funders, cap))
        grants = VariableTable(denseCount: min(sizes.grants, cap))
        programs = VariableTable(denseCount: min(sizes.programs, cap))
        units = VariableTable(denseCount: min(sizes.units, cap))
        items = VariableTable(denseCount: min(sizes.items, cap))
        weights = Weights(debit: random.next(), credit: random.next(), foreign: random.next(), quantity: random.next(),
                          children: random.next(), lineCount: random.next(), net: random.next(), value: random.next(),
                          valuations: random.next(), amount: random.next())
        restrictions = Restriction.allCases.map { _ in random.next() }
        kinds = HoldingKind.allCases.map { _ in random.next() }
        dong = random.next()
    }

    /// `yyyymmdd`: its place when it has the shape of a date, else the key itself in a table
    /// of its own (so a key cannot share a variable with a date's place).
    @inline(__always)
    mutating func day(_ key: Int64) -> UInt64 {
        if let lastDay, lastDay.key == key { return lastDay.variable }
        let year = Int(truncatingIfNeeded: key / 10_000), month = Int(truncatingIfNeeded: key / 100 % 100), day = Int(truncatingIfNeeded: key % 100)
        let isDate = year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= 31
        let variable = isDate ? days.variable(Int64((year - 1900) * 372 + (month - 1) * 31 + day - 1), drawing: &random)
                              : otherDays.variable(key, drawing: &random)
        lastDay = (key, variable)
        return variable
    }

    /// `yyyymm`, the same way.
    @inline(__always)
    mutating func month(_ key: Int64) -> UInt64 {
        if let lastMonth, lastMonth.key == key { return lastMonth.variable }
        let year = Int(truncatingIfNeeded: key / 100), month = Int(truncatingIfNeeded: key % 100)
        let isMonth = year >= 1900 && year <= 2199 && month >= 1 && month <= 12
        let variable = isMonth ? months.variable(Int64((year - 1900) * 12 + month - 1), drawing: &random)
                               : otherMonths.variable(key, drawing: &random)
        lastMonth = (key, variable)
        return variable
    }

    @inline(__always) mutating func account(_ id: Int64) -> UInt64 { accounts.variable(id, drawing: &random) }
    @inline(__always) mutating func funder(_ id: Int64) -> UInt64 { funders.variable(id, drawing: &random) }
    @inline(__always) mutating func grant(_ id: Int64) -> UInt64 { grants.variable(id, drawing: &random) }
    @inline(__always) mutating func program(_ id: Int64) -> UInt64 { programs.variable(id, drawing: &random) }
    @inline(__always) mutating func unit(_ id: Int64) -> UInt64 { units.variable(id, drawing: &random) }
    @inline(__always) mutating func item(_ id: Int64) -> UInt64 { items.variable(id, drawing: &random) }

    @inline(__always)
    func restriction(_ restriction: Restriction) -> UInt64 {
        switch restriction {
        case .unrestricted: restrictions[0]
        case .restricted: restrictions[1]
        case .designated: restrictions[2]
        }
    }

    /// A currency's code ("" for dong).
    @inline(__always)
    mutating func currency(_ code: String) -> UInt64 {
        if code.isEmpty { return dong }
        if let variable = currencies[code] { return variable }
        let variable = random.next()
        currencies[code] = variable
        return variable
    }

    /// A `dimension_month` key after its month and account (`monthAccount`, their product):
    /// the lines and the stored rows make it the same way.
    @inline(__always)
    mutating func dimensionKey(monthAccount: UInt64, funder: Int64, grant: Int64, program: Int64, unit: Int64, item: Int64,
                               restriction: Restriction, currency: String) -> UInt64 {
        var key = Mod61.multiply(monthAccount, self.funder(funder))
        key = Mod61.multiply(key, self.grant(grant))
        key = Mod61.multiply(key, self.program(program))
        key = Mod61.multiply(key, self.unit(unit))
        key = Mod61.multiply(key, self.item(item))
        key = Mod61.multiply(key, self.restriction(restriction))
        return Mod61.multiply(key, self.currency(currency))
    }

    /// A `cash_flow_month` key after its month and account.
    @inline(__always)
    mutating func cashFlowKey(monthAccount: UInt64, funder: Int64, program: Int64) -> UInt64 {
        Mod61.multiply(monthAccount, Mod61.multiply(self.funder(funder), self.program(program)))
    }

    /// A holding's kind and subject: the account, item or grant it is, or a grant's spending
    /// on a program in a place (each part at its own place).
    @inline(__always)
    mutating func holding(_ kind: HoldingKind, _ subjectID: Int64) -> UInt64 {
        switch kind {
        case .money: Mod61.multiply(kinds[0], account(subjectID))
        case .goods: Mod61.multiply(kinds[1], item(subjectID))
        case .grant: Mod61.multiply(kinds[2], grant(subjectID))
        case .grantSpending:
            Mod61.multiply(Mod61.multiply(kinds[3], grant(subjectID >> 40)),
                           Mod61.multiply(program(subjectID >> 20 & HoldingKey.spendingPartMax), unit(subjectID & HoldingKey.spendingPartMax)))
        }
    }

    @inline(__always)
    func figures(_ change: HoldingChange) -> UInt64 {
        let net = Mod61.add(Mod61.multiply(weights.net, Mod61.element(change.net)), Mod61.multiply(weights.value, Mod61.element(change.valueDong)))
        let counts = Mod61.add(Mod61.multiply(weights.valuations, Mod61.element(change.valuations)), Mod61.multiply(weights.lineCount, Mod61.element(change.lineCount)))
        return Mod61.add(net, counts)
    }
}

/// A variable per value of one place of a key: values 0..<denseCount in an array (0 meaning
/// not drawn yet), any other in a dictionary.
private struct VariableTable {
    private var dense: [UInt64]
    private var sparse: [Int64: UInt64] = [:]

    init(denseCount: Int) { dense = Array(repeating: 0, count: denseCount) }

    @inline(__always)
    mutating func variable(_ value: Int64, drawing random: inout RandomElements) -> UInt64 {
        if value >= 0, value < dense.count {
            let index = Int(value)
            if dense[index] == 0 { dense[index] = random.next() }
            return dense[index]
        }
        if let variable = sparse[value] { return variable }
        let variable = random.next()
        sparse[value] = variable
        return variable
    }
}

/// Random elements of 1…p − 1: SHA-256 of a 32-byte seed from the system's generator and a
/// counter, four 61-bit words a block (a word of 0 or p is skipped).
private struct RandomElements {
    private var block: [UInt8] = []
    private var pool: [UInt64] = []
    private var counter: UInt64 = 0

    init() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4 { withUnsafeBytes(of: generator.next()) { block += $0 } }
        block += [UInt8](repeating: 0, count: 8)
    }

    mutating func next() -> UInt64 {
        while true {
            if pool.isEmpty { refill() }
            let word = pool.removeLast() & Mod61.p
            if word != 0, word != Mod61.p { return word }
        }
    }

    private mutating func refill() {
        counter += 1
        withUnsafeBytes(of: counter.littleEndian) { for index in 0..<8 { block[32 + index] = $0[index] } }
        let digest = SHA256.hash(block)
        pool = (0..<4).map { index in digest[index * 8..<index * 8 + 8].reduce(0) { $0 << 8 | UInt64($1) } }
    }
}
