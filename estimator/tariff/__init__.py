"""The tariff: price lists and the tariff profile, read from pricelists/."""
