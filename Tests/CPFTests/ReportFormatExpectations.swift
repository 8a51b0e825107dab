/// What each report prints for the ledger of `ReportFormatTests` (`ReportFormatBooks`), in
/// each format and language. Every figure was worked out by hand from the entries the books
/// post (the arithmetic is in `ReportFormatBooks`'s documentation) and these texts were read
/// against it line by line.
///
/// Tables are compared exactly (plus the final newline); CSV line by line, each record
/// ending in CRLF; JSON as parsed values: its `parameters` and `tables` members.
enum ExpectedReports {

    // MARK: trial-balance

    static let trialBalanceTableEnglish = """
        Trial balance — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        As of: 2018-12-31
        Amounts in VND unless another currency is shown

        Account  Name                                               Debits      Credits  Debit balance  Credit balance  Foreign balance
        -------  --------------------------------------------  -----------  -----------  -------------  --------------  ---------------
        1121     Bank deposits in dong                         619,350,000   44,234,567    575,115,433
        1122     Bank deposits in foreign currency (USD)        91,000,000   91,000,000                                        0.00 USD
        156      Goods received in kind held for distribution   15,000,000    4,500,000     10,500,000
        413      Foreign exchange differences                            0      200,000                        200,000
        5112     Local state budget                                      0  500,000,000                    500,000,000
        5121     Aid from foreign NGOs                                   0   91,000,000                     91,000,000
        5131     Donations from companies                                0   23,000,000                     23,000,000
        5133     Donations in kind                                       0   15,000,000                     15,000,000
        515      Interest income                                         0      150,000                        150,000
        6111     Scholarships                                   36,000,000            0     36,000,000
        6115     Bicycles                                        4,500,000            0      4,500,000
        6116     Health-insurance cards                          1,234,567            0      1,234,567
        6117     Emergency support                               5,000,000    5,000,000
        6422     Office and services                             2,000,000            0      2,000,000
        -------  --------------------------------------------  -----------  -----------  -------------  --------------  ---------------
        Total                                                  774,084,567  774,084,567    629,350,000     629,350,000
        """

    static let trialBalanceTableVietnamese = """
        Bảng cân đối tài khoản — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Đến ngày: 31/12/2018
        Đơn vị tính: đồng, trừ khi ghi loại tiền khác

        Tài khoản  Tên tài khoản                                  Phát sinh Nợ  Phát sinh Có        Dư Nợ        Dư Có  Số dư ngoại tệ
        ---------  ---------------------------------------------  ------------  ------------  -----------  -----------  --------------
        1121       Tiền gửi Việt Nam đồng                          619.350.000    44.234.567  575.115.433
        1122       Tiền gửi ngoại tệ                                91.000.000    91.000.000                                  0,00 USD
        156        Hàng hóa nhận tài trợ chờ phân phát              15.000.000     4.500.000   10.500.000
        413        Chênh lệch tỷ giá hối đoái                                0       200.000                   200.000
        5112       Ngân sách địa phương cấp                                  0   500.000.000               500.000.000
        5121       Viện trợ của tổ chức phi chính phủ nước ngoài             0    91.000.000                91.000.000
        5131       Tài trợ của doanh nghiệp                                  0    23.000.000                23.000.000
        5133       Tài trợ bằng hiện vật                                     0    15.000.000                15.000.000
        515        Thu lãi tiền gửi                                          0       150.000                   150.000
        6111       Học bổng                                         36.000.000             0   36.000.000
        6115       Xe đạp                                            4.500.000             0    4.500.000
        6116       Thẻ bảo hiểm y tế                                 1.234.567             0    1.234.567
        6117       Hỗ trợ khẩn cấp                                   5.000.000     5.000.000
        6422       Văn phòng và dịch vụ                              2.000.000             0    2.000.000
        ---------  ---------------------------------------------  ------------  ------------  -----------  -----------  --------------
        Tổng cộng                                                  774.084.567   774.084.567  629.350.000  629.350.000
        """

    static let trialBalanceCSV = """
        account,name,debit_vnd,credit_vnd,balance_debit_vnd,balance_credit_vnd,foreign_balance,foreign_balance_currency
        1121,Bank deposits in dong,619350000,44234567,575115433,,,
        1122,Bank deposits in foreign currency (USD),91000000,91000000,,,0.00,USD
        156,Goods received in kind held for distribution,15000000,4500000,10500000,,,
        413,Foreign exchange differences,0,200000,,200000,,
        5112,Local state budget,0,500000000,,500000000,,
        5121,Aid from foreign NGOs,0,91000000,,91000000,,
        5131,Donations from companies,0,23000000,,23000000,,
        5133,Donations in kind,0,15000000,,15000000,,
        515,Interest income,0,150000,,150000,,
        6111,Scholarships,36000000,0,36000000,,,
        6115,Bicycles,4500000,0,4500000,,,
        6116,Health-insurance cards,1234567,0,1234567,,,
        6117,Emergency support,5000000,5000000,,,,
        6422,Office and services,2000000,0,2000000,,,
        """

    static let trialBalanceJSON = """
        {"parameters": {"as_of": "2018-12-31"},
         "tables": [
          {"key": "accounts", "rows": [
              {"account": "1121", "name": "Bank deposits in dong", "debit_vnd": 619350000, "credit_vnd": 44234567, "balance_debit_vnd": 575115433, "balance_credit_vnd": null, "foreign_balance": null},
              {"account": "1122", "name": "Bank deposits in foreign currency (USD)", "debit_vnd": 91000000, "credit_vnd": 91000000, "balance_debit_vnd": null, "balance_credit_vnd": null, "foreign_balance": {"minor_units": 0, "currency": "USD"}},
              {"account": "156", "name": "Goods received in kind held for distribution", "debit_vnd": 15000000, "credit_vnd": 4500000, "balance_debit_vnd": 10500000, "balance_credit_vnd": null, "foreign_balance": null},
              {"account": "413", "name": "Foreign exchange differences", "debit_vnd": 0, "credit_vnd": 200000, "balance_debit_vnd": null, "balance_credit_vnd": 200000, "foreign_balance": null},
              {"account": "5112", "name": "Local state budget", "debit_vnd": 0, "credit_vnd": 500000000, "balance_debit_vnd": null, "balance_credit_vnd": 500000000, "foreign_balance": null},
              {"account": "5121", "name": "Aid from foreign NGOs", "debit_vnd": 0, "credit_vnd": 91000000, "balance_debit_vnd": null, "balance_credit_vnd": 91000000, "foreign_balance": null},
              {"account": "5131", "name": "Donations from companies", "debit_vnd": 0, "credit_vnd": 23000000, "balance_debit_vnd": null, "balance_credit_vnd": 23000000, "foreign_balance": null},
              {"account": "5133", "name": "Donations in kind", "debit_vnd": 0, "credit_vnd": 15000000, "balance_debit_vnd": null, "balance_credit_vnd": 15000000, "foreign_balance": null},
              {"account": "515", "name": "Interest income", "debit_vnd": 0, "credit_vnd": 150000, "balance_debit_vnd": null, "balance_credit_vnd": 150000, "foreign_balance": null},
              {"account": "6111", "name": "Scholarships", "debit_vnd": 36000000, "credit_vnd": 0, "balance_debit_vnd": 36000000, "balance_credit_vnd": null, "foreign_balance": null},
              {"account": "6115", "name": "Bicycles", "debit_vnd": 4500000, "credit_vnd": 0, "balance_debit_vnd": 4500000, "balance_credit_vnd": null, "foreign_balance": null},
              {"account": "6116", "name": "Health-insurance cards", "debit_vnd": 1234567, "credit_vnd": 0, "balance_debit_vnd": 1234567, "balance_credit_vnd": null, "foreign_balance": null},
              {"account": "6117", "name": "Emergency support", "debit_vnd": 5000000, "credit_vnd": 5000000, "balance_debit_vnd": null, "balance_credit_vnd": null, "foreign_balance": null},
              {"account": "6422", "name": "Office and services", "debit_vnd": 2000000, "credit_vnd": 0, "balance_debit_vnd": 2000000, "balance_credit_vnd": null, "foreign_balance": null}
            ],
            "totals": {"account": "Total", "name": null, "debit_vnd": 774084567, "credit_vnd": 774084567, "balance_debit_vnd": 629350000, "balance_credit_vnd": 629350000, "foreign_balance": null}}
        ]}
        """

    // MARK: financial-position

    static let financialPositionTableEnglish = """
        Statement of financial position — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        At: 2018-12-31
        Amounts in VND

        Assets
        Account  Name                                               Amount
        -------  --------------------------------------------  -----------
        1121     Bank deposits in dong                         575,115,433
        156      Goods received in kind held for distribution   10,500,000
        -------  --------------------------------------------  -----------
        Total                                                  585,615,433

        Liabilities
        Account  Name  Amount
        -------  ----  ------
        (no rows)
        -------  ----  ------
        Total               0

        Net assets
        Class                  Amount
        ----------------  -----------
        Unrestricted      530,415,433
        Restricted         55,200,000
        ----------------  -----------
        Total net assets  585,615,433

        Total assets = total liabilities + total net assets.
        """

    static let financialPositionTableVietnamese = """
        Báo cáo tình hình tài chính — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Tại ngày: 31/12/2018
        Đơn vị tính: đồng

        Tài sản
        Tài khoản  Tên                                      Số tiền
        ---------  -----------------------------------  -----------
        1121       Tiền gửi Việt Nam đồng               575.115.433
        156        Hàng hóa nhận tài trợ chờ phân phát   10.500.000
        ---------  -----------------------------------  -----------
        Tổng cộng                                       585.615.433

        Nợ phải trả
        Tài khoản  Tên  Số tiền
        ---------  ---  -------
        (không có dòng nào)
        ---------  ---  -------
        Tổng cộng             0

        Tài sản thuần
        Loại                    Số tiền
        ------------------  -----------
        Không hạn chế       530.415.433
        Có hạn chế           55.200.000
        ------------------  -----------
        Tổng tài sản thuần  585.615.433

        Tổng tài sản = Tổng nợ phải trả + Tổng tài sản thuần.
        """

    static let financialPositionCSV = """
        section,account,name,amount_vnd,restriction
        asset,1121,Bank deposits in dong,575115433,
        asset,156,Goods received in kind held for distribution,10500000,
        net-assets,,,530415433,Unrestricted
        net-assets,,,55200000,Restricted
        """

    static let financialPositionJSON = """
        {"parameters": {"at": "2018-12-31"},
         "tables": [
          {"key": "asset", "rows": [
              {"account": "1121", "name": "Bank deposits in dong", "amount_vnd": 575115433},
              {"account": "156", "name": "Goods received in kind held for distribution", "amount_vnd": 10500000}
            ],
            "totals": {"account": "Total", "name": null, "amount_vnd": 585615433}},
          {"key": "liability", "rows": [],
            "totals": {"account": "Total", "name": null, "amount_vnd": 0}},
          {"key": "net-assets", "rows": [
              {"restriction": "Unrestricted", "amount_vnd": 530415433},
              {"restriction": "Restricted", "amount_vnd": 55200000}
            ],
            "totals": {"restriction": "Total net assets", "amount_vnd": 585615433}}
        ]}
        """

    // MARK: activities

    static let activitiesTableEnglish = """
        Statement of receipts and uses — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        From: 2018-01-01
        To: 2018-12-31
        Amounts in VND

        Receipts by source
        Source                             Account                        Restriction        Amount
        ---------------------------------  -----------------------------  ------------  -----------
        Local state budget                 5112 Local state budget        Unrestricted  500,000,000
        Foreign NGOs                       5121 Aid from foreign NGOs     Restricted     91,000,000
        Companies                          5131 Donations from companies  Unrestricted   23,000,000
        Companies                          5133 Donations in kind         Unrestricted   15,000,000
        No funder named (interest, other)  515 Interest income            Unrestricted      150,000
        ---------------------------------  -----------------------------  ------------  -----------
        Total receipts                                                                  629,150,000

        Uses by program
        Program                 Source         Account                      Restriction       Amount  Child-instances
        ----------------------  -------------  ---------------------------  ------------  ----------  ---------------
        Scholarships            Foreign NGOs   6111 Scholarships            Restricted    36,000,000               24
        Bicycles                General funds  6115 Bicycles                Unrestricted   4,500,000                3
        Health-insurance cards  General funds  6116 Health-insurance cards  Unrestricted   1,234,567                7
        (no program)            General funds  6422 Office and services     Unrestricted   2,000,000                0
        ----------------------  -------------  ---------------------------  ------------  ----------  ---------------
        Total uses                                                                        43,734,567               34

        Result
        Figure                                Amount
        -------------------------------  -----------
        Receipts                         629,150,000
        Uses                              43,734,567
        Exchange differences (net gain)      200,000
        -------------------------------  -----------
        Surplus (deficit)                585,615,433
        """

    static let activitiesTableVietnamese = """
        Báo cáo thu, chi — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Từ ngày: 01/01/2018
        Đến ngày: 31/12/2018
        Đơn vị tính: đồng

        Các khoản thu theo nguồn
        Nguồn                              Tài khoản                                           Hạn chế            Số tiền
        ---------------------------------  --------------------------------------------------  -------------  -----------
        Ngân sách địa phương               5112 Ngân sách địa phương cấp                       Không hạn chế  500.000.000
        Tổ chức phi chính phủ nước ngoài   5121 Viện trợ của tổ chức phi chính phủ nước ngoài  Có hạn chế      91.000.000
        Doanh nghiệp                       5131 Tài trợ của doanh nghiệp                       Không hạn chế   23.000.000
        Doanh nghiệp                       5133 Tài trợ bằng hiện vật                          Không hạn chế   15.000.000
        Không ghi nhà tài trợ (lãi, khác)  515 Thu lãi tiền gửi                                Không hạn chế      150.000
        ---------------------------------  --------------------------------------------------  -------------  -----------
        Tổng thu                                                                                              629.150.000

        Các khoản chi theo chương trình
        Chương trình               Nguồn                             Tài khoản                  Hạn chế           Số tiền  Lượt trẻ em
        -------------------------  --------------------------------  -------------------------  -------------  ----------  -----------
        Học bổng                   Tổ chức phi chính phủ nước ngoài  6111 Học bổng              Có hạn chế     36.000.000           24
        Xe đạp                     Nguồn chung của quỹ               6115 Xe đạp                Không hạn chế   4.500.000            3
        Thẻ bảo hiểm y tế          Nguồn chung của quỹ               6116 Thẻ bảo hiểm y tế     Không hạn chế   1.234.567            7
        (không theo chương trình)  Nguồn chung của quỹ               6422 Văn phòng và dịch vụ  Không hạn chế   2.000.000            0
        -------------------------  --------------------------------  -------------------------  -------------  ----------  -----------
        Tổng chi                                                                                               43.734.567           34

        Kết quả
        Chỉ tiêu                           Số tiền
        -----------------------------  -----------
        Thu                            629.150.000
        Chi                             43.734.567
        Chênh lệch tỷ giá (lãi thuần)      200.000
        -----------------------------  -----------
        Chênh lệch thu chi             585.615.433
        """

    static let activitiesCSV = """
        section,source,account,restriction,amount_vnd,program,children,figure
        receipts,Local state budget,5112 Local state budget,Unrestricted,500000000,,,
        receipts,Foreign NGOs,5121 Aid from foreign NGOs,Restricted,91000000,,,
        receipts,Companies,5131 Donations from companies,Unrestricted,23000000,,,
        receipts,Companies,5133 Donations in kind,Unrestricted,15000000,,,
        receipts,"No funder named (interest, other)",515 Interest income,Unrestricted,150000,,,
        uses,Foreign NGOs,6111 Scholarships,Restricted,36000000,Scholarships,24,
        uses,General funds,6115 Bicycles,Unrestricted,4500000,Bicycles,3,
        uses,General funds,6116 Health-insurance cards,Unrestricted,1234567,Health-insurance cards,7,
        uses,General funds,6422 Office and services,Unrestricted,2000000,(no program),0,
        result,,,,629150000,,,Receipts
        result,,,,43734567,,,Uses
        result,,,,200000,,,Exchange differences (net gain)
        """

    static let activitiesJSON = """
        {"parameters": {"from": "2018-01-01", "to": "2018-12-31"},
         "tables": [
          {"key": "receipts", "rows": [
              {"source": "Local state budget", "account": "5112 Local state budget", "restriction": "Unrestricted", "amount_vnd": 500000000},
              {"source": "Foreign NGOs", "account": "5121 Aid from foreign NGOs", "restriction": "Restricted", "amount_vnd": 91000000},
              {"source": "Companies", "account": "5131 Donations from companies", "restriction": "Unrestricted", "amount_vnd": 23000000},
              {"source": "Companies", "account": "5133 Donations in kind", "restriction": "Unrestricted", "amount_vnd": 15000000},
              {"source": "No funder named (interest, other)", "account": "515 Interest income", "restriction": "Unrestricted", "amount_vnd": 150000}
            ],
            "totals": {"source": "Total receipts", "account": null, "restriction": null, "amount_vnd": 629150000}},
          {"key": "uses", "rows": [
              {"program": "Scholarships", "source": "Foreign NGOs", "account": "6111 Scholarships", "restriction": "Restricted", "amount_vnd": 36000000, "children": 24},
              {"program": "Bicycles", "source": "General funds", "account": "6115 Bicycles", "restriction": "Unrestricted", "amount_vnd": 4500000, "children": 3},
              {"program": "Health-insurance cards", "source": "General funds", "account": "6116 Health-insurance cards", "restriction": "Unrestricted", "amount_vnd": 1234567, "children": 7},
              {"program": "(no program)", "source": "General funds", "account": "6422 Office and services", "restriction": "Unrestricted", "amount_vnd": 2000000, "children": 0}
            ],
            "totals": {"program": "Total uses", "source": null, "account": null, "restriction": null, "amount_vnd": 43734567, "children": 34}},
          {"key": "result", "rows": [
              {"figure": "Receipts", "amount_vnd": 629150000},
              {"figure": "Uses", "amount_vnd": 43734567},
              {"figure": "Exchange differences (net gain)", "amount_vnd": 200000}
            ],
            "totals": {"figure": "Surplus (deficit)", "amount_vnd": 585615433}}
        ]}
        """

    // MARK: ledger

    static let ledgerTableEnglish = """
        Account register — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Account: 1121 Bank deposits in dong
        From: 2018-03-01
        To: 2018-12-31
        Amounts in VND

        Date        Entry  Reference  Description                                           Debit      Credit      Balance
        ----------  -----  ---------  -----------------------------------------------  ----------  ----------  -----------
        2018-03-01                    Opening balance                                                          520,000,000
        2018-03-05      4  BC-01      Conversion of 4000.00 USD into 91,200,000 VND    91,200,000              611,200,000
        2018-04-01      5  PC-01      Scholarships in TN: 20 child-instances                       30,000,000  581,200,000
        2018-07-02      8  PC-03      Health-insurance cards in TN: 7 child-instances               1,234,567  579,965,433
        2018-08-01      9  PC-04      Emergency support in TN: 2 child-instances                    5,000,000  574,965,433
        2018-08-02     10             Reversal of entry 9: paid twice                   5,000,000              579,965,433
        2018-09-10     11  PC-05      Scholarships in TN-TB: 4 child-instances                      6,000,000  573,965,433
        2018-10-31     12  PC-06      Office costs, October                                         2,000,000  571,965,433
        2018-11-15     14  PT-05      Receipt from AIA Việt Nam                         3,000,000              574,965,433
        2018-12-31     13  BC-02      Receipt interest                                    150,000              575,115,433
        ----------  -----  ---------  -----------------------------------------------  ----------  ----------  -----------
                                      Closing balance                                  99,350,000  44,234,567  575,115,433

        Balances are debit positive.
        """

    static let ledgerTableVietnamese = """
        Sổ chi tiết tài khoản — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Tài khoản: 1121 Tiền gửi Việt Nam đồng
        Từ ngày: 01/03/2018
        Đến ngày: 31/12/2018
        Đơn vị tính: đồng

        Ngày        Số CT  Số hiệu  Diễn giải                                                      Nợ          Có        Số dư
        ----------  -----  -------  -----------------------------------------------------  ----------  ----------  -----------
        01/03/2018                  Số dư đầu kỳ                                                                   520.000.000
        05/03/2018      4  BC-01    Bán ngoại tệ: 4.000,00 USD thu về 91.200.000 ₫         91.200.000              611.200.000
        01/04/2018      5  PC-01    Ủy nhiệm chi: Học bổng tại TN: 20 lượt trẻ em                      30.000.000  581.200.000
        02/07/2018      8  PC-03    Ủy nhiệm chi: Thẻ bảo hiểm y tế tại TN: 7 lượt trẻ em               1.234.567  579.965.433
        01/08/2018      9  PC-04    Ủy nhiệm chi: Hỗ trợ khẩn cấp tại TN: 2 lượt trẻ em                 5.000.000  574.965.433
        02/08/2018     10           Đảo bút toán 9: paid twice                              5.000.000              579.965.433
        10/09/2018     11  PC-05    Ủy nhiệm chi: Học bổng tại TN-TB: 4 lượt trẻ em                     6.000.000  573.965.433
        31/10/2018     12  PC-06    Office costs, October                                               2.000.000  571.965.433
        15/11/2018     14  PT-05    Giấy báo Có: nhận của AIA Việt Nam                      3.000.000              574.965.433
        31/12/2018     13  BC-02    Giấy báo Có: lãi tiền gửi                                 150.000              575.115.433
        ----------  -----  -------  -----------------------------------------------------  ----------  ----------  -----------
                                    Số dư cuối kỳ                                          99.350.000  44.234.567  575.115.433

        Số dư Nợ ghi dương, số dư Có ghi âm.
        """

    static let ledgerCSV = """
        date,seq,ref,memo,debit_vnd,credit_vnd,balance_vnd
        2018-03-01,,,Opening balance,,,520000000
        2018-03-05,4,BC-01,"Conversion of 4000.00 USD into 91,200,000 VND",91200000,,611200000
        2018-04-01,5,PC-01,Scholarships in TN: 20 child-instances,,30000000,581200000
        2018-07-02,8,PC-03,Health-insurance cards in TN: 7 child-instances,,1234567,579965433
        2018-08-01,9,PC-04,Emergency support in TN: 2 child-instances,,5000000,574965433
        2018-08-02,10,,Reversal of entry 9: paid twice,5000000,,579965433
        2018-09-10,11,PC-05,Scholarships in TN-TB: 4 child-instances,,6000000,573965433
        2018-10-31,12,PC-06,"Office costs, October",,2000000,571965433
        2018-11-15,14,PT-05,Receipt from AIA Việt Nam,3000000,,574965433
        2018-12-31,13,BC-02,Receipt interest,150000,,575115433
        """

    static let ledgerJSON = """
        {"parameters": {"account": "1121 Bank deposits in dong", "from": "2018-03-01", "to": "2018-12-31"},
         "tables": [
          {"key": "lines", "rows": [
              {"date": "2018-03-01", "seq": null, "ref": null, "memo": "Opening balance", "debit_vnd": null, "credit_vnd": null, "balance_vnd": 520000000},
              {"date": "2018-03-05", "seq": 4, "ref": "BC-01", "memo": "Conversion of 4000.00 USD into 91,200,000 VND", "debit_vnd": 91200000, "credit_vnd": null, "balance_vnd": 611200000},
              {"date": "2018-04-01", "seq": 5, "ref": "PC-01", "memo": "Scholarships in TN: 20 child-instances", "debit_vnd": null, "credit_vnd": 30000000, "balance_vnd": 581200000},
              {"date": "2018-07-02", "seq": 8, "ref": "PC-03", "memo": "Health-insurance cards in TN: 7 child-instances", "debit_vnd": null, "credit_vnd": 1234567, "balance_vnd": 579965433},
              {"date": "2018-08-01", "seq": 9, "ref": "PC-04", "memo": "Emergency support in TN: 2 child-instances", "debit_vnd": null, "credit_vnd": 5000000, "balance_vnd": 574965433},
              {"date": "2018-08-02", "seq": 10, "ref": null, "memo": "Reversal of entry 9: paid twice", "debit_vnd": 5000000, "credit_vnd": null, "balance_vnd": 579965433},
              {"date": "2018-09-10", "seq": 11, "ref": "PC-05", "memo": "Scholarships in TN-TB: 4 child-instances", "debit_vnd": null, "credit_vnd": 6000000, "balance_vnd": 573965433},
              {"date": "2018-10-31", "seq": 12, "ref": "PC-06", "memo": "Office costs, October", "debit_vnd": null, "credit_vnd": 2000000, "balance_vnd": 571965433},
              {"date": "2018-11-15", "seq": 14, "ref": "PT-05", "memo": "Receipt from AIA Việt Nam", "debit_vnd": 3000000, "credit_vnd": null, "balance_vnd": 574965433},
              {"date": "2018-12-31", "seq": 13, "ref": "BC-02", "memo": "Receipt interest", "debit_vnd": 150000, "credit_vnd": null, "balance_vnd": 575115433}
            ],
            "totals": {"date": null, "seq": null, "ref": null, "memo": "Closing balance", "debit_vnd": 99350000, "credit_vnd": 44234567, "balance_vnd": 575115433}}
        ]}
        """

    // MARK: grants

    static let grantsTableEnglish = """
        Grant utilization — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Through: 2018-12-31
        Amounts in VND unless another currency is shown

        Grant     Funder  Status  Restriction      Committed  Committed (VND at date)      Received   Outstanding  Received (VND)  Spent (VND)  FX effect (VND)  Available (VND)  Child-instances
        --------  ------  ------  -----------  -------------  -----------------------  ------------  ------------  --------------  -----------  ---------------  ---------------  ---------------
        KFW-2018  KFW     active  restricted   10,000.00 USD              227,500,000  4,000.00 USD  6,000.00 USD      91,000,000   36,000,000          200,000       55,200,000               24
        --------  ------  ------  -----------  -------------  -----------------------  ------------  ------------  --------------  -----------  ---------------  ---------------  ---------------
        Total                                                             227,500,000                                  91,000,000   36,000,000          200,000       55,200,000               24
        """

    static let grantsTableVietnamese = """
        Tình hình sử dụng các khoản tài trợ — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Đến ngày: 31/12/2018
        Đơn vị tính: đồng, trừ khi ghi loại tiền khác

        Khoản tài trợ  Nhà tài trợ  Trạng thái      Hạn chế           Cam kết  Cam kết (VND theo tỷ giá)       Đã nhận  Còn phải nhận  Đã nhận (VND)  Đã chi (VND)  Chênh lệch tỷ giá  Còn lại (VND)  Lượt trẻ em
        -------------  -----------  --------------  ----------  -------------  -------------------------  ------------  -------------  -------------  ------------  -----------------  -------------  -----------
        KFW-2018       KFW          đang thực hiện  Có hạn chế  10.000,00 USD                227.500.000  4.000,00 USD   6.000,00 USD     91.000.000    36.000.000            200.000     55.200.000           24
        -------------  -----------  --------------  ----------  -------------  -------------------------  ------------  -------------  -------------  ------------  -----------------  -------------  -----------
        Tổng cộng                                                                            227.500.000                                  91.000.000    36.000.000            200.000     55.200.000           24
        """

    static let grantsCSV = """
        grant,funder,status,restriction,committed,committed_currency,committed_vnd,received,received_currency,outstanding,outstanding_currency,received_vnd,spent_vnd,fx_effect_vnd,available_vnd,children
        KFW-2018,KFW,active,restricted,10000.00,USD,227500000,4000.00,USD,6000.00,USD,91000000,36000000,200000,55200000,24
        """

    static let grantsJSON = """
        {"parameters": {"through": "2018-12-31"},
         "tables": [
          {"key": "grants", "rows": [
              {"grant": "KFW-2018", "funder": "KFW", "status": "active", "restriction": "restricted", "committed": {"minor_units": 1000000, "currency": "USD"}, "committed_vnd": 227500000, "received": {"minor_units": 400000, "currency": "USD"}, "outstanding": {"minor_units": 600000, "currency": "USD"}, "received_vnd": 91000000, "spent_vnd": 36000000, "fx_effect_vnd": 200000, "available_vnd": 55200000, "children": 24}
            ],
            "totals": {"grant": "Total", "funder": null, "status": null, "restriction": null, "committed": null, "committed_vnd": 227500000, "received": null, "outstanding": null, "received_vnd": 91000000, "spent_vnd": 36000000, "fx_effect_vnd": 200000, "available_vnd": 55200000, "children": 24}}
        ]}
        """

    // MARK: donor-statement

    static let donorStatementTableEnglish = """
        Donor statement — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Funder: Kinderhilfe e.V. (KFW)
        From: 2018-01-01
        To: 2018-12-31
        Amounts in VND unless another currency is shown

        What you gave
        Date        Reference  Grant     Description                                           Amount  Rate (source, date)          In VND
        ----------  ---------  --------  ----------------------------------------------  ------------  -----------------------  ----------
        2018-03-02  PT-02      KFW-2018  Receipt from Kinderhilfe e.V. (grant KFW-2018)  4,000.00 USD  22750 (SBV, 2018-01-01)  91,000,000
        ----------  ---------  --------  ----------------------------------------------  ------------  -----------------------  ----------
        Total                                                                            4,000.00 USD                           91,000,000

        Your grants and what remains
        Grant         Committed      Received   Outstanding  Spent (VND)  FX effect (VND)  Remaining (VND)     Remaining  Child-instances
        --------  -------------  ------------  ------------  -----------  ---------------  ---------------  ------------  ---------------
        KFW-2018  10,000.00 USD  4,000.00 USD  6,000.00 USD   36,000,000          200,000       55,200,000  2,421.05 USD               25

        Where it went
        Program       Place          Spent (VND)  Child-instances
        ------------  -------------  -----------  ---------------
        Scholarships  Tỉnh Tây Ninh   30,000,000               20
        Scholarships  Xã Tân Biên      6,000,000               <5
        ------------  -------------  -----------  ---------------
        Total                         36,000,000               25

        Money given without a grant joins the fund's unrestricted money; what it paid for is in the fund's statement of receipts and uses.
        Child-instances are rounded to the nearest 5; fewer than 5 are shown as <5, and a total that would reveal them is hidden.
        Amounts in USD are converted at the rate of each receipt's date, from the source shown.

        Ledger digest (entry 14): DIGEST
        Check with: cpf verify --at 14 --digest DIGEST
        """

    static let donorStatementTableVietnamese = """
        Báo cáo cho nhà tài trợ — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Nhà tài trợ: Kinderhilfe e.V. (KFW)
        Từ ngày: 01/01/2018
        Đến ngày: 31/12/2018
        Đơn vị tính: đồng, trừ khi ghi loại tiền khác

        Các khoản đã tài trợ
        Ngày        Số hiệu  Khoản tài trợ  Diễn giải                                                        Số tiền nguyên tệ  Tỷ giá (nguồn, ngày)      Quy đổi VND
        ----------  -------  -------------  ---------------------------------------------------------------  -----------------  ------------------------  -----------
        02/03/2018  PT-02    KFW-2018       Giấy báo Có: nhận của Kinderhilfe e.V. (khoản tài trợ KFW-2018)       4.000,00 USD  22.750 (SBV, 01/01/2018)   91.000.000
        ----------  -------  -------------  ---------------------------------------------------------------  -----------------  ------------------------  -----------
        Tổng cộng                                                                                                 4.000,00 USD                             91.000.000

        Các khoản tài trợ và số còn lại
        Khoản tài trợ        Cam kết       Đã nhận  Còn phải nhận  Đã chi (VND)  Chênh lệch tỷ giá  Còn lại (VND)  Còn lại nguyên tệ  Lượt trẻ em
        -------------  -------------  ------------  -------------  ------------  -----------------  -------------  -----------------  -----------
        KFW-2018       10.000,00 USD  4.000,00 USD   6.000,00 USD    36.000.000            200.000     55.200.000       2.421,05 USD           25

        Sử dụng vào đâu
        Chương trình  Địa bàn        Đã chi (VND)  Lượt trẻ em
        ------------  -------------  ------------  -----------
        Học bổng      Tỉnh Tây Ninh    30.000.000           20
        Học bổng      Xã Tân Biên       6.000.000           <5
        ------------  -------------  ------------  -----------
        Tổng cộng                      36.000.000           25

        Khoản tài trợ không theo thỏa thuận được dùng chung với nguồn không hạn chế của quỹ.
        Số lượt trẻ em được làm tròn đến bội số gần nhất của 5; số dưới 5 ghi là <5, tổng nào để lộ số đó thì được ẩn.
        Số tiền USD được quy đổi theo tỷ giá ngày nhận, theo nguồn ghi bên cạnh.

        Mã xác thực sổ (bút toán 14): DIGEST
        Kiểm tra: cpf verify --at 14 --digest DIGEST
        """

    static let donorStatementCSV = """
        section,date,ref,grant,memo,amount,amount_currency,rate,amount_vnd,committed,committed_currency,received,received_currency,outstanding,outstanding_currency,spent_vnd,fx_effect_vnd,available_vnd,remaining,remaining_currency,children,program,unit
        given,2018-03-02,PT-02,KFW-2018,Receipt from Kinderhilfe e.V. (grant KFW-2018),4000.00,USD,"22750 (SBV, 2018-01-01)",91000000,,,,,,,,,,,,,,
        grants,,,KFW-2018,,,,,,10000.00,USD,4000.00,USD,6000.00,USD,36000000,200000,55200000,2421.05,USD,25,,
        uses,,,,,,,,,,,,,,,30000000,,,,,20,Scholarships,Tỉnh Tây Ninh
        uses,,,,,,,,,,,,,,,6000000,,,,,<5,Scholarships,Xã Tân Biên
        """

    static let donorStatementJSON = """
        {"parameters": {"funder": "Kinderhilfe e.V. (KFW)", "from": "2018-01-01", "to": "2018-12-31"},
         "tables": [
          {"key": "given", "rows": [
              {"date": "2018-03-02", "ref": "PT-02", "grant": "KFW-2018", "memo": "Receipt from Kinderhilfe e.V. (grant KFW-2018)", "amount": {"minor_units": 400000, "currency": "USD"}, "rate": "22750 (SBV, 2018-01-01)", "amount_vnd": 91000000}
            ],
            "totals": {"date": "Total", "ref": null, "grant": null, "memo": null, "amount": {"minor_units": 400000, "currency": "USD"}, "rate": null, "amount_vnd": 91000000}},
          {"key": "grants", "rows": [
              {"grant": "KFW-2018", "committed": {"minor_units": 1000000, "currency": "USD"}, "received": {"minor_units": 400000, "currency": "USD"}, "outstanding": {"minor_units": 600000, "currency": "USD"}, "spent_vnd": 36000000, "fx_effect_vnd": 200000, "available_vnd": 55200000, "remaining": {"minor_units": 242105, "currency": "USD"}, "children": 25}
            ]},
          {"key": "uses", "rows": [
              {"program": "Scholarships", "unit": "Tỉnh Tây Ninh", "spent_vnd": 30000000, "children": 20},
              {"program": "Scholarships", "unit": "Xã Tân Biên", "spent_vnd": 6000000, "children": "<5"}
            ],
            "totals": {"program": "Total", "unit": null, "spent_vnd": 36000000, "children": 25}}
        ]}
        """

    // MARK: plan-vs-actual

    static let planVsActualTableEnglish = """
        Plan versus actual — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Years: 2018
        Amounts in VND

        Program       Source             Plan      Actual  Achieved
        ------------  -----------  ----------  ----------  --------
        Scholarships  All sources  40,000,000  36,000,000    90.0 %

        Actual is spending: net debits of expense accounts, of the program and paid from the source a plan names.
        """

    static let planVsActualTableVietnamese = """
        Kế hoạch và thực hiện — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Năm: 2018
        Đơn vị tính: đồng

        Chương trình  Nguồn           Kế hoạch   Thực hiện  Tỷ lệ đạt
        ------------  ------------  ----------  ----------  ---------
        Học bổng      Tất cả nguồn  40.000.000  36.000.000     90,0 %

        Thực hiện là số đã chi của chương trình và nguồn mà kế hoạch nêu.
        """

    static let planVsActualCSV = """
        program,source,plan_vnd,actual_vnd,percent
        Scholarships,All sources,40000000,36000000,90.0
        """

    static let planVsActualJSON = """
        {"parameters": {"years": "2018"},
         "tables": [
          {"key": "plans", "rows": [
              {"program": "Scholarships", "source": "All sources", "plan_vnd": 40000000, "actual_vnd": 36000000, "percent": {"part": 36000000, "whole": 40000000}}
            ]}
        ]}
        """

    // MARK: reach

    static let reachTableEnglish = """
        Beneficiary reach — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        From: 2018-01-01
        To: 2018-12-31
        Amounts in VND

        Program                 Unit               Child-instances       Spent
        ----------------------  -----------------  ---------------  ----------
        Bicycles                TN Tỉnh Tây Ninh                <5   4,500,000
        Health-insurance cards  TN Tỉnh Tây Ninh                 5   1,234,567
        Scholarships            TN Tỉnh Tây Ninh                20  30,000,000
        Scholarships            TN-TB Xã Tân Biên               <5   6,000,000
        ----------------------  -----------------  ---------------  ----------
        Total                                                   35  41,734,567

        A child helped once counts one child-instance (lượt trẻ em). Child-instances are rounded to the nearest 5; fewer than 5 are shown as <5, and a total that would reveal them is hidden.

        Ledger digest (entry 14): DIGEST
        Check with: cpf verify --at 14 --digest DIGEST
        """

    static let reachTableVietnamese = """
        Số lượt trẻ em được hỗ trợ — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Từ ngày: 01/01/2018
        Đến ngày: 31/12/2018
        Đơn vị tính: đồng

        Chương trình       Địa bàn            Lượt trẻ em     Số tiền
        -----------------  -----------------  -----------  ----------
        Học bổng           TN Tỉnh Tây Ninh            20  30.000.000
        Học bổng           TN-TB Xã Tân Biên           <5   6.000.000
        Thẻ bảo hiểm y tế  TN Tỉnh Tây Ninh             5   1.234.567
        Xe đạp             TN Tỉnh Tây Ninh            <5   4.500.000
        -----------------  -----------------  -----------  ----------
        Tổng cộng                                      35  41.734.567

        Mỗi lần hỗ trợ một trẻ tính là một lượt. Số lượt trẻ em được làm tròn đến bội số gần nhất của 5; số dưới 5 ghi là <5, tổng nào để lộ số đó thì được ẩn.

        Mã xác thực sổ (bút toán 14): DIGEST
        Kiểm tra: cpf verify --at 14 --digest DIGEST
        """

    static let reachCSV = """
        program,unit,children,spent_vnd
        Bicycles,TN Tỉnh Tây Ninh,<5,4500000
        Health-insurance cards,TN Tỉnh Tây Ninh,5,1234567
        Scholarships,TN Tỉnh Tây Ninh,20,30000000
        Scholarships,TN-TB Xã Tân Biên,<5,6000000
        """

    static let reachJSON = """
        {"parameters": {"from": "2018-01-01", "to": "2018-12-31"},
         "tables": [
          {"key": "reach", "rows": [
              {"program": "Bicycles", "unit": "TN Tỉnh Tây Ninh", "children": "<5", "spent_vnd": 4500000},
              {"program": "Health-insurance cards", "unit": "TN Tỉnh Tây Ninh", "children": 5, "spent_vnd": 1234567},
              {"program": "Scholarships", "unit": "TN Tỉnh Tây Ninh", "children": 20, "spent_vnd": 30000000},
              {"program": "Scholarships", "unit": "TN-TB Xã Tân Biên", "children": "<5", "spent_vnd": 6000000}
            ],
            "totals": {"program": "Total", "unit": null, "children": 35, "spent_vnd": 41734567}}
        ]}
        """

    // MARK: disclosure

    static let disclosureTableEnglish = """
        Public disclosure 2018 — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Year: 2018
        Due by: 2019-03-31
        Amounts in VND

        What the fund received
        Donor                      Source                    Money     In kind        Total
        -------------------------  ------------------  -----------  ----------  -----------
        AIA Việt Nam               Companies            23,000,000  15,000,000   38,000,000
        Ngân sách tỉnh Thử nghiệm  Local state budget  500,000,000           0  500,000,000
        Kinderhilfe e.V.           Foreign NGOs         91,000,000           0   91,000,000
        Interest income            Other sources           150,000           0      150,000
        -------------------------  ------------------  -----------  ----------  -----------
        Total                                          614,150,000  15,000,000  629,150,000

        What it was used for
        Program                      Spent  Child-instances
        ----------------------  ----------  ---------------
        Scholarships            36,000,000               25
        Bicycles                 4,500,000               <5
        Office and services      2,000,000                0
        Health-insurance cards   1,234,567                5
        ----------------------  ----------  ---------------
        Total                   43,734,567               35

        Published by 31 March of the following year, as the fund's rules require. Child-instances are rounded to the nearest 5; fewer than 5 are shown as <5, and a total that would reveal them is hidden.

        Ledger digest (entry 14): DIGEST
        Check with: cpf verify --at 14 --digest DIGEST
        """

    static let disclosureTableVietnamese = """
        Công khai tài chính năm 2018 — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Năm: 2018
        Hạn công bố: 31/03/2019
        Đơn vị tính: đồng

        Các khoản tiếp nhận
        Nhà tài trợ                Nguồn                               Bằng tiền  Bằng hiện vật         Cộng
        -------------------------  --------------------------------  -----------  -------------  -----------
        AIA Việt Nam               Doanh nghiệp                       23.000.000     15.000.000   38.000.000
        Ngân sách tỉnh Thử nghiệm  Ngân sách địa phương              500.000.000              0  500.000.000
        Kinderhilfe e.V.           Tổ chức phi chính phủ nước ngoài   91.000.000              0   91.000.000
        Thu lãi tiền gửi           Nguồn khác                            150.000              0      150.000
        -------------------------  --------------------------------  -----------  -------------  -----------
        Tổng cộng                                                    614.150.000     15.000.000  629.150.000

        Sử dụng
        Chương trình             Số tiền  Lượt trẻ em
        --------------------  ----------  -----------
        Học bổng              36.000.000           25
        Xe đạp                 4.500.000           <5
        Văn phòng và dịch vụ   2.000.000            0
        Thẻ bảo hiểm y tế      1.234.567            5
        --------------------  ----------  -----------
        Tổng cộng             43.734.567           35

        Công khai trước ngày 31 tháng 3 năm sau theo quy định. Số lượt trẻ em được làm tròn đến bội số gần nhất của 5; số dưới 5 ghi là <5, tổng nào để lộ số đó thì được ẩn.

        Mã xác thực sổ (bút toán 14): DIGEST
        Kiểm tra: cpf verify --at 14 --digest DIGEST
        """

    static let disclosureCSV = """
        section,donor,source,money_vnd,in_kind_vnd,total_vnd,program,spent_vnd,children
        receipts,AIA Việt Nam,Companies,23000000,15000000,38000000,,,
        receipts,Ngân sách tỉnh Thử nghiệm,Local state budget,500000000,0,500000000,,,
        receipts,Kinderhilfe e.V.,Foreign NGOs,91000000,0,91000000,,,
        receipts,Interest income,Other sources,150000,0,150000,,,
        uses,,,,,,Scholarships,36000000,25
        uses,,,,,,Bicycles,4500000,<5
        uses,,,,,,Office and services,2000000,0
        uses,,,,,,Health-insurance cards,1234567,5
        """

    static let disclosureJSON = """
        {"parameters": {"year": "2018", "due_by": "2019-03-31"},
         "tables": [
          {"key": "receipts", "rows": [
              {"donor": "AIA Việt Nam", "source": "Companies", "money_vnd": 23000000, "in_kind_vnd": 15000000, "total_vnd": 38000000},
              {"donor": "Ngân sách tỉnh Thử nghiệm", "source": "Local state budget", "money_vnd": 500000000, "in_kind_vnd": 0, "total_vnd": 500000000},
              {"donor": "Kinderhilfe e.V.", "source": "Foreign NGOs", "money_vnd": 91000000, "in_kind_vnd": 0, "total_vnd": 91000000},
              {"donor": "Interest income", "source": "Other sources", "money_vnd": 150000, "in_kind_vnd": 0, "total_vnd": 150000}
            ],
            "totals": {"donor": "Total", "source": null, "money_vnd": 614150000, "in_kind_vnd": 15000000, "total_vnd": 629150000}},
          {"key": "uses", "rows": [
              {"program": "Scholarships", "spent_vnd": 36000000, "children": 25},
              {"program": "Bicycles", "spent_vnd": 4500000, "children": "<5"},
              {"program": "Office and services", "spent_vnd": 2000000, "children": 0},
              {"program": "Health-insurance cards", "spent_vnd": 1234567, "children": 5}
            ],
            "totals": {"program": "Total", "spent_vnd": 43734567, "children": 35}}
        ]}
        """

    // MARK: management-cap

    static let managementCapTableEnglish = """
        Management-cost cap — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Year: 2018
        Status: within the cap
        Share of qualifying revenue: 1.8 %
        Amounts in VND

        Figure                                 Amount
        --------------------------------  -----------
        Revenue of the year               629,150,000
        less state-budget support         500,000,000
        less in-kind aid                   15,000,000
        less designated support                     0
        Qualifying revenue                114,150,000
        Cap (10 % of qualifying revenue)   11,415,000
        Management costs                    2,000,000
        Headroom (cap − costs)              9,415,000

        Rule: management costs may not exceed 10 % of the year's revenue, counting neither designated support, nor in-kind aid, nor state-budget support.
        """

    static let managementCapTableVietnamese = """
        Mức trần chi phí quản lý — Quỹ Bảo trợ trẻ em tỉnh Thử nghiệm
        Năm: 2018
        Tình trạng: trong mức trần
        Tỷ lệ trên số thu làm căn cứ: 1,8 %
        Đơn vị tính: đồng

        Chỉ tiêu                               Số tiền
        ---------------------------------  -----------
        Tổng thu trong năm                 629.150.000
        trừ hỗ trợ từ ngân sách nhà nước   500.000.000
        trừ tài trợ bằng hiện vật           15.000.000
        trừ hỗ trợ theo địa chỉ                      0
        Số thu làm căn cứ                  114.150.000
        Mức trần (10 % số thu làm căn cứ)   11.415.000
        Chi phí quản lý                      2.000.000
        Còn trong mức trần                   9.415.000

        Quy định: chi phí quản lý không vượt quá 10 % số thu trong năm, không tính hỗ trợ theo địa chỉ, hiện vật và ngân sách nhà nước.
        """

    static let managementCapCSV = """
        figure,amount_vnd
        Revenue of the year,629150000
        less state-budget support,500000000
        less in-kind aid,15000000
        less designated support,0
        Qualifying revenue,114150000
        Cap (10 % of qualifying revenue),11415000
        Management costs,2000000
        Headroom (cap − costs),9415000
        """

    static let managementCapJSON = """
        {"parameters": {"year": "2018", "status": "within the cap", "share_of_qualifying_revenue": {"part": 2000000, "whole": 114150000}},
         "tables": [
          {"key": "cap", "rows": [
              {"figure": "Revenue of the year", "amount_vnd": 629150000},
              {"figure": "less state-budget support", "amount_vnd": 500000000},
              {"figure": "less in-kind aid", "amount_vnd": 15000000},
              {"figure": "less designated support", "amount_vnd": 0},
              {"figure": "Qualifying revenue", "amount_vnd": 114150000},
              {"figure": "Cap (10 % of qualifying revenue)", "amount_vnd": 11415000},
              {"figure": "Management costs", "amount_vnd": 2000000},
              {"figure": "Headroom (cap − costs)", "amount_vnd": 9415000}
            ]}
        ]}
        """
}

extension ReportCase {
    private static func make(_ name: String, _ arguments: [String], isPublic: Bool = false, english: String, vietnamese: String, csv: String,
                             json: String, charts: [String: [Chart]] = [:], showsHealthInsurance: Bool = false) -> ReportCase {
        ReportCase(name: name, arguments: [name] + arguments, isPublic: isPublic, table: ["en": english, "vi": vietnamese], csv: csv, json: json,
                   charts: charts, showsHealthInsurance: showsHealthInsurance)
    }

    typealias E = ExpectedReports

    static let all: [ReportCase] = [
        make("trial-balance", ["--to", "2018-12-31"], english: E.trialBalanceTableEnglish, vietnamese: E.trialBalanceTableVietnamese,
             csv: E.trialBalanceCSV, json: E.trialBalanceJSON, showsHealthInsurance: true),
        make("financial-position", ["--at", "2018-12-31"], english: E.financialPositionTableEnglish, vietnamese: E.financialPositionTableVietnamese,
             csv: E.financialPositionCSV, json: E.financialPositionJSON),
        make("activities", ["--year", "2018"], english: E.activitiesTableEnglish, vietnamese: E.activitiesTableVietnamese,
             csv: E.activitiesCSV, json: E.activitiesJSON, charts: [
                "en": [Chart(texts: ["Receipts by source", "Local state budget", "500,000,000 VND", "Foreign NGOs", "91,000,000 VND", "Companies", "38,000,000 VND",
                                     "No funder named (interest, other)", "150,000 VND"], values: [500_000_000, 91_000_000, 38_000_000, 150_000]),
                       Chart(texts: ["Uses by program", "Scholarships", "36,000,000 VND", "Bicycles", "4,500,000 VND", "(no program)", "2,000,000 VND",
                                     "Health-insurance cards", "1,234,567 VND"], values: [36_000_000, 4_500_000, 2_000_000, 1_234_567])],
                "vi": [Chart(texts: ["Thu theo nguồn", "Ngân sách địa phương", "500.000.000 ₫", "Tổ chức phi chính phủ nước ngoài", "91.000.000 ₫", "Doanh nghiệp", "38.000.000 ₫",
                                     "Không ghi nhà tài trợ (lãi, khác)", "150.000 ₫"], values: [500_000_000, 91_000_000, 38_000_000, 150_000]),
                       Chart(texts: ["Chi theo chương trình", "Học bổng", "36.000.000 ₫", "Xe đạp", "4.500.000 ₫", "(không theo chương trình)", "2.000.000 ₫",
                                     "Thẻ bảo hiểm y tế", "1.234.567 ₫"], values: [36_000_000, 4_500_000, 2_000_000, 1_234_567])],
             ], showsHealthInsurance: true),
        make("ledger", ["--account", "1121", "--from", "2018-03-01", "--to", "2018-12-31"], english: E.ledgerTableEnglish, vietnamese: E.ledgerTableVietnamese,
             csv: E.ledgerCSV, json: E.ledgerJSON, showsHealthInsurance: true),
        make("grants", ["--to", "2018-12-31"], english: E.grantsTableEnglish, vietnamese: E.grantsTableVietnamese, csv: E.grantsCSV, json: E.grantsJSON, charts: [
                // Overlaid bars (no 13 px bars to measure here; SVGChartTests measures them):
                // the legend, the grant and its available money.
                "en": [Chart(texts: ["Grants in VND: committed, received, spent and available", "Committed", "Received", "Spent", "Available",
                                     "KFW-2018 · KFW", "55,200,000 VND"], values: [])],
                "vi": [Chart(texts: ["Các khoản tài trợ (VND): cam kết, đã nhận, đã chi và còn lại", "Cam kết", "Đã nhận", "Đã chi", "Còn lại",
                                     "KFW-2018 · KFW", "55.200.000 ₫"], values: [])],
             ]),
        make("donor-statement", ["--funder", "KFW", "--year", "2018"], isPublic: true, english: E.donorStatementTableEnglish,
             vietnamese: E.donorStatementTableVietnamese, csv: E.donorStatementCSV, json: E.donorStatementJSON, charts: [
                "en": [Chart(texts: ["Where your money went, by program", "Scholarships", "36,000,000 VND"], values: [36_000_000])],
                "vi": [Chart(texts: ["Tiền tài trợ theo chương trình", "Học bổng", "36.000.000 ₫"], values: [36_000_000])],
             ]),
        make("plan-vs-actual", ["--year", "2018"], english: E.planVsActualTableEnglish, vietnamese: E.planVsActualTableVietnamese,
             csv: E.planVsActualCSV, json: E.planVsActualJSON, charts: [
                "en": [Chart(texts: ["Plan and actual", "Plan", "Actual", "Scholarships", "40,000,000 VND", "36,000,000 VND"], values: [40_000_000, 36_000_000])],
                "vi": [Chart(texts: ["Kế hoạch và thực hiện", "Kế hoạch", "Thực hiện", "Học bổng", "40.000.000 ₫", "36.000.000 ₫"], values: [40_000_000, 36_000_000])],
             ]),
        make("reach", ["--year", "2018", "--by", "program,unit"], isPublic: true, english: E.reachTableEnglish, vietnamese: E.reachTableVietnamese,
             csv: E.reachCSV, json: E.reachJSON, charts: [
                // Bars measure what is shown (24 → 25, 7 → 5, 3 → "<5", drawn as nothing), not
                // the true counts: a bar must not give away what its label hides.
                "en": [Chart(texts: ["Child-instances by program", "Scholarships", "25", "Health-insurance cards", "5", "Bicycles", "<5"], values: [25, 5, 0])],
                "vi": [Chart(texts: ["Lượt trẻ em theo chương trình", "Học bổng", "25", "Thẻ bảo hiểm y tế", "5", "Xe đạp", "<5"], values: [25, 5, 0])],
             ], showsHealthInsurance: true),
        make("disclosure", ["--year", "2018"], isPublic: true, english: E.disclosureTableEnglish, vietnamese: E.disclosureTableVietnamese,
             csv: E.disclosureCSV, json: E.disclosureJSON, charts: [
                "en": [Chart(texts: ["Received by source", "Companies", "38,000,000 VND", "Local state budget", "500,000,000 VND", "Foreign NGOs", "91,000,000 VND",
                                     "Other sources", "150,000 VND"], values: [38_000_000, 500_000_000, 91_000_000, 150_000]),
                       Chart(texts: ["Used by program", "Scholarships", "36,000,000 VND", "Bicycles", "4,500,000 VND", "Office and services", "2,000,000 VND",
                                     "Health-insurance cards", "1,234,567 VND"], values: [36_000_000, 4_500_000, 2_000_000, 1_234_567])],
                "vi": [Chart(texts: ["Tiếp nhận theo nguồn", "Doanh nghiệp", "38.000.000 ₫", "Ngân sách địa phương", "500.000.000 ₫", "Tổ chức phi chính phủ nước ngoài",
                                     "91.000.000 ₫", "Nguồn khác", "150.000 ₫"], values: [38_000_000, 500_000_000, 91_000_000, 150_000]),
                       Chart(texts: ["Sử dụng theo chương trình", "Học bổng", "36.000.000 ₫", "Xe đạp", "4.500.000 ₫", "Văn phòng và dịch vụ", "2.000.000 ₫",
                                     "Thẻ bảo hiểm y tế", "1.234.567 ₫"], values: [36_000_000, 4_500_000, 2_000_000, 1_234_567])],
             ], showsHealthInsurance: true),
        make("management-cap", ["--year", "2018"], english: E.managementCapTableEnglish, vietnamese: E.managementCapTableVietnamese,
             csv: E.managementCapCSV, json: E.managementCapJSON),
    ]
}
