/// The report page's style sheet and script, inlined so the page is one file that needs nothing else.
///
/// The script holds no data: it reads the dates from the page's `article.frame` elements, so nothing from
/// the data set is ever put into JavaScript, and the escaping of the HTML is all the escaping there is.
enum ReportAssets {
    static let css = """

        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 "Noto Sans", "DejaVu Sans", sans-serif; color: #1e1e1e; background: #f4f6f8; }
        header, main { max-width: 1280px; margin: 0 auto; padding: 0 20px; }
        header { padding-top: 16px; }
        h1 { font-size: 28px; margin: 8px 0; }
        h2 { font-size: 21px; margin: 28px 0 8px; }
        h3 { font-size: 16px; margin: 12px 0 6px; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .summary { margin: 4px 0; }
        .caveat { background: #fff4d6; border-left: 4px solid #e0a800; padding: 6px 10px; }
        .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; position: sticky; top: 0;
          background: #f4f6f8; padding: 8px 0; z-index: 1; }
        .controls button { font: inherit; min-width: 44px; min-height: 44px; padding: 4px 10px; }
        #date { font-weight: bold; flex: 1 1 10em; }
        .timescale { flex: 1 1 100%; order: 5; }
        #slider { display: block; width: 100%; min-height: 32px; margin: 0; touch-action: pan-y; }
        .ends { display: flex; justify-content: space-between; color: #5e5e5e; font-size: 13px; }
        figure { margin: 0; }
        figure img, #chart img { display: block; width: 100%; max-width: 100%; height: auto; background: #dce6ee; border: 1px solid #ccd; }
        .hint, .note, .none { color: #5e5e5e; font-size: 14px; }
        .alt { font-size: 15px; }
        .events { padding-left: 1.4em; }
        .events li { margin: 4px 0; overflow-wrap: anywhere; }
        .events .star { font-weight: bold; white-space: nowrap; }
        .place { font-weight: bold; }
        .claim, cite { color: #5e5e5e; font-size: 14px; }
        .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; }
        th, td { border-bottom: 1px solid #dde; padding: 3px 8px; text-align: right; }
        thead th { text-align: center; }
        tbody th { text-align: left; white-space: nowrap; }
        tr.current { background: #e3efff; }
        a { overflow-wrap: anywhere; }
        @media (max-width: 600px) {
          header, main { padding: 0 10px; }
          h1 { font-size: 22px; }
          table { font-size: 13px; }
          th, td { padding: 3px 4px; }
        }

        """

    static let script = """

        "use strict";
        (function () {
          var frames = Array.prototype.slice.call(document.querySelectorAll("article.frame"));
          if (frames.length === 0) { return; }
          var slider = document.getElementById("slider"), output = document.getElementById("date");
          var map = document.getElementById("map"), phone = document.getElementById("map-phone");
          var play = document.getElementById("play");
          var svgLink = document.getElementById("svg-link"), pngLink = document.getElementById("png-link");
          var rows = Array.prototype.slice.call(document.querySelectorAll("#stats tr[data-date]"));
          // Days from the first date: the slider is a time scale, and each date sits at its day.
          var offsets = frames.map(function (f) { return Number(f.getAttribute("data-offset")); });
          var current = -1, timer = null;

          function nearest(day) {
            var best = 0;
            offsets.forEach(function (o, k) { if (Math.abs(o - day) < Math.abs(offsets[best] - day)) { best = k; } });
            return best;
          }

          function show(index) {
            index = Math.max(0, Math.min(frames.length - 1, index));
            slider.value = String(offsets[index]);
            if (index === current) { return; }
            current = index;
            var f = frames[index], date = f.getAttribute("data-date");
            frames.forEach(function (g, k) { g.hidden = k !== index; });
            output.textContent = f.getAttribute("data-label");
            slider.setAttribute("aria-valuetext", f.getAttribute("data-label"));
            // A narrow screen shows the phone map (the <source>), a wide one the SVG.
            if (phone) { phone.srcset = f.getAttribute("data-phone"); }
            map.src = f.getAttribute("data-map");
            map.alt = f.querySelector(".alt").textContent;
            svgLink.href = f.getAttribute("data-map");
            if (pngLink) { pngLink.href = f.getAttribute("data-png"); }
            rows.forEach(function (r) { r.classList.toggle("current", r.getAttribute("data-date") === date); });
            if (history.replaceState) { history.replaceState(null, "", "#" + date); }
            if (index > 0) {
              var before = frames[index - 1];
              new Image().src = phone && matchMedia(phone.media).matches ? before.getAttribute("data-phone") : before.getAttribute("data-map");
            }
          }

          function setPlaying(on) {
            if (on && timer === null) {
              if (current === frames.length - 1) { show(0); }
              timer = setInterval(function () {
                if (current >= frames.length - 1) { setPlaying(false); } else { show(current + 1); }
              }, 1200);
            } else if (!on && timer !== null) {
              clearInterval(timer);
              timer = null;
            }
            play.textContent = play.getAttribute(timer === null ? "data-play" : "data-pause");
            play.setAttribute("aria-pressed", timer === null ? "false" : "true");
          }

          // Dragging (mouse or touch) moves along the time scale; the map follows the nearest date.
          slider.addEventListener("input", function () { setPlaying(false); show(nearest(Number(slider.value))); });
          slider.addEventListener("change", function () { show(nearest(Number(slider.value))); });
          document.getElementById("prev").addEventListener("click", function () { setPlaying(false); show(current - 1); });
          document.getElementById("next").addEventListener("click", function () { setPlaying(false); show(current + 1); });
          play.addEventListener("click", function () { setPlaying(timer === null); });
          // Keys step by date, not by day, on the slider and anywhere on the page.
          document.addEventListener("keydown", function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey) { return; }
            var tag = event.target && event.target.tagName;
            if (event.target !== slider && (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT")) { return; }
            var step = { ArrowLeft: -1, ArrowDown: -1, PageDown: -1, ArrowRight: 1, ArrowUp: 1, PageUp: 1 }[event.key];
            if (event.target !== slider && (event.key === "ArrowUp" || event.key === "ArrowDown")) { return; }
            if (step !== undefined) { setPlaying(false); show(current + step); event.preventDefault(); }
            else if (event.key === "Home") { setPlaying(false); show(0); event.preventDefault(); }
            else if (event.key === "End") { setPlaying(false); show(frames.length - 1); event.preventDefault(); }
          });

          var wanted = location.hash.slice(1), start = frames.length - 1;
          frames.forEach(function (f, k) { if (f.getAttribute("data-date") === wanted) { start = k; } });
          show(start);
        })();

        """
}
