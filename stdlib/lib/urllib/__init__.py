"""urllib: URL handling (parse only)."""
