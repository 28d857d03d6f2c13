"""Reading plans: HKP workbooks (checked before they are parsed) and saved case files."""
