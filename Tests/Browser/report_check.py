#!/usr/bin/env python3
"""Drives headless Chromium through a report page the way a reader would, over the DevTools protocol.

Usage: report_check.py CHROMIUM INDEX_HTML SCREENSHOT_DIR [TEXT ...]

Opens INDEX_HTML from disk (file://), records every console error, uncaught exception, failed load
and JavaScript dialog (an alert() from data that escaped its escaping), checks that each TEXT is
shown on the page as text, moves the slider with the
mouse, presses the arrow keys and Play, and checks each time that the shown date, the events panel
and the map image change together and the new image loads. Saves a screenshot after each step.
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
  const shown = [...document.querySelectorAll('article.frame')].filter(a => !a.hidden);
  return {
    date: document.getElementById('date').textContent,
    slider: Number(document.getElementById('slider').value),
    max: Number(document.getElementById('slider').max),
    src: map.getAttribute('src'),
    complete: map.complete,
    loaded: map.complete && map.naturalWidth > 0,
    shownFrames: shown.map(a => a.getAttribute('data-label')),
    play: document.getElementById('play').textContent,
    scripts: document.querySelectorAll('script').length,
    bodyText: document.body.textContent
  };
})()"""


def main():
    chromium, index, out_dir = sys.argv[1:4]
    expected_texts = sys.argv[4:]
    os.makedirs(out_dir, exist_ok=True)
    failures, states, shots = [], [], []
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(chromium, profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Page"):
                browser.send(domain + ".enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1300, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session=session)
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

            def screenshot(name):
                data = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
                path = os.path.join(out_dir, name + ".png")
                with open(path, "wb") as f:
                    f.write(base64.b64decode(data))
                shots.append(path)

            def record(step, s):
                states.append({"step": step, **{k: v for k, v in s.items() if k != "bodyText"}})

            def check(cond, what):
                if not cond:
                    failures.append(what)

            def moved(before, after, step):
                check(after["date"] != before["date"], "%s: the shown date did not change (%s)" % (step, after["date"]))
                check(after["src"] != before["src"], "%s: the map did not change (%s)" % (step, after["src"]))
                check(after["loaded"], "%s: the new map image did not load (%s)" % (step, after["src"]))
                check(after["shownFrames"] == [after["date"]],
                      "%s: events panel shows %s, date says %s" % (step, after["shownFrames"], after["date"]))

            first = settle()
            record("opened", first)
            check(first["loaded"], "the first map did not load: %s" % first["src"])
            check(first["max"] >= 1, "fewer than two dates to step through")
            check(first["scripts"] == 1, "the page has %d script elements; data text became markup?" % first["scripts"])
            check(first["shownFrames"] == [first["date"]], "events panel %s vs date %s" % (first["shownFrames"], first["date"]))
            for text in expected_texts:
                check(text in first["bodyText"], "the page does not show %r as text" % text)
            screenshot("1-opened")

            # The mouse: press and release near the slider's right end.
            rect = evaluate("(() => { const r = document.getElementById('slider').getBoundingClientRect();"
                            " return [r.left, r.top, r.width, r.height]; })()")
            x, y = rect[0] + rect[2] - 3, rect[1] + rect[3] / 2
            for kind in ("mousePressed", "mouseReleased"):
                browser.send("Input.dispatchMouseEvent",
                             {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}, session=session)
            after_slider = settle()
            record("slider dragged to the end", after_slider)
            moved(first, after_slider, "slider")
            check(after_slider["slider"] == after_slider["max"], "slider at %s, not at its end" % after_slider["slider"])
            screenshot("2-slider-at-end")

            # The keyboard: ArrowLeft steps back one date.
            evaluate("document.activeElement.blur()")
            for kind in ("rawKeyDown", "keyUp"):
                browser.send("Input.dispatchKeyEvent", {"type": kind, "key": "ArrowLeft", "code": "ArrowLeft",
                                                        "windowsVirtualKeyCode": 37}, session=session)
            after_key = settle()
            record("ArrowLeft", after_key)
            moved(after_slider, after_key, "ArrowLeft")
            check(after_key["slider"] == after_slider["slider"] - 1, "ArrowLeft moved the slider to %s" % after_key["slider"])
            screenshot("3-arrow-left")

            # Play advances on its own; Pause stops it.
            evaluate("document.getElementById('play').click()")
            browser.pump(1.6)
            playing = settle()
            record("playing", playing)
            moved(after_key, playing, "Play")
            check(playing["play"] == "Pause" or playing["slider"] == playing["max"], "Play button says %s" % playing["play"])
            evaluate("document.getElementById('play').textContent === 'Pause' && document.getElementById('play').click()")
            browser.pump(0.3)
            paused = state()
            record("paused", paused)
            check(paused["play"] == "Play", "Pause did not stop playing")
            screenshot("4-played")
            browser.pump(0.5)
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
