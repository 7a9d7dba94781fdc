"""The demo report renders in a real browser: headless Chromium lays out every chart with a
non-zero size, and the screenshot shows ink (not a blank page) inside each chart's box."""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
import time

import pytest

from recoup.cli import main

WIDTH, HEIGHT = 1200, 8000

#: Appended to a copy of the report (the report itself has no script): writes each chart's box.
_MEASURE = """
<script>
const boxes = {};
for (const fig of document.querySelectorAll("figure.chart")) {
  const el = fig.querySelector("svg, img");
  const r = el.getBoundingClientRect();
  boxes[fig.id] = {tag: el.tagName.toLowerCase(), x: r.left + window.scrollX, y: r.top + window.scrollY,
                   w: r.width, h: r.height, shapes: el.querySelectorAll("path, rect, use, line").length};
}
const pre = document.createElement("pre");
pre.id = "boxes";
pre.textContent = JSON.stringify(boxes);
document.body.appendChild(pre);
</script>
"""


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(browser: str, profile: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--no-first-run",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            f"--window-size={WIDTH},{HEIGHT}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=25,
    )


def test_demo_report_charts_render_in_chromium(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium or Chrome on PATH")
    pytest.importorskip("matplotlib")
    from matplotlib import image

    started = time.monotonic()
    assert main(["demo", "--accounts", "300", "--out", str(tmp_path), "--no-open"]) == 0
    capsys.readouterr()
    report = tmp_path / "recoup-demo-report.html"
    page = report.read_text(encoding="utf-8")
    expected = re.findall(r'<figure class="chart" id="([a-z-]+)">', page)
    assert {"chart-aging", "chart-liquidation"} <= set(expected)

    measured = tmp_path / "measured.html"
    measured.write_text(page.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    dom = _run(browser, tmp_path / "profile-dom", "--dump-dom", measured.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'<pre id="boxes">(.*?)</pre>', dom.stdout, re.S)
    assert found, dom.stdout[-2000:]
    boxes = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert sorted(boxes) == sorted(expected)
    for chart_id, box in boxes.items():
        assert box["tag"] == "svg", chart_id
        assert box["w"] > 300 and box["h"] > 100, (chart_id, box)
        assert box["shapes"] > 10, (chart_id, box)  # bars, lines and glyphs were parsed as SVG
        assert box["y"] + box["h"] <= HEIGHT, f"{chart_id} is below the screenshot"

    shot = tmp_path / "report.png"
    result = _run(browser, tmp_path / "profile-shot", f"--screenshot={shot}", report.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    pixels = image.imread(str(shot))  # float RGBA in 0..1
    assert pixels.shape[0] == HEIGHT and pixels.shape[1] == WIDTH
    rgb = pixels[..., :3]
    ink = (rgb < 0.9).any(axis=-1)  # any channel clearly darker than white
    assert ink.mean() > 0.01, "the page is blank"
    for chart_id, box in boxes.items():
        x0, y0 = int(box["x"]), int(box["y"])
        region = ink[y0 : y0 + int(box["h"]), x0 : x0 + int(box["w"])]
        assert region.size > 0
        share = float(region.mean())
        print(chart_id, box, f"ink {share:.3f}")
        assert 0.02 < share < 0.6, f"{chart_id}: {share:.3f} of its pixels are ink"
        colour = rgb[y0 : y0 + int(box["h"]), x0 : x0 + int(box["w"])]
        saturated = (colour.max(axis=-1) - colour.min(axis=-1)) > 0.25
        assert saturated.mean() > 0.002, f"{chart_id}: no coloured marks"
    assert time.monotonic() - started < 30
