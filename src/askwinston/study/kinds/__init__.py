"""Card generators, one module a kind:
dates, numbers, quotes, people, reasons, order."""
