"""Translations: `.ts` sources and the `.qm` files built from them (packaging/i18n.py)."""
