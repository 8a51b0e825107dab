-- Statement of cash flows, direct method (báo cáo lưu chuyển tiền tệ, phương pháp trực tiếp),
-- from :from through :to.
--
-- Cash is every cash and bank account (codes 111…, 112…, 113…), in dong. Only entries that
-- move cash count, and in each of them the cash that moved equals, to the dong, minus the sum
-- of its other lines (every entry sums to zero). So each other line is the cash flow it
-- explains, and a section is the sum of its lines:
--   receipt     a revenue line, by the funder's kind ('' when the line names none);
--   payment     an expense line, by program ('' when none);
--   management  an expense line on the management heading (:management_account and below);
--   transfer    money passed to or received from another fund of the network (:transfer_out,
--               :transfer_in and below), by account;
--   exchange    the exchange-difference account (:fx_account): conversions, revaluations;
--   other       any other line (advances received, receivables, …), by account.
-- Transfers between two cash or bank accounts have no other line and add nothing. Opening and
-- closing balances are the cash and bank lines before :from and through :to; opening plus the
-- sections equals closing, which equals the financial position's cash and bank at :to.
--
-- Those other lines' sums are maintained by month (cash_flow_month, ledger-schema/012), and
-- `cpf verify` proves them equal to the lines: the whole months of the period, :whole_from_month
-- through :whole_to_month (yyyymm), are read there, and only the days before and after them,
-- :from through :head_to and :tail_from through :to, from the lines (none when the period is
-- whole months).
WITH cash AS (
    SELECT id FROM account
    WHERE type = 'asset' AND (code LIKE '111%' OR code LIKE '112%' OR code LIKE '113%')
),
-- The entries of the days outside the whole months that move cash, each once.
moving AS (
    SELECT e.seq AS entry_seq
    FROM entry e
    WHERE (e.entry_date BETWEEN :from AND :head_to OR e.entry_date BETWEEN :tail_from AND :to)
      AND EXISTS (SELECT 1 FROM line c WHERE c.entry_seq = e.seq AND c.account_id IN (SELECT id FROM cash))
),
-- Their other lines, and the whole months' sums, by what classifies them, before any text is
-- compared.
flows AS (
    SELECT account_id, funder_id, program_id, sum(amount_vnd) AS amount_vnd
    FROM (
        SELECT account_id, funder_id, program_id, amount_vnd
        FROM cash_flow_month
        WHERE month_key BETWEEN :whole_from_month AND :whole_to_month
        UNION ALL
        SELECT l.account_id, coalesce(l.funder_id, 0), coalesce(l.program_id, 0), l.amount_vnd
        FROM moving m JOIN line l ON l.entry_seq = m.entry_seq
        WHERE l.account_id NOT IN (SELECT id FROM cash)
    )
    GROUP BY account_id, funder_id, program_id
)
SELECT CASE
           WHEN a.code = :fx_account THEN 'exchange'
           WHEN substr(a.code, 1, length(:transfer_out)) = :transfer_out OR substr(a.code, 1, length(:transfer_in)) = :transfer_in THEN 'transfer'
           WHEN a.type = 'revenue' THEN 'receipt'
           WHEN a.type = 'expense' AND substr(a.code, 1, length(:management_account)) = :management_account THEN 'management'
           WHEN a.type = 'expense' THEN 'payment'
           ELSE 'other'
       END AS section,
       CASE
           WHEN a.code = :fx_account THEN ''
           WHEN substr(a.code, 1, length(:transfer_out)) = :transfer_out OR substr(a.code, 1, length(:transfer_in)) = :transfer_in THEN a.code
           WHEN a.type = 'revenue' THEN coalesce(f.kind, '')
           WHEN a.type = 'expense' AND substr(a.code, 1, length(:management_account)) = :management_account THEN ''
           WHEN a.type = 'expense' THEN coalesce(p.code, '')
           ELSE a.code
       END AS subject,
       -sum(t.amount_vnd) AS cash_vnd
FROM flows t
JOIN account a ON a.id = t.account_id
LEFT JOIN funder f ON f.id = t.funder_id
LEFT JOIN program p ON p.id = t.program_id
GROUP BY section, subject
HAVING cash_vnd <> 0
ORDER BY CASE section WHEN 'receipt' THEN 1 WHEN 'payment' THEN 2 WHEN 'management' THEN 3 WHEN 'transfer' THEN 4 WHEN 'exchange' THEN 5 ELSE 6 END, subject;
