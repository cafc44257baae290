#!/usr/bin/env python3
"""Drives headless Chromium through a report page the way a reader would, over the DevTools protocol.

Usage: report_check.py CHROMIUM INDEX_HTML SCREENSHOT_DIR [TEXT ...]

Opens INDEX_HTML from disk (file://) at a phone's size (360×740) and a desktop's (1400×1000), records
every console error, uncaught exception, failed load and JavaScript dialog (an alert() from data that
escaped its escaping), checks that the page opens on the latest date with its map loaded, that each
TEXT is shown on the page as text, that every image has alt text, and that nothing is wider than the
window; clicks the slider (a time scale: each date at its day) near its start and middle, presses the
arrow keys and Play, and checks each time that the shown date, the slider's place, the events panel,
the map image and its alt text change together and the new image loads (on the phone, the phone
layout's PNG; on the desktop, the SVG). Saves a screenshot after
each step.
Prints one JSON object (what it saw) on stdout and exits 0 only if every check held.

Standard library only. Talks CDP over --remote-debugging-pipe (fds 3 and 4 of the browser), so no
port is opened and nothing but the page's own files is loaded.
"""
import base64
import json
import os
import select
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium, profile):
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()

        def wire_pipes():
            # The browser reads commands on fd 3 and writes replies on fd 4. Duplicate first, so the
            # dup2 calls never overwrite the other pipe end before it is copied.
            a, b = os.dup(to_r), os.dup(from_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile, "--window-size=1300,1000", "about:blank"]
        self.proc = subprocess.Popen(args, preexec_fn=wire_pipes, close_fds=False,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_r)
        os.close(from_w)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no message from the browser in time")
            ready, _, _ = select.select([self.from_r], [], [], left)
            if ready:
                chunk = os.read(self.from_r, 1 << 20)
                if not chunk:
                    raise RuntimeError("the browser closed its pipe (exit status %s)" % self.proc.poll())
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=20):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def pump(self, seconds):
        """Collects events for `seconds`."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._read_message(deadline))
        except TimeoutError:
            pass

    def wait_for(self, method, seconds):
        """Collects events until one named `method` arrives (True) or `seconds` pass (False)."""
        if any(e.get("method") == method for e in self.events):
            return True
        deadline = time.monotonic() + seconds
        try:
            while True:
                event = self._read_message(deadline)
                self.events.append(event)
                if event.get("method") == method:
                    return True
        except TimeoutError:
            return False

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def problems_in(events):
    """Console errors, exceptions, failed loads and dialogs among the collected events."""
    found = []
    for e in events:
        method, p = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            found.append("console.%s: %s" % (p["type"], " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            found.append("exception: %s %s" % (d.get("text", ""), d.get("exception", {}).get("description", "")))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            entry = p["entry"]
            found.append("log error: %s %s" % (entry.get("text", ""), entry.get("url", "")))
        elif method == "Page.javascriptDialogOpening":
            found.append("dialog opened (script from data ran?): %s" % p.get("message"))
    return found


STATE = """(() => {
  const map = document.getElementById('map');
  const slider = document.getElementById('slider');
  const frames = [...document.querySelectorAll('article.frame')];
  const shown = frames.filter(a => !a.hidden);
  return {
    date: document.getElementById('date').textContent,
    slider: Number(slider.value),
    max: Number(slider.max),
    offsets: frames.map(a => Number(a.getAttribute('data-offset'))),
    labels: frames.map(a => a.getAttribute('data-label')),
    shownOffset: shown.length ? Number(shown[0].getAttribute('data-offset')) : -1,
    src: map.getAttribute('src'),
    current: map.currentSrc,
    hasPhone: !!document.getElementById('map-phone'),
    shownDate: shown.length ? shown[0].getAttribute('data-date') : '',
    alt: map.alt,
    shownAlt: shown.length ? shown[0].querySelector('.alt').textContent : '',
    emptyAlts: [...document.images].filter(i => !(i.alt || '').trim()).map(i => i.getAttribute('src')),
    images: document.images.length,
    complete: map.complete,
    loaded: map.complete && map.naturalWidth > 0,
    shownFrames: shown.map(a => a.getAttribute('data-label')),
    play: document.getElementById('play').textContent,
    scripts: document.querySelectorAll('script').length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    bodyText: document.body.textContent
  };
})()"""

SIZES = [("desktop", 1400, 1000, False), ("phone", 360, 740, True)]


def run_size(browser, index, out_dir, size, expected_texts, failures, states, shots):
    name, width, height, mobile = size
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Runtime", "Log", "Page"):
        browser.send(domain + ".enable", session=session)
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}, session=session)
    if mobile:
        browser.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1}, session=session)
    browser.events = [e for e in browser.events if e.get("method") != "Page.loadEventFired"]
    browser.send("Page.navigate", {"url": "file://" + os.path.abspath(index)}, session=session)
    if not browser.wait_for("Page.loadEventFired", 20):
        raise TimeoutError("the page did not finish loading in 20 s")

    def evaluate(expression):
        r = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
        if "exceptionDetails" in r:
            raise RuntimeError("evaluating %r: %s" % (expression[:60], r["exceptionDetails"].get("exception", {}).get("description")))
        return r["result"].get("value")

    def state():
        return evaluate(STATE)

    def settle(expect_src=None):
        """Waits until the map image has loaded or failed to (and shows `expect_src`, if given)."""
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            s = state()
            if s["complete"] and (expect_src is None or s["src"] == expect_src):
                return s
            browser.pump(0.1)
        return state()

    def screenshot(step):
        data = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
        path = os.path.join(out_dir, "%s-%s.png" % (name, step))
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        shots.append(path)

    def record(step, s):
        states.append({"size": name, "step": step, **{k: v for k, v in s.items() if k not in ("bodyText", "labels", "offsets")}})

    def check(cond, what):
        if not cond:
            failures.append("%s %dx%d: %s" % (name, width, height, what))

    def consistent(s, step):
        """The date, the slider's place, the events panel and the map's alt text agree."""
        check(s["shownFrames"] == [s["date"]], "%s: events panel shows %s, date says %s" % (step, s["shownFrames"], s["date"]))
        check(s["slider"] == s["shownOffset"], "%s: slider at day %s, the date shown is at day %s" % (step, s["slider"], s["shownOffset"]))
        check(s["alt"].strip() != "" and s["alt"] == s["shownAlt"], "%s: the map's alt text is not the shown date's" % step)
        check(not s["emptyAlts"], "%s: images without alt text: %s" % (step, s["emptyAlts"]))
        check(s["overflow"] <= 1, "%s: the page is %d px wider than the window" % (step, s["overflow"]))
        # A phone is shown the date drawn for a phone (the mobile layout), a desktop the SVG.
        want = ("maps/phone/%s.png" if mobile and s["hasPhone"] else "maps/%s.svg") % s["shownDate"]
        check(s["current"].endswith(want), "%s: the map shown is %s, not %s" % (step, s["current"], want))

    def moved(before, after, step):
        check(after["date"] != before["date"], "%s: the shown date did not change (%s)" % (step, after["date"]))
        check(after["src"] != before["src"], "%s: the map did not change (%s)" % (step, after["src"]))
        check(after["loaded"], "%s: the new map image did not load (%s)" % (step, after["src"]))
        consistent(after, step)

    def press(key, code, vk):
        for kind in ("rawKeyDown", "keyUp"):
            browser.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": vk},
                         session=session)

    def tap(x, y):
        if mobile:
            for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchEnd", [])):
                browser.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points}, session=session)
        else:
            for kind in ("mousePressed", "mouseReleased"):
                browser.send("Input.dispatchMouseEvent",
                             {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}, session=session)

    first = settle()
    record("opened", first)
    check(first["loaded"], "the map did not load on opening: %s" % first["src"])
    check(first["max"] >= 1, "fewer than two dates to step through")
    check(first["date"] == first["labels"][-1], "opened on %s, not the latest date %s" % (first["date"], first["labels"][-1]))
    check(first["slider"] == first["max"], "opened with the slider at day %s of %s" % (first["slider"], first["max"]))
    check(first["images"] >= 2, "the map and the chart: %d images" % first["images"])
    check(first["scripts"] == 1, "the page has %d script elements; data text became markup?" % first["scripts"])
    consistent(first, "opened")
    for text in expected_texts:
        check(text in first["bodyText"], "the page does not show %r as text" % text)
    screenshot("1-opened")

    # The slider is a time scale: a press at a place selects the date nearest that day.
    evaluate("document.getElementById('slider').scrollIntoView({block: 'center'})")
    rect = evaluate("(() => { const r = document.getElementById('slider').getBoundingClientRect();"
                    " return [r.left, r.top, r.width, r.height]; })()")
    tap(rect[0] + 2, rect[1] + rect[3] / 2)
    at_start = settle()
    record("slider pressed at its start", at_start)
    moved(first, at_start, "slider start")
    check(at_start["slider"] == 0 and at_start["date"] == at_start["labels"][0],
          "slider start: day %s, %s" % (at_start["slider"], at_start["date"]))
    ratio = 0.5
    tap(rect[0] + rect[2] * ratio, rect[1] + rect[3] / 2)
    middle = settle()
    record("slider pressed at its middle", middle)
    moved(at_start, middle, "slider middle")
    target_day = ratio * middle["max"]
    best = min(abs(o - target_day) for o in middle["offsets"])
    # The thumb's width shifts a press by up to a few days on a short slider.
    slack = max(1.5, 12.0 / rect[2] * middle["max"])
    check(abs(middle["shownOffset"] - target_day) <= best + slack,
          "slider middle: day %s chosen, the nearest date to day %.1f is %.1f days away" % (middle["shownOffset"], target_day, best))
    screenshot("2-slider")

    # The keyboard, off the slider: ArrowLeft steps back one date (not one day).
    evaluate("document.activeElement.blur()")
    press("ArrowLeft", "ArrowLeft", 37)
    after_key = settle()
    record("ArrowLeft", after_key)
    k = middle["labels"].index(middle["date"])
    if k > 0:
        moved(middle, after_key, "ArrowLeft")
        check(after_key["slider"] == middle["offsets"][k - 1], "ArrowLeft moved the slider to day %s" % after_key["slider"])
    # And on the slider: ArrowRight steps to the next date.
    evaluate("document.getElementById('slider').focus()")
    press("ArrowRight", "ArrowRight", 39)
    after_right = settle()
    record("ArrowRight on the slider", after_right)
    j = after_key["labels"].index(after_key["date"])
    moved(after_key, after_right, "ArrowRight on the slider")
    check(after_right["slider"] == after_key["offsets"][j + 1], "ArrowRight moved the slider to day %s" % after_right["slider"])
    screenshot("3-keys")

    # Play advances on its own; Pause stops it.
    evaluate("document.getElementById('play').click()")
    browser.pump(1.6)
    playing = settle()
    record("playing", playing)
    moved(after_right, playing, "Play")
    check(playing["play"] == "Pause" or playing["slider"] == playing["max"], "Play button says %s" % playing["play"])
    evaluate("document.getElementById('play').textContent === 'Pause' && document.getElementById('play').click()")
    browser.pump(0.3)
    paused = state()
    record("paused", paused)
    check(paused["play"] == "Play", "Pause did not stop playing")
    screenshot("4-played")
    browser.pump(0.5)
    browser.send("Target.closeTarget", {"targetId": target})


def main():
    chromium, index, out_dir = sys.argv[1:4]
    expected_texts = sys.argv[4:]
    os.makedirs(out_dir, exist_ok=True)
    failures, states, shots = [], [], []
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(chromium, profile)
        try:
            for size in SIZES:
                run_size(browser, index, out_dir, size, expected_texts, failures, states, shots)
        except Exception as error:  # a protocol failure is a failed check, reported like the others
            failures.append("%s: %s" % (type(error).__name__, error))
        finally:
            problems = problems_in(browser.events)
            browser.close()
    failures += problems
    print(json.dumps({"ok": not failures, "failures": failures, "consoleProblems": problems,
                      "states": states, "screenshots": shots}, ensure_ascii=False, indent=1))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
