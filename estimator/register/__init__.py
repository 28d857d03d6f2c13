"""The case register: every saved case of every patient in one SQLite file, and the staged-cap history from it."""
