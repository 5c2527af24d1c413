"""CI runs what the README tells a new user to run."""

from newsfacts.config import PROJECT_ROOT


def test_ci_runs_the_readme_test_command() -> None:
    ci_command = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert ci_command.replace(" -q", "") in readme
