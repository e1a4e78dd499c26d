"""Printed paper: bag labels, the pickup sheet, household cards and the supplier's order sheet.

Drawn with reportlab into PDFs with the bundled CJK font embedded; no Qt. Every writer takes
`progress(done, total)` and `should_cancel()` callables and writes its PDF to a temporary file
that is moved into place only when finished.
"""
