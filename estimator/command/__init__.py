"""The `hkp` command line and its batch mode."""
