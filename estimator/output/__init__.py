"""Writing estimates: PDF letter, workbook, JSON and terminal text, and their wording."""
