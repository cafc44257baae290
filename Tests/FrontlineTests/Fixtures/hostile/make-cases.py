#!/usr/bin/env python3
"""Writes cases/: the hostile corpus (issue #23). Each case is a folder with
  args     the command line, one argument a line; @DATA is the case's copy of base/, @SANDBOX the
           folder around it (where --out and planted files go)
  expect   facts the one error line must hold, one a line
  env      optional KEY=VALUE lines added to the environment
  setup.sh optional, run in @SANDBOX before the command (FRONTLINE, DATA, SANDBOX are set)
  data/    optional files laid over the copy of base/
run.sh runs them through a binary and checks: exit status 1-127 (no crash), one line on stderr
naming the facts, nothing on stdout, no raw control characters, and the sandbox unchanged.
Deterministic; run from this folder (after make-base.py)."""
import copy, json, os, shutil

def load(path):
    with open(os.path.join("base", path)) as f:
        return json.load(f)

cases = {}

def case(name, args, expect, data=None, setup=None, env=None):
    assert name not in cases, name
    cases[name] = (args, expect, data or {}, setup, env)

SMALL = ["--size", "200x100"]
RENDER = ["render", "--date", "2024-01-15", "--data", "@DATA"] + SMALL
def render(out="@SANDBOX/x.png"): return RENDER + ["--out", out]
STATS = ["stats", "--data", "@DATA"]
FRAMES = ["frames", "--data", "@DATA", "--out", "@SANDBOX/out"] + SMALL
ANIMATE = ["animate", "--data", "@DATA", "--to", "2024-01-03"] + SMALL

# ---- Writing output: nothing but a regular file the run made is replaced.
case("out-fifo", render("@SANDBOX/out.png"), ["out.png", "not a regular file"], setup="mkfifo out.png")
case("out-device", render("@SANDBOX/null") + ["--format", "png"], ["null", "not a regular file"],
     setup="mknod null c 1 3 2>/dev/null || mkfifo null")
case("out-symlink", render("@SANDBOX/out.png"), ["out.png", "symbolic link"],
     setup="echo precious > victim.txt && ln -s victim.txt out.png")
case("out-dangling-symlink", render("@SANDBOX/out.png"), ["out.png", "symbolic link"], setup="ln -s nowhere.png out.png")
case("out-is-data-file", render("@DATA/control/2024-01-01.geojson") + ["--format", "png"],
     ["2024-01-01.geojson", "is one of the run's inputs"])
case("out-is-style-file", render("@SANDBOX/style.svg") + ["--style", "@SANDBOX/style.svg"],
     ["style.svg", "is one of the run's inputs"], setup="echo '{}' > style.svg")
case("report-pdf-onto-style", ["report", "--data", "@DATA", "--format", "pdf", "--style", "@SANDBOX/s.pdf", "--out", "@SANDBOX/s.pdf"] + SMALL,
     ["s.pdf", "is one of the run's inputs"], setup="echo '{}' > s.pdf")
case("animate-onto-style", ANIMATE + ["--style", "@SANDBOX/s.gif", "--out", "@SANDBOX/s.gif"],
     ["s.gif", "is one of the run's inputs"], setup="echo '{}' > s.gif")
case("chart-out-fifo", ["chart", "--data", "@DATA", "--out", "@SANDBOX/c.svg"], ["c.svg", "not a regular file"], setup="mkfifo c.svg")
case("report-pdf-fifo", ["report", "--data", "@DATA", "--out", "@SANDBOX/r.pdf"] + SMALL, ["r.pdf", "not a regular file"], setup="mkfifo r.pdf")
case("animate-video-symlink", ANIMATE + ["--out", "@SANDBOX/a.mp4"], ["a.mp4", "symbolic link"],
     setup="echo precious > victim.txt && ln -s victim.txt a.mp4")
case("report-foreign-folder", ["report", "--data", "@DATA", "--out", "@SANDBOX/rep"] + SMALL, ["rep", "not made by frontline report"],
     setup="mkdir rep && echo '<html></html>' > rep/index.html && echo keep > rep/notes.txt")
case("report-symlink-folder", ["report", "--data", "@DATA", "--out", "@SANDBOX/rep"] + SMALL, ["rep", "symbolic link"],
     setup="mkdir victim && ln -s victim rep")
case("frames-symlink-folder", FRAMES, ["out", "symbolic link"], setup="mkdir victim && ln -s victim out")
case("animate-symlink-folder", ANIMATE + ["--out", "@SANDBOX/out"], ["out", "symbolic link"], setup="mkdir victim && ln -s victim out")

# ---- --resume: frames made with other options or data are not kept.
FIRST_FRAMES = '"$FRONTLINE" frames --data "$DATA" --out out --size 200x100 '
case("resume-other-theme", FRAMES + ["--resume"], ["out", "--resume", "other options"],
     setup=FIRST_FRAMES + "--theme print > /dev/null")
case("resume-other-data", FRAMES + ["--resume"], ["out", "--resume", "other data"],
     setup=FIRST_FRAMES + "> /dev/null && sed -i 's/30.9/30.95/g' \"$DATA/control/2024-02-01.geojson\"")
case("resume-animate-other-size", ["animate", "--data", "@DATA", "--to", "2024-01-03", "--size", "240x100", "--out", "@SANDBOX/out", "--resume"],
     ["out", "--resume", "other options"],
     setup='"$FRONTLINE" animate --data "$DATA" --to 2024-01-03 --size 200x100 --out out > /dev/null 2>&1')
case("resume-unrecorded", FRAMES + ["--resume"], ["out", "no record"],
     setup=FIRST_FRAMES + "> /dev/null && rm -f out/.frontline-run")

# ---- Consistency: nothing draws or counts what `validate` would refuse.
def control(date="2024-01-01"): return load(f"control/{date}.geojson")
dup = {"control/copy.geojson": control()}
DUP_FACTS = ["control/copy.geojson", "feature 0", "2024-01-01", "also in control/2024-01-01.geojson"]
for name, args in [("render", render()), ("frames", FRAMES), ("animate", ANIMATE + ["--out", "@SANDBOX/an"]), ("stats", STATS),
                   ("diff", ["diff", "--from", "2024-01-01", "--to", "2024-02-01", "--data", "@DATA"]),
                   ("chart", ["chart", "--data", "@DATA", "--out", "@SANDBOX/c.svg"]),
                   ("report", ["report", "--data", "@DATA", "--out", "@SANDBOX/rep"] + SMALL)]:
    case(f"same-date-two-files-{name}", args, DUP_FACTS, data=dup)
twice = control(); twice["features"].append(copy.deepcopy(twice["features"][0]))
case("feature-twice", STATS, ["control/2024-01-01.geojson", "feature 3", "feature 0"], data={"control/2024-01-01.geojson": twice})
empty = {"control/2024-02-01.geojson": {"type": "FeatureCollection", "features": []}}
case("empty-snapshot-render", RENDER[:2] + ["2024-02-05"] + RENDER[3:] + ["--out", "@SANDBOX/x.png"],
     ["control/2024-02-01.geojson", "no control areas"], data=empty)
case("empty-snapshot-stats", STATS, ["control/2024-02-01.geojson", "no control areas"], data=empty)
def manifest(edit):
    m = load("dataset.json"); edit(m); return {"dataset.json": m}
case("home-misspelt", STATS, ["dataset.json", "sides[1]", "'Blnd'", "territories"],
     data=manifest(lambda m: m["sides"][1].update(home="Blnd")))
case("homes-shared", STATS, ["dataset.json", "sides[1]", "'Aland'"], data=manifest(lambda m: m["sides"][1].update(home="Aland")))
case("side-id-twice", render(), ["dataset.json", "sides[1]", "'a'"], data=manifest(lambda m: m["sides"][1].update(id="a")))
case("view-outside-region", render(), ["dataset.json", "view", "region"], data=manifest(lambda m: m.update(view=[29.5, 50.2, 31.8, 51.8])))
def event(edit):
    e = load("events.geojson"); edit(e["features"][0]); return {"events.geojson": e}
def prop(**kw): return lambda f: f["properties"].update(**kw)
case("event-kind", render(), ["events.geojson", "feature 0", "kind", "'nuked'"], data=event(prop(kind="nuked")))
case("event-status", STATS, ["events.geojson", "feature 0", "status", "'rumoured'"], data=event(prop(status="rumoured")))
case("event-actor", render(), ["events.geojson", "feature 0", "actor", "'c'"], data=event(prop(actor="c")))
case("event-date-precision", render(), ["events.geojson", "feature 0", "datePrecision", "'sometime'"],
     data=event(prop(datePrecision="sometime")))
case("event-figure-unit", render(), ["events.geojson", "feature 0", "unit", "'furlong'"],
     data=event(prop(figure={"value": 3, "unit": "furlong", "measure": "depth"})))
case("event-settlement-unknown", render(), ["events.geojson", "feature 0", "'Gamma'", "gazetteer"], data=event(prop(settlement="Gamma")))
def area(edit):
    c = control(); edit(c["features"][0]["properties"]); return {"control/2024-01-01.geojson": c}
case("area-side-unknown", STATS, ["control/2024-01-01.geojson", "feature 0", "'c'"], data=area(lambda p: p.update(side="c")))
case("area-territory-unknown", STATS, ["control/2024-01-01.geojson", "feature 0", "'Alnd'"], data=area(lambda p: p.update(territory="Alnd")))
def settlements(edit):
    s = load("settlements.geojson"); edit(s["features"]); return {"settlements.geojson": s}
case("settlement-outside-region", ["chart", "--data", "@DATA", "--out", "@SANDBOX/c.svg"], ["settlements.geojson", "feature 0", "outside the region"],
     data=settlements(lambda fs: fs[0]["geometry"].update(coordinates=[33.5, 51.0])))
case("settlement-name-twice", STATS, ["settlements.geojson", "feature 1", "'Alpha'"],
     data=settlements(lambda fs: fs[1]["properties"].update(name="Alpha")))

# ---- Numbers: checked conversions, ranges stated; views and CRSs that cannot be drawn are refused.
huge = settlements(lambda fs: fs[0]["properties"].update(population=1e300))
# (`validate` lists this problem on stdout with the rest and exits 1: tested in OwnFrontTests' validate test.)
case("population-huge-stats", STATS, ["settlements.geojson", "feature 0", "population", "0…"], data=huge)
case("population-huge-render", render(), ["settlements.geojson", "feature 0", "population", "0…"], data=huge)
case("population-negative", STATS, ["settlements.geojson", "feature 0", "population", "0…"],
     data=settlements(lambda fs: fs[0]["properties"].update(population=-5)))
case("population-year-fraction", render(), ["settlements.geojson", "feature 0", "populationYear", "whole number"],
     data=settlements(lambda fs: fs[0]["properties"].update(populationYear=2021.5)))
case("step-overflow", FRAMES + ["--step", "1317624576693539402w"], ["--step", "1317624576693539402w", "1…"])
case("shard-environment-overflow", FRAMES, ["SLURM_ARRAY_TASK_ID"],
     env={"SLURM_ARRAY_TASK_ID": "-9223372036854775808", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "2"})
case("fps-huge", ANIMATE + ["--out", "@SANDBOX/an", "--fps", "99999999999999999999"], ["--fps", "99999999999999999999"])
case("workers-huge", FRAMES + ["--workers", "99999999999999999999"], ["--workers", "99999999999999999999"])
case("bbox-world", render() + ["--bbox=-179,-85,179,85"], ["--bbox", "larger than the data"])
case("bbox-tiny", render() + ["--bbox", "30.5,50.5,30.5000000000001,50.5000000000001"], ["--bbox", "smaller than"])
case("crs-vertical", render() + ["--crs", "EPSG:5714"], ["--crs", "EPSG:5714", "vertical"])
case("crs-area-of-use", render() + ["--crs", "EPSG:32610"], ["--crs", "EPSG:32610", "area of use"])

# ---- Text from data reaches the terminal escaped.
case("escape-in-side", STATS, ["control/2024-01-01.geojson", "feature 0", "\\u{1B}]0;owned\\u{07}"],
     data=area(lambda p: p.update(side="\x1b]0;owned\x07")))
case("escape-in-file-name", STATS, ["\\u{1B}[2Jbad.geojson", "malformed JSON"],
     setup="printf '{' > \"$DATA/control/$(printf '\\033')[2Jbad.geojson\"")

shutil.rmtree("cases", ignore_errors=True)
for name, (args, expect, data, setup, env) in cases.items():
    d = os.path.join("cases", name)
    os.makedirs(d)
    with open(os.path.join(d, "args"), "w") as f: f.write("".join(a + "\n" for a in args))
    with open(os.path.join(d, "expect"), "w") as f: f.write("".join(x + "\n" for x in expect))
    if setup:
        with open(os.path.join(d, "setup.sh"), "w") as f: f.write(setup + "\n")
    if env:
        with open(os.path.join(d, "env"), "w") as f: f.write("".join(f"{k}={v}\n" for k, v in env.items()))
    for path, value in data.items():
        p = os.path.join(d, "data", path)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f: json.dump(value, f, indent=1, sort_keys=True); f.write("\n")
print(f"{len(cases)} cases")
