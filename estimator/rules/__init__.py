"""The rules of the tariff: from a plan and the tariff to an estimate (spec/tariff-rules.md)."""
