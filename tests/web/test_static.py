"""The page's files: CSP-compatible HTML, no HTML-from-strings APIs in the script, and the
vendored map data with its licences."""

from __future__ import annotations

import json
import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "src" / "tidings" / "web"


def _code(js: str) -> str:
    return re.sub(r"//[^\n]*", "", js)


def test_script_never_parses_html_from_strings() -> None:
    code = _code((WEB / "app.js").read_text(encoding="utf-8"))
    for api in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute(\"on", ".on" + "error"):
        assert api not in code, api
    assert "textContent" in code and "createElement" in code


def test_page_has_no_inline_script_style_or_handlers() -> None:
    html = (WEB / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script\b[^>]*>", html) == [
        '<script src="/static/vendor/topojson-client/topojson-client.min.js" defer>', '<script src="/static/app.js" defer>']
    assert not re.search(r"<script[^>]*>\s*[^<\s]", html)  # no inline code
    assert not re.search(r"\son[a-z]+\s*=", html) and "style=" not in html and "<style" not in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing from another origin


def test_vendored_map_data_and_licences() -> None:
    topo = json.loads((WEB / "vendor" / "world-atlas" / "countries-110m.json").read_text(encoding="utf-8"))
    assert topo["type"] == "Topology" and len(topo["objects"]["countries"]["geometries"]) > 150
    for pkg in ("world-atlas", "topojson-client"):
        assert "Permission to use, copy, modify" in (WEB / "vendor" / pkg / "LICENSE").read_text(encoding="utf-8")
    note = (WEB / "vendor" / "VENDORED.md").read_text(encoding="utf-8")
    assert "world-atlas | 2.0.2" in note and "topojson-client | 3.1.0" in note
