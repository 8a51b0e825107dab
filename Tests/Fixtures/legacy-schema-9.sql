-- A ledger written by cpf at schema version 9 (commit 9431ae8), before facts were chained:
-- entries of form cpf-entry-v1, one with beneficiary codes. Made with that commit's cpf:
--   init, unit add TN, funder add AIA, post PT-1 (50,000,000 from AIA), post PC-1 (3 scholarships,
--   codes TN-0001…TN-0003), settings set management-cap-percent 8; then sqlite3 .dump.
-- Tests set PRAGMA application_id = 1129334321 after loading it.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migration (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    applied_at  TEXT NOT NULL
) STRICT;
INSERT INTO schema_migration VALUES(1,'001_currencies_and_accounts','4af764046c4f25c95ca7de9422ba6a2d0315a25666d317d83f968a3180798883','2026-12-05T00:55:31.151Z');
INSERT INTO schema_migration VALUES(2,'002_registries','d07e8e17b24d2ff2a2e46e251a9bed4968ca2284a4f424e71cd9f9a7ed88bd13','2026-12-05T00:55:31.151Z');
INSERT INTO schema_migration VALUES(3,'003_journal','c785a349ed843a9c15894850fca85e9ae0a771f9b6feb9ca2a80fbe22be6c947','2026-12-05T00:55:31.151Z');
INSERT INTO schema_migration VALUES(4,'004_balances','6975bb67236fe144e62fd1dbb1bae85f2a2d287b40e5f9503b27fe833c9f19a9','2026-12-05T00:55:31.151Z');
INSERT INTO schema_migration VALUES(5,'005_change_log','92e50aabe3aaa0d6f7f735a8dc450207073808d03e470a4d70fe666f893d9c7c','2026-12-05T00:55:31.151Z');
INSERT INTO schema_migration VALUES(6,'006_funding','6f27e8e1a22f78dee1e8c0f14a95779c4519d0f068cc3088c31b372e05e65013','2026-12-05T00:55:31.151Z');
INSERT INTO schema_migration VALUES(7,'007_controls','34f2855d5733b07b3345076945c7c069a6f1fcfa8cac993ed0e2396ecdc787b9','2026-12-05T00:55:31.151Z');
INSERT INTO schema_migration VALUES(8,'008_grant_totals_index','becb0c496546f2ef16c15afe599bd0b63d7b41292baf6506b33dbb2e50b0e553','2026-12-05T00:55:31.151Z');
INSERT INTO schema_migration VALUES(9,'009_holdings_by_day','3db2a67737b36ea44996413d896fc9bdcff5cd57aae039d8b4e64064374c76a2','2026-12-05T00:55:31.151Z');
CREATE TABLE ledger_meta (
    key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
    value TEXT NOT NULL CHECK (length(value) <= 1000)
) STRICT;
INSERT INTO ledger_meta VALUES('setting.fx-revaluation','forbidden');
INSERT INTO ledger_meta VALUES('setting.goods-account','156');
INSERT INTO ledger_meta VALUES('setting.in-kind-revenue-account','5133');
INSERT INTO ledger_meta VALUES('setting.fx-difference-account','413');
INSERT INTO ledger_meta VALUES('setting.management-account','642');
INSERT INTO ledger_meta VALUES('setting.management-cap-percent','8');
INSERT INTO ledger_meta VALUES('setting.approval-threshold','none');
INSERT INTO ledger_meta VALUES('created_at','2026-12-05T00:55:31.151Z');
INSERT INTO ledger_meta VALUES('created_by','ketoan');
INSERT INTO ledger_meta VALUES('fund_name','Quỹ Bảo trợ trẻ em tỉnh Tây Ninh');
INSERT INTO ledger_meta VALUES('ledger_id','048189ec-f9c6-4a9c-a7da-41400af7bd65');
CREATE TABLE currency (
    code           TEXT PRIMARY KEY CHECK (length(code) = 3 AND code = upper(code)),
    exponent       INTEGER NOT NULL CHECK (exponent BETWEEN 0 AND 4),
    name_en        TEXT NOT NULL,
    name_vi        TEXT NOT NULL
) STRICT;
INSERT INTO currency VALUES('VND',0,'Vietnamese dong','Đồng Việt Nam');
INSERT INTO currency VALUES('USD',2,'US dollar','Đô la Mỹ');
INSERT INTO currency VALUES('EUR',2,'Euro','Euro');
INSERT INTO currency VALUES('GBP',2,'Pound sterling','Bảng Anh');
INSERT INTO currency VALUES('JPY',0,'Japanese yen','Yên Nhật');
INSERT INTO currency VALUES('KRW',0,'South Korean won','Won Hàn Quốc');
INSERT INTO currency VALUES('AUD',2,'Australian dollar','Đô la Úc');
INSERT INTO currency VALUES('CAD',2,'Canadian dollar','Đô la Canada');
INSERT INTO currency VALUES('CHF',2,'Swiss franc','Franc Thụy Sĩ');
INSERT INTO currency VALUES('CNY',2,'Chinese yuan','Nhân dân tệ');
INSERT INTO currency VALUES('SGD',2,'Singapore dollar','Đô la Singapore');
INSERT INTO currency VALUES('THB',2,'Thai baht','Baht Thái');
INSERT INTO currency VALUES('HKD',2,'Hong Kong dollar','Đô la Hồng Kông');
INSERT INTO currency VALUES('TWD',2,'New Taiwan dollar','Đô la Đài Loan');
INSERT INTO currency VALUES('NZD',2,'New Zealand dollar','Đô la New Zealand');
INSERT INTO currency VALUES('SEK',2,'Swedish krona','Krona Thụy Điển');
INSERT INTO currency VALUES('NOK',2,'Norwegian krone','Krone Na Uy');
INSERT INTO currency VALUES('DKK',2,'Danish krone','Krone Đan Mạch');
CREATE TABLE account (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20 AND code NOT GLOB '*[^0-9A-Za-z]*'),
    name_vi     TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
    name_en     TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    type        TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'net-assets', 'revenue', 'expense')),
    currency    TEXT NOT NULL DEFAULT 'VND' REFERENCES currency (code),
    parent_id   INTEGER REFERENCES account (id),
    opened_at   TEXT NOT NULL,
    closed_on   TEXT CHECK (closed_on IS NULL OR date(closed_on) = closed_on),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
INSERT INTO account VALUES(1,'111','Tiền mặt','Cash on hand','asset','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(2,'1111','Tiền Việt Nam','Cash in dong','asset','VND',1,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(3,'1112','Ngoại tệ','Cash in foreign currency (USD)','asset','USD',1,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(4,'112','Tiền gửi ngân hàng, kho bạc','Bank and treasury deposits','asset','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(5,'1121','Tiền gửi Việt Nam đồng','Bank deposits in dong','asset','VND',4,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(6,'1122','Tiền gửi ngoại tệ','Bank deposits in foreign currency (USD)','asset','USD',4,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(7,'121','Tiền gửi có kỳ hạn (sổ tiết kiệm)','Term deposits (savings books)','asset','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(8,'138','Phải thu khác','Other receivables','asset','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(9,'141','Tạm ứng','Advances to staff','asset','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(10,'156','Hàng hóa nhận tài trợ chờ phân phát','Goods received in kind held for distribution','asset','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(11,'211','Tài sản cố định hữu hình','Fixed assets','asset','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(12,'214','Hao mòn tài sản cố định','Accumulated depreciation','asset','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(13,'331','Phải trả cho người bán','Payables to suppliers','liability','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(14,'334','Phải trả người lao động','Payables to employees','liability','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(15,'337','Tạm thu','Received, not yet recognized','liability','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(16,'3371','Kinh phí ngân sách nhà nước tạm thu','State-budget funds received, not yet recognized','liability','VND',15,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(17,'3372','Viện trợ nước ngoài tạm thu','Foreign aid received, not yet recognized','liability','VND',15,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(18,'3378','Tạm thu khác','Other amounts received, not yet recognized','liability','VND',15,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(19,'338','Phải trả khác','Other payables','liability','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(20,'413','Chênh lệch tỷ giá hối đoái','Foreign exchange differences','net-assets','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(21,'421','Thặng dư (thâm hụt) lũy kế','Accumulated surplus (deficit)','net-assets','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(22,'4211','Tài sản thuần không hạn chế','Net assets without restrictions','net-assets','VND',21,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(23,'4212','Tài sản thuần có hạn chế','Net assets with restrictions','net-assets','VND',21,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(24,'511','Thu từ ngân sách nhà nước','State budget revenue','revenue','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(25,'5111','Ngân sách Trung ương cấp','Central state budget','revenue','VND',24,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(26,'5112','Ngân sách địa phương cấp','Local state budget','revenue','VND',24,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(27,'512','Thu viện trợ nước ngoài','Foreign aid revenue','revenue','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(28,'5121','Viện trợ của tổ chức phi chính phủ nước ngoài','Aid from foreign NGOs','revenue','VND',27,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(29,'5122','Viện trợ của cá nhân nước ngoài','Aid from foreign individuals','revenue','VND',27,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(30,'513','Thu tài trợ trong nước','Domestic donations','revenue','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(31,'5131','Tài trợ của doanh nghiệp','Donations from companies','revenue','VND',30,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(32,'5132','Tài trợ của cá nhân','Donations from individuals','revenue','VND',30,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(33,'5133','Tài trợ bằng hiện vật','Donations in kind','revenue','VND',30,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(34,'5138','Tài trợ của tổ chức khác','Donations from other organizations','revenue','VND',30,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(35,'515','Thu lãi tiền gửi','Interest income','revenue','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(36,'518','Thu hợp pháp khác','Other lawful income','revenue','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(37,'611','Chi hỗ trợ trẻ em','Support to children (program expenses)','expense','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(38,'6111','Học bổng','Scholarships','expense','VND',37,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(39,'6112','Sữa và dinh dưỡng','Milk and nutrition','expense','VND',37,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(40,'6113','Nhà ở','Houses','expense','VND',37,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(41,'6114','Quà tặng (Tết, 1/6, Trung thu)','Gifts (Tết, Children''s Day, Mid-Autumn)','expense','VND',37,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(42,'6115','Xe đạp','Bicycles','expense','VND',37,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(43,'6116','Thẻ bảo hiểm y tế','Health-insurance cards','expense','VND',37,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(44,'6117','Hỗ trợ khẩn cấp','Emergency support','expense','VND',37,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(45,'6118','Tư vấn, can thiệp, kỹ năng','Counselling, intervention and life skills','expense','VND',37,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(46,'6119','Hỗ trợ khác','Other support','expense','VND',37,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(47,'642','Chi phí quản lý quỹ','Fund management costs','expense','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(48,'6421','Tiền lương và phụ cấp','Salaries and allowances','expense','VND',47,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(49,'6422','Văn phòng và dịch vụ','Office and services','expense','VND',47,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(50,'6428','Chi phí quản lý khác','Other management costs','expense','VND',47,'2026-12-05T00:55:31.151Z',NULL);
INSERT INTO account VALUES(51,'811','Chi phí khác','Other expenses','expense','VND',NULL,'2026-12-05T00:55:31.151Z',NULL);
CREATE TABLE exchange_rate (
    currency     TEXT NOT NULL REFERENCES currency (code) CHECK (currency <> 'VND'),
    rate_date    TEXT NOT NULL CHECK (date(rate_date) = rate_date),
    rate         TEXT NOT NULL CHECK (rate GLOB '[0-9]*' AND rate NOT GLOB '*[^0-9.]*' AND length(rate) <= 30),
    source       TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (currency, rate_date)
) STRICT, WITHOUT ROWID;
CREATE TABLE funder (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        TEXT NOT NULL CHECK (kind IN ('government-central', 'government-local', 'ngo', 'company', 'individual', 'other')),
    currency    TEXT NOT NULL DEFAULT 'VND' REFERENCES currency (code),
    country     TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;
INSERT INTO funder VALUES(1,'AIA','AIA Việt Nam','company','VND',NULL,'2026-12-05T00:55:31.174Z','ketoan');
CREATE TABLE program (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    name_vi             TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
    name_en             TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    expense_account_id  INTEGER REFERENCES account (id),
    created_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL
) STRICT;
INSERT INTO program VALUES(1,'scholarship','Học bổng','Scholarships',38,'2026-12-05T00:55:31.151Z','ketoan');
INSERT INTO program VALUES(2,'milk','Sữa và dinh dưỡng','Milk and nutrition',39,'2026-12-05T00:55:31.151Z','ketoan');
INSERT INTO program VALUES(3,'house','Nhà ở','Houses',40,'2026-12-05T00:55:31.151Z','ketoan');
INSERT INTO program VALUES(4,'gift','Quà tặng (Tết, 1/6, Trung thu)','Gifts (Tết, Children''s Day, Mid-Autumn)',41,'2026-12-05T00:55:31.151Z','ketoan');
INSERT INTO program VALUES(5,'bicycle','Xe đạp','Bicycles',42,'2026-12-05T00:55:31.151Z','ketoan');
INSERT INTO program VALUES(6,'health-insurance','Thẻ bảo hiểm y tế','Health-insurance cards',43,'2026-12-05T00:55:31.151Z','ketoan');
INSERT INTO program VALUES(7,'emergency','Hỗ trợ khẩn cấp','Emergency support',44,'2026-12-05T00:55:31.151Z','ketoan');
INSERT INTO program VALUES(8,'counselling','Tư vấn, can thiệp','Counselling and intervention',45,'2026-12-05T00:55:31.151Z','ketoan');
INSERT INTO program VALUES(9,'swimming','Lớp học bơi','Swimming classes',45,'2026-12-05T00:55:31.151Z','ketoan');
INSERT INTO program VALUES(10,'other','Hỗ trợ khác','Other support',46,'2026-12-05T00:55:31.151Z','ketoan');
CREATE TABLE org_unit (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    level           TEXT NOT NULL CHECK (level IN ('national', 'province', 'district', 'commune', 'other')),
    parent_id       INTEGER REFERENCES org_unit (id),
    effective_from  TEXT CHECK (effective_from IS NULL OR date(effective_from) = effective_from),
    effective_to    TEXT CHECK (effective_to IS NULL OR date(effective_to) = effective_to),
    merged_into_id  INTEGER REFERENCES org_unit (id),
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    CHECK (effective_from IS NULL OR effective_to IS NULL OR effective_from <= effective_to),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
INSERT INTO org_unit VALUES(1,'TN','Tỉnh Tây Ninh','province',NULL,NULL,NULL,NULL,'2026-12-05T00:55:31.167Z','ketoan');
CREATE TABLE IF NOT EXISTS "grant" (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    funder_id   INTEGER NOT NULL REFERENCES funder (id),
    currency    TEXT NOT NULL REFERENCES currency (code),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;
CREATE TABLE goods_item (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    name_vi     TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
    name_en     TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    unit        TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 40),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;
CREATE TABLE entry (
    seq           INTEGER PRIMARY KEY CHECK (seq >= 1),
    kind          TEXT NOT NULL DEFAULT 'journal' CHECK (kind = 'journal' OR kind = 'period-close' OR kind = 'period-reopen'),
    entry_date    TEXT NOT NULL CHECK (date(entry_date) = entry_date),
    memo          TEXT NOT NULL CHECK (length(memo) <= 500),
    external_ref  TEXT CHECK (external_ref IS NULL OR length(external_ref) BETWEEN 1 AND 100),
    posted_by     TEXT NOT NULL CHECK (length(posted_by) BETWEEN 1 AND 100),
    posted_at     TEXT NOT NULL CHECK (length(posted_at) = 24),
    approved_by   TEXT CHECK (approved_by IS NULL OR length(approved_by) BETWEEN 1 AND 100),
    approved_at   TEXT CHECK (approved_at IS NULL OR length(approved_at) = 24),
    reverses_seq  INTEGER REFERENCES entry (seq) CHECK (reverses_seq IS NULL OR reverses_seq < seq),
    hash          BLOB NOT NULL CHECK (length(hash) = 32),
    CHECK ((approved_by IS NULL) = (approved_at IS NULL))
) STRICT;
INSERT INTO entry VALUES(1,'journal','2018-06-01','Tài trợ','PT-1','ketoan','2026-12-05T00:55:31.182Z',NULL,NULL,NULL,X'6af3978040ef9149b49e15ed81c5e5ddcad7b1d3b533ab0ede7f641d32cb9f3f');
INSERT INTO entry VALUES(2,'journal','2018-06-05','Học bổng','PC-1','ketoan','2026-12-05T00:55:31.191Z',NULL,NULL,NULL,X'2722cd0be894aba2e4e5b1eb0ab07a81d67775c2f10f7c0b984c16f57f8e66d7');
CREATE TABLE line (
    entry_seq       INTEGER NOT NULL,
    line_no         INTEGER NOT NULL CHECK (line_no BETWEEN 1 AND 1000),
    account_id      INTEGER NOT NULL REFERENCES account (id),
    amount_vnd      INTEGER NOT NULL CHECK (amount_vnd <> 0 AND abs(amount_vnd) <= 999999999999999),
    currency        TEXT REFERENCES currency (code) CHECK (currency IS NULL OR currency <> 'VND'),
    amount_foreign  INTEGER CHECK (amount_foreign IS NULL OR abs(amount_foreign) <= 999999999999999),
    rate            TEXT,
    rate_date       TEXT CHECK (rate_date IS NULL OR date(rate_date) = rate_date),
    rate_source     TEXT CHECK (rate_source IS NULL OR length(rate_source) BETWEEN 1 AND 100),
    funder_id       INTEGER REFERENCES funder (id),
    grant_id        INTEGER REFERENCES "grant" (id),
    program_id      INTEGER REFERENCES program (id),
    unit_id         INTEGER REFERENCES org_unit (id),
    restriction     TEXT NOT NULL DEFAULT 'unrestricted' CHECK (restriction = 'unrestricted' OR restriction = 'restricted' OR restriction = 'designated'),
    item_id         INTEGER REFERENCES goods_item (id),
    quantity        INTEGER,
    children        INTEGER CHECK (children IS NULL OR (children <> 0 AND abs(children) <= 10000000)),
    memo            TEXT CHECK (memo IS NULL OR length(memo) BETWEEN 1 AND 500),
    PRIMARY KEY (entry_seq, line_no),
    CHECK (currency IS NULL OR (amount_foreign IS NOT NULL AND rate IS NOT NULL AND rate_date IS NOT NULL AND rate_source IS NOT NULL)),
    CHECK (currency IS NOT NULL OR (amount_foreign IS NULL AND rate IS NULL AND rate_date IS NULL AND rate_source IS NULL)),
    CHECK (amount_foreign IS NULL OR (amount_foreign <> 0 AND (amount_foreign > 0) = (amount_vnd > 0))),
    CHECK ((item_id IS NULL) = (quantity IS NULL)),
    CHECK (quantity IS NULL OR (quantity <> 0 AND (quantity > 0) = (amount_vnd > 0))),
    CHECK (children IS NULL OR (children > 0) = (amount_vnd > 0)),
    CHECK (restriction = 'unrestricted' OR grant_id IS NOT NULL)
) STRICT, WITHOUT ROWID;
INSERT INTO line VALUES(1,1,5,50000000,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'unrestricted',NULL,NULL,NULL,NULL);
INSERT INTO line VALUES(1,2,32,-50000000,NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,'unrestricted',NULL,NULL,NULL,NULL);
INSERT INTO line VALUES(2,1,38,3000000,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,1,'unrestricted',NULL,NULL,3,NULL);
INSERT INTO line VALUES(2,2,5,-3000000,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'unrestricted',NULL,NULL,NULL,NULL);
CREATE TABLE beneficiary_code (
    entry_seq  INTEGER NOT NULL,
    line_no    INTEGER NOT NULL,
    code       TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    PRIMARY KEY (entry_seq, line_no, code),
    FOREIGN KEY (entry_seq, line_no) REFERENCES line (entry_seq, line_no)
) STRICT, WITHOUT ROWID;
INSERT INTO beneficiary_code VALUES(2,1,'TN-0001');
INSERT INTO beneficiary_code VALUES(2,1,'TN-0002');
INSERT INTO beneficiary_code VALUES(2,1,'TN-0003');
CREATE TABLE balance_day (
    day_key      INTEGER NOT NULL CHECK (day_key BETWEEN 19000101 AND 21991231),  -- yyyymmdd
    account_id   INTEGER NOT NULL REFERENCES account (id),
    debit_vnd    INTEGER NOT NULL CHECK (debit_vnd >= 0),
    credit_vnd   INTEGER NOT NULL CHECK (credit_vnd >= 0),
    foreign_net  INTEGER NOT NULL,
    line_count   INTEGER NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (day_key, account_id)
) STRICT, WITHOUT ROWID;
INSERT INTO balance_day VALUES(20180601,5,50000000,0,0,1);
INSERT INTO balance_day VALUES(20180601,32,0,50000000,0,1);
INSERT INTO balance_day VALUES(20180605,5,0,3000000,0,1);
INSERT INTO balance_day VALUES(20180605,38,3000000,0,0,1);
CREATE TABLE balance_month (
    month_key    INTEGER NOT NULL CHECK (month_key BETWEEN 190001 AND 219912),    -- yyyymm
    account_id   INTEGER NOT NULL REFERENCES account (id),
    debit_vnd    INTEGER NOT NULL CHECK (debit_vnd >= 0),
    credit_vnd   INTEGER NOT NULL CHECK (credit_vnd >= 0),
    foreign_net  INTEGER NOT NULL,
    line_count   INTEGER NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (month_key, account_id)
) STRICT, WITHOUT ROWID;
INSERT INTO balance_month VALUES(201806,5,50000000,3000000,0,2);
INSERT INTO balance_month VALUES(201806,32,0,50000000,0,1);
INSERT INTO balance_month VALUES(201806,38,3000000,0,0,1);
CREATE TABLE change_log (
    id          INTEGER PRIMARY KEY,
    changed_at  TEXT NOT NULL CHECK (length(changed_at) = 24),
    changed_by  TEXT NOT NULL CHECK (length(changed_by) BETWEEN 1 AND 100),
    action      TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
    subject     TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    entry_seq   INTEGER REFERENCES entry (seq),
    detail      TEXT NOT NULL CHECK (length(detail) <= 2000)
) STRICT;
INSERT INTO change_log VALUES(1,'2026-12-05T00:55:31.167Z','ketoan','unit-add','unit:TN',NULL,'province Tỉnh Tây Ninh');
INSERT INTO change_log VALUES(2,'2026-12-05T00:55:31.174Z','ketoan','funder-add','funder:AIA',NULL,'company VND AIA Việt Nam');
INSERT INTO change_log VALUES(3,'2026-12-05T00:55:31.200Z','ketoan','setting','setting:management-cap-percent',NULL,'10 → 8');
CREATE TABLE grant_terms (
    grant_id         INTEGER NOT NULL REFERENCES "grant" (id),
    version          INTEGER NOT NULL CHECK (version >= 1),
    effective_on     TEXT NOT NULL CHECK (date(effective_on) = effective_on),
    committed_minor  INTEGER NOT NULL CHECK (committed_minor > 0 AND committed_minor <= 999999999999999),
    valid_from       TEXT CHECK (valid_from IS NULL OR date(valid_from) = valid_from),
    valid_to         TEXT CHECK (valid_to IS NULL OR date(valid_to) = valid_to),
    designated       INTEGER NOT NULL CHECK (designated IN (0, 1)),
    status           TEXT NOT NULL CHECK (status IN ('pledged', 'active', 'closed', 'cancelled')),
    purpose          TEXT NOT NULL CHECK (length(purpose) <= 500),
    reason           TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    recorded_by      TEXT NOT NULL,
    recorded_at      TEXT NOT NULL,
    PRIMARY KEY (grant_id, version),
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
) STRICT, WITHOUT ROWID;
CREATE TABLE grant_terms_program (
    grant_id    INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    program_id  INTEGER NOT NULL REFERENCES program (id),
    PRIMARY KEY (grant_id, version, program_id),
    FOREIGN KEY (grant_id, version) REFERENCES grant_terms (grant_id, version)
) STRICT, WITHOUT ROWID;
CREATE TABLE grant_terms_unit (
    grant_id  INTEGER NOT NULL,
    version   INTEGER NOT NULL,
    unit_id   INTEGER NOT NULL REFERENCES org_unit (id),
    PRIMARY KEY (grant_id, version, unit_id),
    FOREIGN KEY (grant_id, version) REFERENCES grant_terms (grant_id, version)
) STRICT, WITHOUT ROWID;
CREATE TABLE grant_tranche (
    grant_id      INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    due_on        TEXT NOT NULL CHECK (date(due_on) = due_on),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (grant_id, version, due_on),
    FOREIGN KEY (grant_id, version) REFERENCES grant_terms (grant_id, version)
) STRICT, WITHOUT ROWID;
CREATE TABLE plan (
    year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199),
    program_code  TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('', 'government-central', 'government-local', 'ngo', 'company', 'individual', 'other')),
    amount_vnd    INTEGER NOT NULL CHECK (amount_vnd >= 0 AND amount_vnd <= 999999999999999),
    set_by        TEXT NOT NULL,
    set_at        TEXT NOT NULL,
    PRIMARY KEY (year, program_code, source)
) STRICT, WITHOUT ROWID;
CREATE TABLE dimension_month (
    month_key     INTEGER NOT NULL CHECK (month_key BETWEEN 190001 AND 219912),
    account_id    INTEGER NOT NULL REFERENCES account (id),
    funder_id     INTEGER NOT NULL,
    grant_id      INTEGER NOT NULL,
    program_id    INTEGER NOT NULL,
    unit_id       INTEGER NOT NULL,
    item_id       INTEGER NOT NULL,
    restriction   TEXT NOT NULL,
    currency      TEXT NOT NULL,
    debit_vnd     INTEGER NOT NULL CHECK (debit_vnd >= 0),
    credit_vnd    INTEGER NOT NULL CHECK (credit_vnd >= 0),
    foreign_net   INTEGER NOT NULL,
    quantity_net  INTEGER NOT NULL,
    children_net  INTEGER NOT NULL,
    line_count    INTEGER NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (month_key, account_id, funder_id, grant_id, program_id, unit_id, item_id, restriction, currency)
) STRICT, WITHOUT ROWID;
INSERT INTO dimension_month VALUES(201806,5,0,0,0,0,0,'unrestricted','',50000000,3000000,0,0,0,2);
INSERT INTO dimension_month VALUES(201806,32,1,0,0,0,0,'unrestricted','',0,50000000,0,0,0,1);
INSERT INTO dimension_month VALUES(201806,38,0,0,1,1,0,'unrestricted','',3000000,0,0,0,3,1);
CREATE TABLE period_lock (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    locked_through  TEXT CHECK (locked_through IS NULL OR date(locked_through) = locked_through),
    set_by_seq      INTEGER NOT NULL REFERENCES entry (seq)
) STRICT;
CREATE TABLE pending_entry (
    id               INTEGER PRIMARY KEY,
    entry_date       TEXT NOT NULL CHECK (date(entry_date) = entry_date),
    memo             TEXT NOT NULL,
    external_ref     TEXT,
    total_debit_vnd  INTEGER NOT NULL CHECK (total_debit_vnd > 0),
    draft            TEXT NOT NULL,
    submitted_by     TEXT NOT NULL CHECK (length(submitted_by) BETWEEN 1 AND 100),
    submitted_at     TEXT NOT NULL CHECK (length(submitted_at) = 24),
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by       TEXT CHECK (decided_by IS NULL OR length(decided_by) BETWEEN 1 AND 100),
    decided_at       TEXT CHECK (decided_at IS NULL OR length(decided_at) = 24),
    decision_note    TEXT,
    entry_seq        INTEGER REFERENCES entry (seq),
    CHECK ((status = 'approved') = (entry_seq IS NOT NULL)),
    CHECK ((status = 'pending') = (decided_by IS NULL)),
    CHECK ((decided_by IS NULL) = (decided_at IS NULL))
) STRICT;
CREATE TABLE grant_allocation (
    grant_id      INTEGER NOT NULL REFERENCES "grant" (id),
    program_id    INTEGER NOT NULL REFERENCES program (id),
    unit_id       INTEGER NOT NULL CHECK (unit_id >= 0),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0 AND amount_minor <= 999999999999999),
    set_by        TEXT NOT NULL,
    set_at        TEXT NOT NULL,
    PRIMARY KEY (grant_id, program_id, unit_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE holding_day (
    kind        INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
    subject_id  INTEGER NOT NULL,
    day_key     INTEGER NOT NULL CHECK (day_key BETWEEN 19000101 AND 21991231),
    net         INTEGER NOT NULL,
    value_vnd   INTEGER NOT NULL,
    valuations  INTEGER NOT NULL CHECK (valuations >= 0),
    line_count  INTEGER NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (kind, subject_id, day_key)
) STRICT, WITHOUT ROWID;
INSERT INTO holding_day VALUES(1,5,20180601,50000000,50000000,0,1);
INSERT INTO holding_day VALUES(1,5,20180605,-3000000,-3000000,0,1);
CREATE TABLE holding_total (
    kind        INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
    subject_id  INTEGER NOT NULL,
    net         INTEGER NOT NULL,
    value_vnd   INTEGER NOT NULL,
    valuations  INTEGER NOT NULL CHECK (valuations >= 0),
    line_count  INTEGER NOT NULL CHECK (line_count >= 0),
    last_day    INTEGER NOT NULL CHECK (last_day BETWEEN 19000101 AND 21991231),
    PRIMARY KEY (kind, subject_id)
) STRICT, WITHOUT ROWID;
INSERT INTO holding_total VALUES(1,5,47000000,47000000,0,2,20180605);
CREATE TABLE journal_extent (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    dong           INTEGER NOT NULL CHECK (dong >= 0),
    foreign_minor  INTEGER NOT NULL CHECK (foreign_minor >= 0),
    quantity       INTEGER NOT NULL CHECK (quantity >= 0),
    children       INTEGER NOT NULL CHECK (children >= 0)
) STRICT;
INSERT INTO journal_extent VALUES(1,106000000,0,0,3);
CREATE INDEX account_parent ON account (parent_id) WHERE parent_id IS NOT NULL;
CREATE TRIGGER account_code_is_fixed BEFORE UPDATE OF code, type, currency ON account
WHEN OLD.code IS NOT NEW.code OR OLD.type IS NOT NEW.type OR OLD.currency IS NOT NEW.currency
BEGIN
    SELECT RAISE(ABORT, 'an account''s code, type and currency never change; close it and add a new account');
END;
CREATE TRIGGER account_is_never_deleted BEFORE DELETE ON account
BEGIN
    SELECT RAISE(ABORT, 'accounts are never deleted; close the account instead');
END;
CREATE TRIGGER exchange_rate_is_fixed BEFORE UPDATE ON exchange_rate
BEGIN
    SELECT RAISE(ABORT, 'a recorded exchange rate never changes; entries cite it');
END;
CREATE TRIGGER exchange_rate_is_never_deleted BEFORE DELETE ON exchange_rate
BEGIN
    SELECT RAISE(ABORT, 'a recorded exchange rate is never deleted; entries cite it');
END;
CREATE TRIGGER funder_code_is_fixed BEFORE UPDATE OF code, kind ON funder
WHEN OLD.code IS NOT NEW.code OR OLD.kind IS NOT NEW.kind
BEGIN SELECT RAISE(ABORT, 'a funder''s code and kind never change; they are part of posted entries'); END;
CREATE TRIGGER program_code_is_fixed BEFORE UPDATE OF code ON program WHEN OLD.code IS NOT NEW.code
BEGIN SELECT RAISE(ABORT, 'a program''s code never changes; it is part of posted entries'); END;
CREATE TRIGGER org_unit_code_is_fixed BEFORE UPDATE OF code ON org_unit WHEN OLD.code IS NOT NEW.code
BEGIN SELECT RAISE(ABORT, 'an org unit''s code never changes; it is part of posted entries'); END;
CREATE TRIGGER grant_is_fixed BEFORE UPDATE ON "grant"
BEGIN SELECT RAISE(ABORT, 'a grant''s code, funder and currency never change; amend its terms instead'); END;
CREATE TRIGGER goods_item_code_is_fixed BEFORE UPDATE OF code, unit ON goods_item
WHEN OLD.code IS NOT NEW.code OR OLD.unit IS NOT NEW.unit
BEGIN SELECT RAISE(ABORT, 'a goods item''s code and unit never change; they are part of posted entries'); END;
CREATE TRIGGER funder_is_never_deleted BEFORE DELETE ON funder
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
CREATE TRIGGER program_is_never_deleted BEFORE DELETE ON program
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
CREATE TRIGGER org_unit_is_never_deleted BEFORE DELETE ON org_unit
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
CREATE TRIGGER grant_is_never_deleted BEFORE DELETE ON "grant"
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
CREATE TRIGGER goods_item_is_never_deleted BEFORE DELETE ON goods_item
BEGIN SELECT RAISE(ABORT, 'registry rows are never deleted'); END;
CREATE UNIQUE INDEX entry_external_ref ON entry (external_ref) WHERE external_ref IS NOT NULL;
CREATE UNIQUE INDEX entry_reverses ON entry (reverses_seq) WHERE reverses_seq IS NOT NULL;
CREATE INDEX entry_date ON entry (entry_date);
CREATE TRIGGER entry_is_immutable BEFORE UPDATE ON entry
BEGIN
    SELECT RAISE(ABORT, 'posted entries are immutable; post a reversing entry (cpf reverse) instead');
END;
CREATE TRIGGER entry_is_never_deleted BEFORE DELETE ON entry
BEGIN
    SELECT RAISE(ABORT, 'posted entries are never deleted; post a reversing entry (cpf reverse) instead');
END;
CREATE TRIGGER line_is_immutable BEFORE UPDATE ON line
BEGIN
    SELECT RAISE(ABORT, 'posted lines are immutable; post a reversing entry (cpf reverse) instead');
END;
CREATE TRIGGER line_is_never_deleted BEFORE DELETE ON line
BEGIN
    SELECT RAISE(ABORT, 'posted lines are never deleted; post a reversing entry (cpf reverse) instead');
END;
CREATE TRIGGER beneficiary_code_is_immutable BEFORE UPDATE ON beneficiary_code
BEGIN
    SELECT RAISE(ABORT, 'posted entries are immutable');
END;
CREATE TRIGGER beneficiary_code_is_never_deleted BEFORE DELETE ON beneficiary_code
BEGIN
    SELECT RAISE(ABORT, 'posted entries are never deleted');
END;
CREATE INDEX change_log_entry ON change_log (entry_seq) WHERE entry_seq IS NOT NULL;
CREATE INDEX change_log_user ON change_log (changed_by, changed_at);
CREATE TRIGGER change_log_is_append_only BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER change_log_is_never_deleted BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER grant_terms_are_fixed BEFORE UPDATE ON grant_terms
BEGIN SELECT RAISE(ABORT, 'grant terms are never changed; amend the grant (cpf grant amend) instead'); END;
CREATE TRIGGER grant_terms_are_never_deleted BEFORE DELETE ON grant_terms
BEGIN SELECT RAISE(ABORT, 'grant terms are never deleted; amend the grant (cpf grant amend) instead'); END;
CREATE TRIGGER grant_terms_program_is_fixed BEFORE UPDATE ON grant_terms_program
BEGIN SELECT RAISE(ABORT, 'grant terms are never changed'); END;
CREATE TRIGGER grant_terms_program_is_never_deleted BEFORE DELETE ON grant_terms_program
BEGIN SELECT RAISE(ABORT, 'grant terms are never deleted'); END;
CREATE TRIGGER grant_terms_unit_is_fixed BEFORE UPDATE ON grant_terms_unit
BEGIN SELECT RAISE(ABORT, 'grant terms are never changed'); END;
CREATE TRIGGER grant_terms_unit_is_never_deleted BEFORE DELETE ON grant_terms_unit
BEGIN SELECT RAISE(ABORT, 'grant terms are never deleted'); END;
CREATE TRIGGER grant_tranche_is_fixed BEFORE UPDATE ON grant_tranche
BEGIN SELECT RAISE(ABORT, 'grant terms are never changed'); END;
CREATE TRIGGER grant_tranche_is_never_deleted BEFORE DELETE ON grant_tranche
BEGIN SELECT RAISE(ABORT, 'grant terms are never deleted'); END;
CREATE INDEX dimension_month_item ON dimension_month (item_id) WHERE item_id <> 0;
CREATE TRIGGER entry_outside_closed_periods BEFORE INSERT ON entry
WHEN NEW.kind = 'journal' AND NEW.entry_date <= (SELECT locked_through FROM period_lock WHERE id = 1)
BEGIN
    SELECT RAISE(ABORT, 'this entry is dated in a closed period; reopen the period first (cpf period reopen)');
END;
CREATE UNIQUE INDEX pending_entry_reference ON pending_entry (external_ref) WHERE external_ref IS NOT NULL AND status = 'pending';
CREATE TRIGGER pending_entry_is_decided_once BEFORE UPDATE ON pending_entry
WHEN OLD.status <> 'pending'
  OR NEW.entry_date IS NOT OLD.entry_date OR NEW.memo IS NOT OLD.memo OR NEW.external_ref IS NOT OLD.external_ref
  OR NEW.total_debit_vnd IS NOT OLD.total_debit_vnd OR NEW.draft IS NOT OLD.draft
  OR NEW.submitted_by IS NOT OLD.submitted_by OR NEW.submitted_at IS NOT OLD.submitted_at
BEGIN
    SELECT RAISE(ABORT, 'a pending entry is decided once and never changed');
END;
CREATE TRIGGER pending_entry_is_never_deleted BEFORE DELETE ON pending_entry
BEGIN
    SELECT RAISE(ABORT, 'pending entries are never deleted; reject one with cpf approve --reject');
END
;
CREATE INDEX dimension_month_grant ON dimension_month (grant_id, month_key, account_id, currency, debit_vnd, credit_vnd, foreign_net, children_net)
WHERE grant_id <> 0;
COMMIT;
