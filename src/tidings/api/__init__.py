"""HTTP API and web page over the event store (``tidings serve``; needs ``tidings[api]``).

    from tidings.api import ApiSettings, create_app
    app = create_app(ApiSettings(db="sqlite:///tidings.db"))
"""

from __future__ import annotations

from .app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
