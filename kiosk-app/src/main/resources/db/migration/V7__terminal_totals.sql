-- A terminal's end of day gives one count (every transaction it booked: sales, reversed ones
-- included, reversals, refunds) and one sum (the net that stayed charged), not sales and reversals
-- apart: the reconciliation keeps what the terminal said. terminal_transaction_count is -1 when the
-- terminal did not tell it, and null (with terminal_net_fen) when it gave no totals.
ALTER TABLE payment_reconciliation RENAME COLUMN terminal_sale_count TO terminal_transaction_count;
ALTER TABLE payment_reconciliation RENAME COLUMN terminal_sale_fen TO terminal_net_fen;
ALTER TABLE payment_reconciliation DROP COLUMN terminal_reversal_count;
ALTER TABLE payment_reconciliation DROP COLUMN terminal_reversal_fen;
