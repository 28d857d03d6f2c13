"""HKP estimator: benefits of DKV BestMed Premium BM5 / 0-3 for a dental treatment plan (no Qt here)."""

__version__ = "0.1.0"
