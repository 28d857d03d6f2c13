"""The desktop application (PySide6): plan tables, person panel, explanations, tooth chart, PDF export."""
