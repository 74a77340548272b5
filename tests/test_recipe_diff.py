"""`make recipe-diff`: what a change does to the recipes, and the ID stability rules,
checked on small git repositories with a base and a changed commit."""

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tools.recipe_review.__main__ import main
from tools.recipe_review.rules import REWORD_RULE

from conftest import CHAPTER, ROOT, toctree, write_project

KAKKU = {"uuni": "Lämmitä uuni.", "taikina": "Sekoita taikina."}
PIIRAKKA = {"pohja": "Kauli pohja.", "tayte": "Levitä täyte."}
FIRST = ["- 1.0 (2026-11-28): Ensimmäinen versio."]


def page(
    recipe_id: str, title: str, items: dict[str, str], retired=(), history=FIRST, people="leipuri"
) -> str:
    lines = [f"# {title}", "", f":::{{recipe}} {recipe_id}", f":title: {title}", ":chapters: eka"]
    lines += [":steps: alku", f":participants: {people}"]
    lines += [f":retired: {', '.join(retired)}"] if retired else []
    lines += (
        [""]
        + [f"- {{item}}`{item_id}` {text} {{origin}}`handbook`" for item_id, text in items.items()]
        + [":::", ""]
    )
    if history:
        lines += [f":::{{recipe-changes}} {recipe_id}", *history, ":::", ""]
    return "\n".join(lines)


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=Testaaja", "-c", "user.email=testaaja@example.org"]
    subprocess.run(["git", "-C", str(repo), *identity, *args], check=True, capture_output=True)


def commit(repo: Path, docs: dict[str, str]) -> None:
    for old in repo.glob("*.md"):
        old.unlink()
    write_project(repo, {"index": toctree("chapter", *docs), "chapter": CHAPTER, **docs})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")


BASE = {"kakku": page("kakku", "Kakku", KAKKU), "piirakka": page("piirakka", "Piirakka", PIIRAKKA)}


@pytest.fixture
def review(tmp_path, capsys):
    """Commit BASE, then ``docs``; run the review of that change and return (status, output);
    what it wrote to stderr is kept as ``review.err``."""

    def run(docs: dict[str, str], *options: str) -> tuple[int, str]:
        repo = tmp_path / "repo"
        if not repo.exists():
            repo.mkdir()
            git(repo, "init", "-q", "-b", "main")
            commit(repo, BASE)
        commit(repo, docs)
        status = main(["--repo", str(repo), "--base", "HEAD~1", "--head", "HEAD", *options])
        captured = capsys.readouterr()
        run.err = captured.err
        return status, captured.out

    return run


def failures(output: str) -> list[str]:
    """The rule messages of a text report."""
    lines = output.split("ID checks failed", 1)[1].splitlines()[1:]
    assert lines[-1] == REWORD_RULE
    return [line.strip() for line in lines[:-1]]


CLEAN = {
    "kakku": page(
        "kakku",
        "Kakku",
        {"uuni": "Lämmitä uuni 200 asteeseen.", "kuorrutus": "Kuorruta kakku."},
        retired=["taikina"],
        history=["- 1.1 (2026-12-01): Taikina poistettu, kuorrutus lisätty.", *FIRST],
        people="leipuri, maistaja",
    ),
    "piirakka": BASE["piirakka"],
}


def test_a_clean_change_passes_and_is_listed(review):
    status, output = review(CLEAN)
    assert status == 0
    assert output == (
        "Recipe changes from {base} to {head}\n".format(**labels(output)) + "\n"
        "kakku (Kakku): changed: 1 added, 1 reworded, 1 removed, 1 retired, options: participants;"
        " version 1.0 → 1.1\n"
        "  + kuorrutus: Kuorruta kakku.\n"
        "  ~ uuni\n"
        "      before: Lämmitä uuni.\n"
        "      after:  Lämmitä uuni 200 asteeseen.\n"
        "  - taikina: Sekoita taikina.\n"
        "  retired: taikina\n"
        "  participants: leipuri → leipuri, maistaja\n"
        "  history: 1.1 (2026-12-01): Taikina poistettu, kuorrutus lisätty.\n"
        "\n"
        "1 changed, 1 unchanged.\n"
        "\n"
        "ID checks passed.\n"
    )


def labels(output: str) -> dict[str, str]:
    first = output.splitlines()[0].removeprefix("Recipe changes from ")
    base, head = first.split(" to ")
    return {"base": base, "head": head}


def test_markdown_of_a_known_change(review):
    status, output = review(CLEAN, "--format", "markdown")
    assert status == 0
    base, head = (
        line.strip("`") for line in output.splitlines()[2].removeprefix("From ").rstrip(".").split(" to ")
    )
    assert output == (
        "## Recipe changes\n"
        "\n"
        f"From {base} to {head}.\n"
        "\n"
        "### Kakku (`kakku`)\n"
        "\n"
        "Changed: 1 added, 1 reworded, 1 removed, 1 retired, options: participants; version 1.0 → 1.1.\n"
        "\n"
        "- **added** `kuorrutus`: Kuorruta kakku.\n"
        "- **reworded** `uuni`\n"
        "  - before: Lämmitä uuni.\n"
        "  - after: Lämmitä uuni 200 asteeseen.\n"
        "- **removed** `taikina`: Sekoita taikina.\n"
        "- **retired** `taikina`\n"
        "- **participants**: leipuri → leipuri, maistaja\n"
        "- **history** 1.1 (2026-12-01): Taikina poistettu, kuorrutus lisätty.\n"
        "\n"
        "1 changed, 1 unchanged.\n"
        "\n"
        "**ID checks passed.**\n"
    )


def test_removed_item_must_be_retired(review):
    items = {"uuni": KAKKU["uuni"]}
    history = ["- 1.1 (2026-12-01): Taikina poistettu.", *FIRST]
    status, output = review({**BASE, "kakku": page("kakku", "Kakku", items, history=history)})
    assert status == 1
    assert failures(output) == [
        "kakku.md:3: recipe 'kakku', item 'taikina' was removed but its ID is not retired. Add "
        "'taikina' to the ':retired:' option of recipe 'kakku', so that no later item takes over "
        "readers' ticks for it. If you only reworded the item, put it back under the same ID."
    ]


def test_retired_id_never_returns(review):
    retired = page(
        "kakku", "Kakku", {"uuni": KAKKU["uuni"]}, ["taikina"], ["- 1.1 (2026-12-01): Pois.", *FIRST]
    )
    review({**BASE, "kakku": retired})
    back = page(
        "kakku",
        "Kakku",
        {**KAKKU, "taikina": "Vatkaa kerma."},
        history=["- 1.2 (2026-12-02): Kerma.", "- 1.1 (2026-12-01): Pois.", *FIRST],
    )
    status, output = review({**BASE, "kakku": back})
    assert status == 1
    assert failures(output) == [
        "kakku.md:3: recipe 'kakku', item 'taikina': this ID was retired and is back in the "
        "checklist. A retired ID never returns: give the item a new ID and keep 'taikina' in ':retired:'."
    ]


def test_recipe_id_is_not_reused_for_another_recipe(review):
    moved = page("kakku", "Piirakka", PIIRAKKA, history=["- 2.0 (2026-12-01): Piirakaksi.", *FIRST])
    status, output = review({"piirakka": moved})
    assert status == 1
    assert failures(output) == [
        "piirakka.md:3: recipe ID 'kakku' moved from kakku.md to piirakka.md, the page of recipe "
        "'piirakka'. A recipe ID names one recipe for good: keep 'kakku' with its own recipe and give "
        "a different recipe a new ID."
    ]


def test_changed_recipe_needs_a_higher_version(review):
    reworded = page("kakku", "Kakku", {**KAKKU, "uuni": "Lämmitä uuni kuumaksi."})
    status, output = review({**BASE, "kakku": reworded})
    assert status == 1
    assert failures(output) == [
        "kakku.md:3: recipe 'kakku' changed (1 reworded) but its version is still 1.0. Add the line "
        "'- 1.1 (YYYY-MM-DD): what changed' at the top of its ':::{recipe-changes} kakku' history."
    ]


def test_changed_ids_name_new_and_changed_recipes(review):
    new = page("munkki", "Munkki", {"paista": "Paista munkit."})
    status, output = review({**CLEAN, "munkki": new}, "--changed-ids")
    assert (status, output) == (0, "kakku,munkki\n")


def test_an_unknown_base_is_an_error_not_a_traceback(tmp_path, capsys):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, BASE)
    assert main(["--repo", str(repo), "--base", "no-such-ref"]) == 2
    assert "recipe-diff: " in capsys.readouterr().err


def test_pull_requests_run_the_diff_and_preview_the_changed_recipes():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    (job,) = [job for job in workflow["jobs"].values() if "make -s recipe-diff" in json.dumps(job)]
    assert job["if"] == "github.event_name == 'pull_request'"
    assert job["env"]["BASE"] == "origin/${{ github.base_ref }}"
    assert job["steps"][0]["with"]["fetch-depth"] == 0
    runs = [step.get("run", "") for step in job["steps"]]
    diff = next(run for run in runs if "recipe-diff" in run)
    assert 'make -s recipe-diff BASE="$BASE" FORMAT=markdown > recipe-diff.md' in diff
    assert '>> "$GITHUB_STEP_SUMMARY"' in diff and "exit $status" in diff
    preview = next(run for run in runs if "sphinx_command.py workshop" in run)
    assert '--base "$BASE" --changed-ids' in preview
    assert (
        'workshop --out build/preview -- -D recipes_workshop_variant=recipes -D "recipes_workshop_only=$ids"'
        in preview
    )
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "build/preview/*.pdf"


def test_the_reminder_points_at_a_rule_contributing_states():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "## Tunnisteiden säännöt" in guide and '"Tunnisteiden säännöt"' in REWORD_RULE
    assert "säilyttää tunnisteensa vain, jos tehtävä pysyy samana" in guide
    assert "keeps its ID only when the task stays the same" in guide and REWORD_RULE.startswith(
        "A reworded item keeps its ID only when the task stays the same"
    )


def test_a_retired_id_stays_on_the_retired_list(review):
    retired = page(
        "kakku", "Kakku", {"uuni": KAKKU["uuni"]}, ["taikina"], ["- 1.1 (2026-12-01): Pois.", *FIRST]
    )
    review({**BASE, "kakku": retired})
    dropped = page("kakku", "Kakku", {"uuni": KAKKU["uuni"]}, history=["- 1.1 (2026-12-01): Pois.", *FIRST])
    status, output = review({**BASE, "kakku": dropped})
    assert status == 1
    assert failures(output) == [
        "kakku.md:3: recipe 'kakku', item 'taikina' is no longer in ':retired:'. Put it back: readers "
        "may still hold ticks for the retired item."
    ]


def test_a_recipe_keeps_its_id(review):
    renamed = page("kakkunen", "Kakku", KAKKU)
    status, output = review({**BASE, "kakku": renamed})
    assert status == 1
    assert failures(output) == [
        "kakku.md:3: recipe 'kakku' is gone and its page kakku.md now holds the new recipe 'kakkunen'. "
        "Readers' ticks are stored under 'kakku': if this is the same recipe, keep its ID; if it is a "
        "new recipe, give it a page of its own."
    ]


def test_recipe_warnings_of_the_compared_revision_are_shown(review):
    broken = BASE["kakku"].replace("{item}`taikina`", "{item}`Taikina!`")
    history = "- 1.1 (2026-12-01): Taikina.\n- 1.0"
    status, output = review({**BASE, "kakku": broken.replace("- 1.0", history, 1)})
    assert status == 1 and "item 'taikina' was removed" in output
    assert (
        "kakku.md:10: WARNING: malformed item ID 'Taikina!' (character 1 is U+0054 LATIN CAPITAL LETTER T)"
        in review.err
    )


# -- The handbook itself ---------------------------------------------------------------------
# The tool once passed every test above and crashed on the handbook: a revision's conf.py
# imports modules from its own tree, which the next revision then found deleted.


def make_recipe_diff(clone: Path, *arguments: str) -> subprocess.CompletedProcess:
    """``make recipe-diff`` in ``clone``, with this checkout's installed environment."""
    line = ["make", "--no-print-directory", "-C", str(clone), "recipe-diff", f"VENV={ROOT / '.venv'}"]
    return subprocess.run([*line, *arguments], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def handbook_clone(tmp_path_factory) -> Path:
    """A fresh clone of this repository with one more commit: a recipe item reworded and
    the recipe's version raised, as a contributor would."""
    clone = tmp_path_factory.mktemp("handbook") / "reseptikirja"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    # The environment is installed already: its stamp must not look older than the lock file.
    os.utime(clone / "requirements.lock", (0, 0))
    git(clone, "checkout", "-q", "-B", "main")
    page = clone / "recipes" / "foorumit.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("kahden viikon kuluessa", "kolmen viikon kuluessa", 1)
    text = text.replace(
        ":::{recipe-changes} foorumit\n",
        ":::{recipe-changes} foorumit\n- 9.0 (2026-12-03): Tulokset kolmessa viikossa.\n",
        1,
    )
    page.write_text(text, encoding="utf-8")
    git(clone, "commit", "-q", "-am", "Foorumit: kolme viikkoa")
    return clone


def test_recipe_diff_reads_the_handbook_against_a_base(handbook_clone):
    result = make_recipe_diff(handbook_clone, "BASE=HEAD~1")
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "foorumit (Nykyiset foorumit kumppanuuden käyttöön): changed: 1 reworded" in result.stdout
    assert "after:  Välitä jokaisen kokouksen tulokset kumppanuusprosessin omistajalle kolmen" in (
        result.stdout
    )
    assert "ID checks passed." in result.stdout


def test_recipe_diff_reads_the_handbook_against_main(handbook_clone):
    """Without BASE the merge base with main is HEAD itself: the working tree's edit is all
    there is, and a reworded item without a new version fails the rules."""
    page = handbook_clone / "recipes" / "missiot.md"
    original = page.read_text(encoding="utf-8")
    item = next(line for line in original.splitlines() if line.startswith("- {item}`"))
    page.write_text(original.replace(item, item.replace("` ", "` Ensin: ", 1), 1), encoding="utf-8")
    try:
        result = make_recipe_diff(handbook_clone)
    finally:
        page.write_text(original, encoding="utf-8")
    assert "Traceback" not in result.stderr
    assert "recipe-diff] Error 1" in result.stderr  # the tool's status 1: a rule failed
    assert "missiot (" in result.stdout and "1 reworded" in result.stdout
    assert "recipe 'missiot' changed (1 reworded) but its version is still" in result.stdout
