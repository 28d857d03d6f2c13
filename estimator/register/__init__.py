"""The case register (estimator.register.store) with its error and its limits, which the command line needs
before it opens the register."""

MAX_RESULTS = 50_000  # rows one search returns; more are left to a narrower search
MAX_SEARCH = 200  # characters of a search text
MAX_NUMBER = (1 << 63) - 1  # the largest case number SQLite can hold


class RegisterError(Exception):
    """The register cannot be used or changed as asked; the message says why in German."""
