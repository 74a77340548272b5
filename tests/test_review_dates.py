"""Review cycle: every page says when it was reviewed, due pages are listed by
`make review-due` and reported by the build without failing a strict build, and missing
or malformed dates are warnings at the page's file and line."""

import os
import subprocess
from datetime import date

import pytest
from bs4 import BeautifulSoup
from review_dates import schedule
from sphinx.errors import SphinxError
from test_dates import DATES

from tools import review_due, sphinx_command
from tools.languages import registry

from conftest import ROOT, toctree, warnings_of, write_project

TODAY = "2027-06-01"
FRESH = "---\nreviewed: 2026-11-28\nreview-by: 12 months\n---\n# Tuore\n\nTeksti.\n"
OVERDUE = "---\nreviewed: 2025-01-10\nreview-by: 2026-01-10\n---\n# Vanha\n\nTeksti.\n"
PAGES = {
    "index": "---\nreviewed: 2026-11-28\nreview-by: 2027-11-28\n---\n" + toctree("tuore", "vanha"),
    "tuore": FRESH,
    "vanha": OVERDUE,
}
BROKEN = {
    "puuttuu": "# Ei päiväyksiä\n\nTeksti.\n",
    "vaillinainen": "---\nreviewed: 2026-11-28\n---\n# Vain toinen\n",
    "virheellinen": "---\nreviewed: 2026-11-28\nreview-by: ensi vuonna\n---\n# Virhe\n",
    "takaperin": "---\nreviewed: 2026-11-28\nreview-by: 2026-01-01\n---\n# Takaperin\n",
}
CONF = 'extensions.append("review_dates")\nrecipes_chapters = {}\n'


@pytest.fixture
def build(make_app):
    """Build a project folder in ``language`` with Sphinx's testing app (make_app)."""

    def build_in(srcdir, language="fi"):
        conf = (srcdir / "conf.py").read_text(encoding="utf-8")
        (srcdir / "conf.py").write_text(
            conf.replace('language = "fi"', f"language = {language!r}"), encoding="utf-8"
        )
        app = make_app("html", srcdir=srcdir)
        app.build()
        return app

    return build_in


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setenv(schedule.TODAY_VARIABLE, TODAY)


def test_an_overdue_page_is_warned_and_a_valid_one_is_not(build, tmp_path, today):
    app = build(write_project(tmp_path, PAGES, CONF))
    assert warnings_of(app) == [
        "vanha.md:3: WARNING: review due since 2026-01-10 (last reviewed 2025-01-10): check the page, "
        "then set 'reviewed' to the review date and a new 'review-by' [review.due]"
    ]


@pytest.mark.parametrize(("setting", "returncode"), [("", 1), ("review_due_warns = False\n", 0)])
def test_a_strict_build_fails_on_a_due_page_unless_it_is_only_reported(tmp_path, today, setting, returncode):
    """The handbook's conf.py sets review_due_warns = False: its strict builds only report."""
    srcdir = write_project(tmp_path, PAGES, CONF + setting)
    out = tmp_path / "out"
    result = subprocess.run(
        sphinx_command.command("html", out, out / ".doctrees", src=srcdir),
        capture_output=True,
        text=True,
        env={**os.environ, schedule.TODAY_VARIABLE: TODAY},
    )
    assert result.returncode == returncode, result.stderr
    reported = [line for line in (result.stdout + result.stderr).splitlines() if "review due since" in line]
    assert len(reported) == 1 and "vanha.md:3: " in reported[0]
    assert ("WARNING" in reported[0]) == bool(returncode)
    assert "tuore.md" not in result.stdout + result.stderr


def test_the_handbook_only_reports_due_pages():
    assert "\nreview_due_warns = False\n" in (ROOT / "conf.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("docname", "location", "subtype", "text"),
    [
        ("puuttuu", "puuttuu.md:1", "review.missing", "front matter has no 'reviewed'"),
        ("vaillinainen", "vaillinainen.md:1", "review.missing", "front matter has no 'review-by'"),
        ("virheellinen", "virheellinen.md:3", "review.invalid", "'review-by' must be a date YYYY-MM-DD"),
        ("takaperin", "takaperin.md:3", "review.invalid", "'review-by' (2026-01-01) must come after"),
    ],
)
def test_missing_or_malformed_dates_are_typed_warnings(
    build, tmp_path, today, docname, location, subtype, text
):
    pages = {**PAGES, docname: BROKEN[docname]}
    pages["index"] = pages["index"].replace("vanha\n", f"vanha\n{docname}\n")
    warnings = warnings_of(build(write_project(tmp_path, pages, CONF)))
    found = [w for w in warnings if w.startswith(f"{location}: WARNING: ")]
    assert len(found) == 1 and text in found[0] and found[0].endswith(f"[{subtype}]"), warnings


def test_pages_show_their_review_date_and_an_overdue_notice(build, tmp_path, today):
    out = build(write_project(tmp_path, PAGES, CONF)).outdir
    fresh = BeautifulSoup((out / "tuore.html").read_text(encoding="utf-8"), "html.parser")
    assert fresh.select_one(".review-dates").get_text(" ", strip=True) == (
        "Tarkistettu 28.11.2026. Seuraava tarkistus viimeistään 28.11.2027."
    )
    assert fresh.select_one(".review-overdue") is None
    old = BeautifulSoup((out / "vanha.html").read_text(encoding="utf-8"), "html.parser")
    assert "viimeistään 10.1.2026" in old.select_one(".review-overdue").get_text()


@pytest.mark.parametrize(
    ("language", "shown"),
    [("sv", "Granskad {} Nästa granskning senast {}"), ("en", "Reviewed {} Next review by {}")],
)
def test_review_dates_speak_the_readers_language_in_its_date_style(build, tmp_path, today, language, shown):
    style = registry()[language]
    conf = CONF + f"recipes_locale = {style.locale!r}\nrecipes_date_pattern = {style.date!r}\n"
    out = build(write_project(tmp_path, PAGES, conf), language=language).outdir
    page = BeautifulSoup((out / "tuore.html").read_text(encoding="utf-8"), "html.parser")
    days = DATES[language]
    expected = shown.format(days["2026-11-28"] + ".", days["2027-11-28"] + ".")
    assert page.select_one(".review-dates").get_text(" ", strip=True) == expected


@pytest.mark.parametrize(
    ("review_by", "due"),
    [
        ("12 months", date(2027, 1, 31)),
        ("1 month", date(2026, 2, 28)),
        ("2 years", date(2028, 1, 31)),
        ("6 weeks", date(2026, 3, 14)),
        ("2027-01-01", date(2027, 1, 1)),
    ],
)
def test_review_by_is_a_date_or_an_interval_from_the_review(review_by, due):
    assert schedule.parse({"reviewed": "2026-01-31", "review-by": review_by}).review_by == due


def test_a_malformed_today_is_refused_with_a_message(build, tmp_path, monkeypatch):
    monkeypatch.setenv(schedule.TODAY_VARIABLE, "ensi maanantaina")
    with pytest.raises(SphinxError, match="HANDBOOK_TODAY must be a date YYYY-MM-DD"):
        build(write_project(tmp_path, PAGES, CONF))


def test_review_due_lists_the_overdue_page_only(tmp_path, capsys):
    write_project(tmp_path, {"index": PAGES["index"], "docs/tuore": FRESH, "recipes/vanha": OVERDUE})
    assert review_due.main(["--root", str(tmp_path), "--today", TODAY]) == 0
    listing = capsys.readouterr().out
    assert "recipes/vanha.md:3: due 2026-01-10 (last reviewed 2025-01-10)" in listing
    assert "tuore" not in listing and "index.md" not in listing
    assert review_due.main(["--root", str(tmp_path), "--today", TODAY, "--fail"]) == 1


def test_review_due_reports_undated_pages(tmp_path, capsys):
    write_project(tmp_path, {"index": PAGES["index"], "docs/puuttuu": BROKEN["puuttuu"]})
    assert review_due.main(["--root", str(tmp_path), "--today", TODAY, "--fail"]) == 1
    assert "docs/puuttuu.md:1: front matter has no 'reviewed'" in capsys.readouterr().out


def test_every_handbook_page_has_a_valid_review_schedule():
    due, broken = review_due.check(ROOT, date.fromisoformat("2026-11-29"))
    assert broken == []
    assert len(review_due.pages(ROOT)) >= 25


def test_make_review_due_lists_and_exits_zero():
    result = subprocess.run(["make", "-s", "review-due"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Review due on ")


RECORDED = (
    "---\nreviewed: 2026-11-28\nreview-by: 12 months\nreviewed-by: toimitus\n"
    "review-scope: lähteet ja kirjasen vastaavuus\n---\n# Kirjattu\n\nTeksti.\n"
)


def test_a_review_records_who_checked_what(build, tmp_path, today):
    pages = {**PAGES, "kirjattu": RECORDED}
    pages["index"] = pages["index"].replace("vanha\n", "vanha\nkirjattu\n")
    out = build(write_project(tmp_path, pages, CONF)).outdir
    page = BeautifulSoup((out / "kirjattu.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one(".review-record").get_text(strip=True) == (
        "Tarkistaja: toimitus. Tarkistettiin: lähteet ja kirjasen vastaavuus."
    )
    fresh = BeautifulSoup((out / "tuore.html").read_text(encoding="utf-8"), "html.parser")
    assert fresh.select_one(".review-record") is None  # nothing recorded, nothing claimed


def commit(repo, message: str, when: str) -> None:
    stamp = f"{when}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for args in (
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message],
    ):
        subprocess.run(["git", *args], cwd=repo, check=True, env=env, capture_output=True)


@pytest.fixture
def changed_after_review(tmp_path):
    """A git project: docs/tuore.md reviewed 28.11.2026 and changed 1.12.2026; index.md,
    reviewed the same day, last changed 20.11.2026."""
    pages = {"index": PAGES["index"].replace("tuore", "docs/tuore"), "docs/tuore": FRESH, "vanha": OVERDUE}
    srcdir = write_project(tmp_path / "src", pages, CONF)
    subprocess.run(["git", "init", "-q"], cwd=srcdir, check=True)
    commit(srcdir, "first", "2026-11-20")
    (srcdir / "docs/tuore.md").write_text(FRESH + "\nUusi kappale.\n", encoding="utf-8")
    commit(srcdir, "change after the review", "2026-12-01")
    return srcdir


def test_a_page_changed_after_its_review_says_so(build, changed_after_review, monkeypatch):
    monkeypatch.setenv(schedule.TODAY_VARIABLE, "2026-12-03")
    out = build(changed_after_review).outdir
    page = BeautifulSoup((out / "docs/tuore.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one(".review-changed").get_text(strip=True) == (
        "Sivua on muutettu tarkistuksen jälkeen (viimeisin muutos 1.12.2026); "
        "muutosta ei ole vielä tarkistettu."
    )
    unchanged = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert unchanged.select_one(".review-changed") is None  # changed 20.11., reviewed 28.11.


def test_review_due_lists_a_page_changed_after_its_review(changed_after_review, capsys):
    assert review_due.main(["--root", str(changed_after_review), "--today", "2026-12-03"]) == 0
    listing = capsys.readouterr().out
    assert "Changed after their review: 1" in listing
    assert "docs/tuore.md:2: changed 2026-12-01 after its review on 2026-11-28" in listing
    assert review_due.main(["--root", str(changed_after_review), "--today", "2026-12-03", "--fail"]) == 1
