/// The programs every Child Protection Fund runs (docs/domain.md §2), seeded by `init` with the
/// expense account a disbursement to each is booked on. A fund adds its own with
/// `cpf program add`.
enum StandardRegistries {
    struct ProgramDefinition {
        let code: String
        let nameVietnamese: String
        let nameEnglish: String
        let expenseAccountCode: String
    }

    static let programs: [ProgramDefinition] = [
        ProgramDefinition(code: "scholarship", nameVietnamese: "Học bổng", nameEnglish: "Scholarships", expenseAccountCode: "6111"),
        ProgramDefinition(code: "milk", nameVietnamese: "Sữa và dinh dưỡng", nameEnglish: "Milk and nutrition", expenseAccountCode: "6112"),
        ProgramDefinition(code: "house", nameVietnamese: "Nhà ở", nameEnglish: "Houses", expenseAccountCode: "6113"),
        ProgramDefinition(code: "gift", nameVietnamese: "Quà tặng (Tết, 1/6, Trung thu)", nameEnglish: "Gifts (Tết, Children's Day, Mid-Autumn)", expenseAccountCode: "6114"),
        ProgramDefinition(code: "bicycle", nameVietnamese: "Xe đạp", nameEnglish: "Bicycles", expenseAccountCode: "6115"),
        ProgramDefinition(code: "health-insurance", nameVietnamese: "Thẻ bảo hiểm y tế", nameEnglish: "Health-insurance cards", expenseAccountCode: "6116"),
        ProgramDefinition(code: "emergency", nameVietnamese: "Hỗ trợ khẩn cấp", nameEnglish: "Emergency support", expenseAccountCode: "6117"),
        ProgramDefinition(code: "counselling", nameVietnamese: "Tư vấn, can thiệp", nameEnglish: "Counselling and intervention", expenseAccountCode: "6118"),
        ProgramDefinition(code: "swimming", nameVietnamese: "Lớp học bơi", nameEnglish: "Swimming classes", expenseAccountCode: "6118"),
        ProgramDefinition(code: "other", nameVietnamese: "Hỗ trợ khác", nameEnglish: "Other support", expenseAccountCode: "6119"),
    ]

    /// Inserts the standard programs whose expense account exists in the chart (a fund's own
    /// chart may lack some).
    static func insert(into database: Database, user: String, at timestamp: Timestamp) throws {
        for program in programs {
            try database.execute("""
                INSERT INTO program (code, name_vi, name_en, expense_account_id, created_at, created_by)
                SELECT ?, ?, ?, (SELECT id FROM account WHERE code = ?), ?, ?
                """, [program.code, program.nameVietnamese, program.nameEnglish, program.expenseAccountCode, timestamp.iso, user])
        }
    }
}
