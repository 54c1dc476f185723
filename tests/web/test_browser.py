"""The web page in headless Chromium (Debian's chromium + chromium-driver, driven by Selenium)
against a server started here on a free loopback port. Screenshots go to test-artifacts/web/.

Skipped where Chromium is missing, except in CI (CI=true), where .ci/browser.sh installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("selenium")

from api_data import XSS_ACTOR, XSS_TEXT, XSS_TITLE, build_store  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("TIDINGS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("TIDINGS_CHROMEDRIVER", "/usr/bin/chromedriver")
ARTIFACTS = Path(os.environ.get("TIDINGS_TEST_ARTIFACTS", "test-artifacts")) / "web"
DOC_SHOTS = {"1-timeline": "web-timeline.png", "4-event": "web-event.png"}
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000")


def _need_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests need {missing} (.ci/browser.sh installs chromium and chromium-driver)")
        pytest.skip(f"browser tests need {missing}: apt-get install chromium chromium-driver")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from tidings.api import ApiSettings, create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}"
    build_store(url)
    port = _free_port()
    config = uvicorn.Config(create_app(ApiSettings(db=url)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    print(f"\nbrowser screenshots: {ARTIFACTS.resolve()}")
    yield driver
    driver.quit()


def _wait(driver: Any, what: str, cond: Any, timeout: float = 15.0) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: cond(d))
    except Exception:
        shot(driver, f"FAILED-{what}")
        raise


def shot(driver: Any, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    assert driver.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    docs = os.environ.get("TIDINGS_DOCS_SHOTS")
    if docs and name in DOC_SHOTS:  # refresh the pictures of docs/web.md: TIDINGS_DOCS_SHOTS=docs pytest tests/web
        shutil.copy(path, Path(docs) / DOC_SHOTS[name])
    return path


def _loads(driver: Any) -> int:
    return int(driver.find_element("tag name", "body").get_attribute("data-loads") or 0)


def _open(driver: Any, base: str) -> None:
    driver.get(base + "/")
    _wait(driver, "ready", lambda d: d.find_element("tag name", "body").get_attribute("data-ready") == "true")
    _wait(driver, "map", lambda d: d.find_element("id", "map").get_attribute("data-loaded") == "true")


def _rows(driver: Any) -> list[Any]:
    return list(driver.find_elements("css selector", "[data-testid=timeline-row]"))


def _apply(driver: Any) -> None:
    before = _loads(driver)
    driver.find_element("css selector", "[data-testid=f-apply]").click()
    _wait(driver, "reload", lambda d: _loads(d) > before)


def _set(driver: Any, testid: str, value: str) -> None:
    el = driver.find_element("css selector", f"[data-testid={testid}]")
    driver.execute_script("arguments[0].value = arguments[1];", el, value)


def _open_event(driver: Any, place: str) -> Any:
    row = next(r for r in _rows(driver) if place in r.text)
    ident = row.get_attribute("data-id")
    row.click()
    _wait(driver, "event", lambda d: d.find_element("id", "event").get_attribute("data-id") == ident)
    return ident


def test_timeline_filters_map_and_evidence(server: str, browser: Any) -> None:
    from selenium.webdriver.support.ui import Select

    _open(browser, server)
    rows = _rows(browser)
    assert len(rows) == 5
    assert rows[0].text.startswith("1992-02-25")  # date order
    shelling = next(r for r in rows if "Durnovo" in r.text)
    assert "fatalities disputed" in shelling.text and "7\u20139" in shelling.text
    assert len(browser.find_elements("css selector", "[data-testid=map-point]")) == 5
    assert len(browser.find_elements("css selector", "#countries path")) > 150
    shot(browser, "1-timeline")

    Select(browser.find_element("css selector", "[data-testid=f-type]")).select_by_value("Protests")
    _apply(browser)
    assert [r.text.split("\n")[0] for r in _rows(browser)] == ["2020-06-10 Protests"]
    shot(browser, "2-filter-type")

    Select(browser.find_element("css selector", "[data-testid=f-type]")).select_by_value("")
    _set(browser, "f-from", "2020-06-01")
    _set(browser, "f-to", "2020-06-30")
    _apply(browser)
    assert [r.text[:10] for r in _rows(browser)] == ["2020-06-10", "2020-06-11"]
    assert len(browser.find_elements("css selector", "[data-testid=map-point]")) == 2
    shot(browser, "3-filter-dates")

    _set(browser, "f-from", "")
    _set(browser, "f-to", "")
    _apply(browser)
    ident = _open_event(browser, "Khojaly")
    marks = {m.get_attribute("data-kinds"): m.text for m in browser.find_elements("css selector", "#event mark[data-kinds]")}
    assert marks == {"trigger": "ambushed", "actor1": "Armenian troops", "actor2": "residents", "location": "Khojaly", "fatalities": "613 civilians"}
    sentence = browser.find_element("css selector", "[data-testid=sentence]").text
    assert sentence.startswith("When the residents of Khojaly") and sentence.endswith("were killed.")
    assert "1992-02-25" in browser.find_element("css selector", "[data-testid=event-facts]").text
    dot = browser.find_element("css selector", f"circle[data-id='{ident}']")
    assert "selected" in (dot.get_attribute("class") or "")
    x0, y0, w, h = (float(v) for v in browser.find_element("id", "map").get_dom_attribute("viewBox").split())
    cx, cy = float(dot.get_attribute("cx")), float(dot.get_attribute("cy"))
    assert abs(cx - (46.79 + 180) / 360 * 960) < 0.1 and abs(cy - (90 - 39.913) / 180 * 480) < 0.1
    assert x0 <= cx <= x0 + w and y0 <= cy <= y0 + h  # the point is in view
    assert dot.is_displayed()
    shot(browser, "4-event")


def test_hostile_text_is_shown_as_text(server: str, browser: Any) -> None:
    _open(browser, server)
    ident = _open_event(browser, "Zeeburg")
    shot(browser, "5-xss")
    assert browser.title == "tidings: events"  # no injected script ran
    assert browser.execute_script("return document.querySelectorAll('script').length") == 2  # ours only
    assert browser.execute_script("return document.querySelectorAll('img, [onerror], b').length") == 0
    hrefs = [a.get_attribute("href") or "" for a in browser.find_elements("css selector", "a")]
    assert not any(h.lower().startswith("javascript:") for h in hrefs)
    assert browser.find_element("css selector", "[data-testid=source-title]").text == XSS_TITLE
    assert browser.find_element("css selector", "#event mark[data-kinds=actor1]").text == XSS_ACTOR
    assert browser.find_element("css selector", "[data-testid=sentence]").text == XSS_TEXT
    assert not browser.find_elements("css selector", "[data-testid=source-link]")
    row = browser.find_element("css selector", f"tr[data-id='{ident}']")
    assert "selected" in (row.get_attribute("class") or "")


def test_a_script_in_the_filters_is_not_run(server: str, browser: Any) -> None:
    _open(browser, server)
    _set(browser, "f-actor", "<img src=x onerror=\"document.title='pwned'\">")
    _apply(browser)
    assert [r.text.split("\n")[0][:10] for r in _rows(browser)] == ["2020-07-05"]  # the hostile actor, matched as text
    _set(browser, "f-actor", "nobody at all")
    _apply(browser)
    assert _rows(browser) == [] and "No events" in browser.find_element("id", "timeline").text
    browser.get(server + "/#/event/" + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    _wait(browser, "missing", lambda d: "no event or cluster" in d.find_element("id", "event").text)
    assert browser.title == "tidings: events"
    assert browser.execute_script("return document.querySelectorAll('img, [onerror]').length") == 0
