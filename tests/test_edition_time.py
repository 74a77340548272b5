"""The edition benchmark's report (benchmarks/edition_time.py): per language the median,
fastest and slowest wall time, the median CPU time and the pages, and the slowest median
set against the target."""

from benchmarks.edition_time import TARGET, report


def test_each_language_gets_its_median_extremes_and_pages_and_the_target_its_slowest_median():
    runs = {
        "fi": [(9.5, 9.4, 40), (10.1, 10.0, 40), (9.6, 9.7, 40)],
        "en": [(12.0, 11.0, 41), (10.9, 10.8, 41), (16.0, 15.5, 41), (11.2, 11.1, 41)],
    }
    header, fi, en, target = report(runs)
    assert header.split() == ["language", "median", "s", "fastest", "slowest", "CPU", "s", "pages"]
    assert fi.split() == ["fi", "9.6", "9.5", "10.1", "9.7", "40"]
    assert en.split() == ["en", "11.6", "10.9", "16.0", "11.1", "41"]  # even count: the middle two
    assert target.startswith(f"target: at most {TARGET:g} s; slowest median 11.6 s on ")
