"""The workshop edition: a printable A4 PDF built from the same sources as the site."""
