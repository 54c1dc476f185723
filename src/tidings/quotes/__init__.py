"""Quotations, reported speech and who said them; in-document mention resolution."""

from .mentions import Resolver, resolve_mention

__all__ = ["Resolver", "resolve_mention"]
