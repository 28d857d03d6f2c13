"""HKP estimator: benefits of a private dental tariff for a treatment plan; the tariff itself is data in pricelists/ (no Qt here)."""

__version__ = "0.1.0"
